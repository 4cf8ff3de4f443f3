// One test per rule of extract/term-policy.ts: which documents are
// 规范性文件, which measure sets a default term and how it is read, and which
// government a document speaks for.
import { describe, expect, it } from 'vitest';
import { isNormative, jurisdictionOf, readTermPolicy } from '../../src/extract/term-policy.js';
import type { ParsedDocument } from '../../src/parse/types.js';

const doc = (title: string, paragraphs: string[]): ParsedDocument => ({
  title, enclosures: [],
  blocks: [{ kind: 'heading', text: title, lines: [1, 1] }, ...paragraphs.map((text, k) => ({ kind: 'paragraph', text, lines: [k + 2, k + 2] }))],
}) as unknown as ParsedDocument;

describe('readTermPolicy', () => {
  it('reads the general and the trial term of a measure for 规范性文件', () => {
    const p = readTermPolicy(doc('山西省行政规范性文件制定和备案办法', ['第二十条 行政规范性文件有效期一般不超过5年；标注“暂行”“试行”的，有效期不超过2年。']));
    expect(p).toMatchObject({ period: { amount: 5, unit: 'year' }, trial: { amount: 2, unit: 'year' }, lines: [2, 2] });
  });
  it('reads Chinese numerals and 最长不得超过', () => {
    expect(readTermPolicy(doc('某市规范性文件管理规定', ['规范性文件的有效期最长不得超过五年。']))?.period).toEqual({ amount: 5, unit: 'year' });
  });
  it('takes a trial term written first, and the general term after it', () => {
    const p = readTermPolicy(doc('某县规范性文件管理办法', ['标注“试行”的规范性文件有效期为1年，其他规范性文件有效期为3年。']));
    expect(p).toMatchObject({ period: { amount: 3 }, trial: { amount: 1 } });
  });
  it('ignores the measure’s own term (本办法…有效期为5年)', () => {
    expect(readTermPolicy(doc('某县规范性文件管理办法', ['本办法自2023年2月1日起施行，有效期为5年。']))).toBeNull();
  });
  it('reads nothing from a document that is not about 规范性文件', () => {
    expect(readTermPolicy(doc('某县专项资金管理办法', ['资金使用有效期为2年。']))).toBeNull();
  });
  it('reads nothing where the term is not a rule (有效期届满前6个月评估)', () => {
    expect(readTermPolicy(doc('某县规范性文件管理办法', ['制定机关应当在有效期届满前6个月进行评估。']))).toBeNull();
  });
});

describe('isNormative', () => {
  it.each([
    ['关于印发五台县殡葬管理办法的通知', null, true],
    ['五台县城乡环境卫生管理规定', null, true],
    ['关于印发五台县农村集体资产管理办法（试行）的通知', null, true],
    ['关于印发《某县实施细则》的通知', null, true],
    ['关于印发五台县春季植树造林工作方案的通知', null, false],
    ['国务院关于印发《国务院工作规则》的通知', null, false],
    ['关于做好防汛工作的通知', '晋政办规〔2023〕2号', true],
  ])('%s (%s) → %s', (title, number, expected) => {
    expect(isNormative(title, number)).toBe(expected);
  });
});

describe('jurisdictionOf', () => {
  it.each([
    ['五台县人民政府办公室', '五台县'],
    ['五台县人民政府', '五台县'],
    ['五台县教育局', '五台县'],
    ['山西省人民政府', '山西省'],
    ['国务院办公厅', '国务院'],
    ['国务院', '国务院'],
  ])('%s → %s', (issuer, expected) => expect(jurisdictionOf(issuer)).toBe(expected));
  it('is null without an issuer', () => expect(jurisdictionOf(null)).toBeNull());
});
