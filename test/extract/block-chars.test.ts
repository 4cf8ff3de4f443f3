import { describe, expect, it } from 'vitest';
import { blockChars, charBit, textChars } from '../../src/extract/block-chars.js';
import type { Block } from '../../src/parse/types.js';

describe('block trigger characters', () => {
  it('sets the bit of each trigger character present, and only those', () => {
    const mask = textChars('本方案自印发之日起施行（试行）');
    expect(mask & charBit('日')).not.toBe(0);
    expect(mask & charBit('（')).not.toBe(0);
    expect(mask & charBit('元')).toBe(0);
    expect(mask & charBit('《')).toBe(0);
    expect(textChars('')).toBe(0);
    expect(textChars('abc 123')).toBe(0);
  });
  it('gives every trigger character its own bit', () => {
    const bits = [...'底末内到日旬季半年五每按报调《号元（'].map(charBit);
    expect(new Set(bits).size).toBe(bits.length);
    expect(bits.reduce((a, b) => a | b, 0)).toBe(textChars('底末内到日旬季半年五每按报调《号元（'));
  });
  it('refuses a character that is not a trigger (a programmer error)', () => {
    expect(() => charBit('甲')).toThrow();
    expect(() => charBit('元旦')).toThrow();
  });
  it('remembers a block mask without changing what the block serializes to', () => {
    const b: Block = { kind: 'paragraph', text: '资金10万元', lines: [3, 3] };
    const json = JSON.stringify(b);
    const keys = Object.keys(b);
    expect(blockChars(b)).toBe(textChars(b.text));
    expect(blockChars(b)).toBe(charBit('元'));
    expect(JSON.stringify(b)).toBe(json);
    expect(Object.keys(b)).toEqual(keys);
    expect({ ...b }).toEqual({ kind: 'paragraph', text: '资金10万元', lines: [3, 3] });
  });
});
