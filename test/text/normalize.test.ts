import { describe, expect, it } from 'vitest';
import {
  isPageFurniture, normalizeText, removeCjkSpaces, repairRecognition, stripHtml, stripLatex, stripMarkdown, unifyAngleParens, unifyWidths,
} from '../../src/text/normalize.js';
import { splitRawLines, toSourceLine, toSourceLines } from '../../src/text/lines.js';
import { decodeText } from '../../src/text/decode.js';

describe('letter spacing and CJK spaces', () => {
  it('joins letter-spaced words', () => {
    expect(removeCjkSpaces('通 知')).toBe('通知');
    expect(removeCjkSpaces('目 录')).toBe('目录');
    expect(removeCjkSpaces('组 长：王 鑫')).toBe('组长：王鑫');
  });
  it('removes spaces between digits and Chinese', () => {
    expect(removeCjkSpaces('2022 年 8 月 25 日')).toBe('2022年8月25日');
  });
  it('keeps spaces between Latin words', () => {
    expect(removeCjkSpaces('WUTAIXIAN RENMIN')).toBe('WUTAIXIAN RENMIN');
  });
  it('removes the space a wrapped title leaves', () => {
    expect(normalizeText('煤炭增产保供工作 实施方案的通知')).toBe('煤炭增产保供工作实施方案的通知');
  });
});

describe('punctuation widths', () => {
  it('makes parentheses, commas and colons full-width in Chinese text', () => {
    expect(unifyWidths('(一)坚持安全,高效:')).toBe('（一）坚持安全，高效：');
  });
  it('keeps digit separators half-width', () => {
    expect(unifyWidths('按5:2:3比例，共1,000元')).toBe('按5:2:3比例，共1,000元');
  });
  it('turns full-width digits and letters half-width', () => {
    expect(unifyWidths('２０２２年ＡＢ')).toBe('2022年AB');
  });
  it('leaves pure ASCII lines alone', () => {
    expect(unifyWidths('(a, b)')).toBe('(a, b)');
  });
  it('repairs angle brackets used as parentheses, but keeps title nesting', () => {
    expect(unifyAngleParens('各乡〈镇〉人民政府')).toBe('各乡（镇）人民政府');
    expect(unifyAngleParens('各乡‹镇>人民政府')).toBe('各乡（镇）人民政府');
    expect(unifyAngleParens('《关于印发〈办法〉的通知》')).toBe('《关于印发〈办法〉的通知》');
  });
});

describe('markup residue', () => {
  it('drops heading hashes and remembers them', () => {
    expect(stripMarkdown('## 一、总体要求')).toMatchObject({ text: '一、总体要求', heading: true });
  });
  it('drops list bullets and bold', () => {
    expect(stripMarkdown('- **（五）强化**')).toMatchObject({ text: '（五）强化', listItem: true });
  });
  it('reads markdown table rows as text', () => {
    expect(stripMarkdown('| 1、标题 |(1) |').text).toBe('1、标题  (1)');
    expect(stripMarkdown('|--|----------|').text).toBe('');
  });
  it('strips html tags and keeps superscripts', () => {
    expect(stripHtml('84.05km<sup>2</sup>')).toBe('84.05km²');
    expect(stripHtml('<b>合计</b>')).toBe('合计');
    expect(stripHtml('H<sub>2</sub>O')).toBe('H2O');
  });
  it('reads LaTeX units', () => {
    expect(stripLatex('面积$84.05\\text{km}^2$')).toBe('面积84.05km²');
  });
});

describe('recognition errors', () => {
  it('repairs and, traditional characters and Roman numerals', () => {
    expect(repairRecognition('目标 and 推进')).toBe('目标和推进');
    expect(repairRecognition('增設')).toBe('增设');
    expect(repairRecognition('II级响应')).toBe('Ⅱ级响应');
  });
});

describe('page furniture', () => {
  it('recognises footers and rules', () => {
    for (const t of ['- 84 -', '—12—', '---', '第 3 页']) expect(isPageFurniture(t)).toBe(true);
    for (const t of ['1.', '- 2. 单位', '2022']) expect(isPageFurniture(t)).toBe(false);
  });
});

describe('lines', () => {
  it('splits CRLF, CR and LF and keeps a last line without newline', () => {
    expect(splitRawLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitRawLines('a\n')).toEqual(['a']);
  });
  it('keeps the raw line and derives the text', () => {
    const l = toSourceLine('## 目 录', 7);
    expect(l).toMatchObject({ no: 7, raw: '## 目 录', text: '目录', heading: true, blank: false });
  });
  it('splits tab rows into cells', () => {
    expect(toSourceLine('1\t东冶镇\t 大 朴', 1).cells).toEqual(['1', '东冶镇', '大朴']);
  });
  it('drops a BOM', () => {
    expect(toSourceLines('\ufeff目录')[0]!.text).toBe('目录');
  });
});

describe('decoding', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('公报')])).text).toBe('公报');
    expect(decodeText(Buffer.from('公报')).encoding).toBe('utf-8');
  });
  it('falls back to GB18030', () => {
    const d = decodeText(new Uint8Array([0xb9, 0xab, 0xb1, 0xa8]));
    expect(d).toMatchObject({ text: '公报', encoding: 'gb18030' });
  });
  it('refuses empty and binary input', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(/为空/);
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]))).toThrow(/二进制/);
  });
});
