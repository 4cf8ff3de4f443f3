// Shapes the four samples do not show but other issues of the gazette can:
// 上/下 parts with 总第N期, a document without a 文号 (listed in the TOC or
// not), a signature and Chinese-numeral date on one line, a decimal-numbered
// plan, a 文号 printed with （） and a space, and an issue of the 1990s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueText } from '../../src/parse/issue.js';
import { analyzeIssueBytes } from '../../src/pipeline.js';

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

const NINETIES = [
  '五台县人民政府公报', '1998年第2期', '目 录', '【县政府文件】',
  '1、五台县人民政府关于加强土地管理的通知 五政发〔1998〕12号……(1)',
  '2、五台县人民政府关于转发国务院办公厅通知的通知 五政发(1999)3号……(3)',
  '五台县人民政府', '关于加强土地管理的通知', '五政发〔1998〕12号', '各乡（镇）人民政府，县直各单位：',
  '根据《国务院办公厅关于加强土地转让管理严禁炒卖土地的通知》（国办发〔1999〕39号）和国发[1997]11号文件精神，现通知如下：',
  '一、严格土地审批', '各乡镇要严格执行土地审批制度。', '五台县人民政府', '1998年6月1日',
  '五台县人民政府', '关于转发国务院办公厅通知的通知', '五政发(1999)3号', '各乡（镇）人民政府：',
  '现将国办发（1996）25号文件转发给你们，五政发〔1998〕12号同时废止。', '五台县人民政府', '一九九九年二月十日',
].join('\n\n');

describe('an issue of the 1990s', () => {
  it('splits documents numbered 〔1998〕 and (1999), and reads what they cite and repeal', () => {
    const p = analyzeIssueBytes(Buffer.from(NINETIES));
    expect(p.issue).toMatchObject({ year: 1998, number: 2 });
    expect(p.documents.map((d) => [d.docNumber, d.date])).toEqual([['五政发〔1998〕12号', '1998-06-01'], ['五政发〔1999〕3号', '1999-02-10']]);
    expect(p.documents[0]!.citations.map((c) => c.docNumber)).toEqual(['国办发〔1999〕39号', '国发〔1997〕11号']);
    expect(p.documents[1]!.citations.map((c) => [c.docNumber, c.resolved?.docNumber ?? null])).toEqual([['国办发〔1996〕25号', null], ['五政发〔1998〕12号', '五政发〔1998〕12号']]);
    expect(p.documents[1]!.validity.repeals.map((r) => r.docNumber)).toEqual(['五政发〔1998〕12号']);
  });
});
