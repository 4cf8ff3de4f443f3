// Which trigger characters a block's text contains, as a bit mask computed in
// one pass and shared by the extractors. Most extractors skip most blocks on
// one character (`元` for amounts, `《`/`号` for citations, the deadline
// rules' guards), and one shared pass is cheaper than a scan per extractor.
import type { Block } from '../parse/types.js';

/** Deadline guards first (deadlines.ts), then the characters other extractors test (role words and colons for responsibilities). */
const TRIGGERS = '底末内到日旬季半年五每按报调《号元（负牵会由：:组部班十月';

const BITS = new Uint32Array(0x10000);
[...TRIGGERS].forEach((c, i) => {
  BITS[c.charCodeAt(0)] = 1 << i;
});

/** The bit of a trigger character; a programmer error for any other character. */
export function charBit(c: string): number {
  const bit = BITS[c.charCodeAt(0)]!;
  if (!bit || c.length !== 1) throw new Error(`not a trigger character: ${c}`);
  return bit;
}

/** The mask of trigger characters in a text. */
export function textChars(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= BITS[text.charCodeAt(i)]!;
  return mask;
}

/**
 * The mask is kept on the block under a symbol, which stays out of JSON and
 * out of the block's type; a property read is far cheaper than a WeakMap.
 */
const CHARS = Symbol('triggerChars');
type Marked = Block & { [CHARS]?: number };

/** The mask of a block's text, computed once per block. */
export function blockChars(b: Block): number {
  const known = (b as Marked)[CHARS];
  if (known !== undefined) return known;
  const mask = textChars(b.text);
  // Not enumerable: spreads and deep equality of blocks do not see it.
  Object.defineProperty(b, CHARS, { value: mask });
  return mask;
}
