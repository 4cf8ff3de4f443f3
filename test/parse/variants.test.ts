// Shapes the four samples do not show but other issues of the gazette can:
// 上/下 parts with 总第N期, a document without a 文号 (listed in the TOC or
// not), a signature and Chinese-numeral date on one line, a decimal-numbered
// plan, and a 文号 printed with （） and a space.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueText } from '../../src/parse/issue.js';

const base = readFileSync(join(import.meta.dirname, '../fixtures/variants/unnumbered.txt'), 'utf8');
const withTocEntry = base.replace('【其他】', '【人事任免】\n\n2、五台县人民政府关于王某某等同志职务任免的通知……(3)');

describe('issue variants', () => {
  it('reads part and serial', () => {
    expect(parseIssueText(base).issue).toMatchObject({ year: 2024, number: 3, part: '上', serial: 57, periodStart: '2024-05-01', periodEnd: '2024-06-30' });
  });
  it.each([['listed in the TOC', withTocEntry, '人事任免', 3], ['missing from the TOC', base, null, null]])(
    'finds a document without a 文号 %s',
    (_what, text, category, page) => {
      const p = parseIssueText(text);
      expect(p.documents.map((d) => d.docNumber)).toEqual(['五政发〔2024〕9号', null, '五政办发〔2024〕31号']);
      const d = p.documents[1]!;
      expect(d).toMatchObject({ title: '五台县人民政府关于王某某等同志职务任免的通知', issuer: '五台县人民政府', date: '2024-05-20', category, tocPage: page });
      expect(d.text).toContain('免去李某某的县水利局副局长职务');
      expect(p.documents[0]!.text).not.toContain('免去李某某');
    },
  );
  it('reads a signature and a Chinese-numeral date on one line, and repairs the 文号 brackets', () => {
    const p = parseIssueText(base);
    expect(p.documents[0]!.date).toBe('2024-05-10');
    expect(p.documents[2]!.docNumber).toBe('五政办发〔2024〕31号');
    expect(p.documents[2]!.diagnostics.map((x) => x.code)).toContain('docnumber-bracket-repaired');
  });
  it('builds a decimal outline in the enclosure', () => {
    const d = parseIssueText(base).documents[2]!;
    expect(d.enclosures[0]!.title).toBe('五台县防汛应急预案');
    expect(d.outline.map((n) => [n.marker, n.title, n.children.map((c) => c.marker)])).toEqual([
      ['1', '总则', ['1.1']],
      ['2', '附则', []],
    ]);
  });
});
