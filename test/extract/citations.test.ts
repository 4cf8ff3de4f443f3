// Citations: 文号 of every era and bracket form, 《title》（文号） pairs, orders,
// self-references, and resolution against the issue's own documents.
import { describe, expect, it } from 'vitest';
import { citationIndex, extractCitations, findCitations, resolveCitations } from '../../src/extract/citations.js';
import type { Citation } from '../../src/extract/types.js';
import { docOf } from './doc.js';

const scan = (...paragraphs: string[]): Citation[] =>
  findCitations(paragraphs.map((text, i) => ({ kind: 'paragraph' as const, text, lines: [i + 1, i + 1] as [number, number] })), { selfTitles: [], ownDocNumber: null });
const numbers = (...paragraphs: string[]) => scan(...paragraphs).flatMap((c) => (c.docNumber ? [c.docNumber] : []));

/** [open, close] as printed: the standard 〔〕 and what conversion and typists make of it. */
const BRACKETS: [string, string][] = [['〔', '〕'], ['[', ']'], ['（', '）'], ['(', ')'], ['【', '】'], ['［', '］'], ['｛', '｝'], ['{', '}']];
const YEARS = [1981, 1996, 1999, 2000, 2004, 2019, 2023];

describe('citations by 文号', () => {
  it.each(YEARS)('reads %i in every bracket form, spaced or not, normalized to 〔〕', (year) => {
    for (const [open, close] of BRACKETS) {
      const printed = [`国办发${open}${year}${close}25号`, `国办发 ${open} ${year} ${close} 25 号`];
      for (const p of printed) expect(numbers(`根据${p}文件精神，制定本方案。`), p).toEqual([`国办发〔${year}〕25号`]);
    }
  });
  it('reads several numbers of different eras in one sentence, in order', () => {
    expect(numbers('按照《国务院关于深化改革的决定》（国发〔1998〕12号）、晋政发[2013]122号和忻政办发（2015）12号的要求')).toEqual([
      '国发〔1998〕12号', '晋政发〔2013〕122号', '忻政办发〔2015〕12号',
    ]);
  });
  it('pairs a 《title》 with the 文号 printed after it in brackets', () => {
    const [c] = scan('根据《国务院办公厅关于加强土地管理的通知》（国办发〔1996〕25号）精神');
    expect(c).toMatchObject({ kind: 'docNumber', docNumber: '国办发〔1996〕25号', title: '国务院办公厅关于加强土地管理的通知', lines: [1, 1] });
    expect(scan('根据《国务院办公厅关于加强土地管理的通知》（国办发〔1996〕25号）精神')).toHaveLength(1);
  });
  it('trims the words before the organ code', () => {
    expect(numbers('现将五政办发〔2022〕8号文件转发给你们')).toEqual(['五政办发〔2022〕8号']);
    expect(numbers('根据国发〔1997〕5号和按照晋政发〔2021〕43号')).toEqual(['国发〔1997〕5号', '晋政发〔2021〕43号']);
  });
  it('is not fooled by years, dates and numbers that are no 文号', () => {
    expect(numbers('1996年至2022年期间，全县共完成25号工程；（2022）年度计划；第〔1〕号')).toEqual([]);
    expect(numbers('国办发〔1880〕25号 与 国办发〔2150〕1号')).toEqual([]);
  });
  it('counts a number once per document and never its own', () => {
    const d = docOf(['五台县人民政府关于某事项的通知', '五政发〔2022〕5号', '依据国发〔1999〕3号。', '再次依据国发[1999]3号和五政发〔2022〕5号。'], { docNumber: '五政发〔2022〕5号', title: '五台县人民政府关于某事项的通知' });
    expect(extractCitations(d).map((c) => c.docNumber)).toEqual(['国发〔1999〕3号']);
    expect(extractCitations(d)[0]!.lines).toEqual([5, 5]);
  });
  it('searches table cells (lists of powers cite their legal basis)', () => {
    const d = docOf(['标题', { kind: 'table', text: '1\t行政许可\t《土地管理法实施条例》（国务院令第256号）\t依据晋政发〔1995〕8号', lines: [4, 4] }]);
    const got = extractCitations(d);
    expect(got.map((c) => [c.kind, c.docNumber ?? c.order ?? c.title])).toEqual([['docNumber', '晋政发〔1995〕8号'], ['order', '国务院令第256号'], ['title', '土地管理法实施条例']]);
  });
});

describe('citations by order and by title', () => {
  it('reads orders by number with the issuing body, in the short form they are cited by', () => {
    expect(scan('依照《专利代理条例》（中华人民共和国国务院令第 706 号）').filter((c) => c.kind === 'order').map((c) => c.order)).toEqual(['国务院令第706号']);
    expect(scan('《规章制定程序条例》（1997年国务院令第 222 号）').filter((c) => c.kind === 'order').map((c) => c.order)).toEqual(['国务院令第222号']);
    expect(scan('依据中华人民共和国财政部令第 48 号').map((c) => c.order)).toEqual(['中华人民共和国财政部令第48号']);
    expect(scan('根据国务院令第116号规定').map((c) => c.order)).toEqual(['国务院令第116号']);
    expect(scan('《农业机械试验鉴定办法》（2018年农业农村部令第3号）、（2013年国家卫生和计划生育委员会令第9号）').map((c) => c.order).filter(Boolean)).toEqual([
      '农业农村部令第3号', '国家卫生和计划生育委员会令第9号',
    ]);
    expect(scan('执行交通运输部令2019年第1号以前的规定；命令第3号').filter((c) => c.kind === 'order')).toEqual([]);
  });
  it('reads 《titles》, keeps nested 〈〉 and 《》, and marks self-references', () => {
    const got = scan('按照《中华人民共和国森林法》和《关于印发〈五台县河长制工作方案〉的通知》及本《规划》执行。', '落实《规划》《实施方案》。');
    expect(got.map((c) => [c.kind, c.title])).toEqual([
      ['title', '中华人民共和国森林法'], ['title', '关于印发〈五台县河长制工作方案〉的通知'], ['self', '规划'], ['self', '实施方案'],
    ]);
    const own = findCitations([{ kind: 'paragraph', text: '认真落实《五台县 河湖长制工作要点》。', lines: [3, 3] }], { selfTitles: ['五台县河湖长制工作要点'], ownDocNumber: null });
    expect(own.map((c) => c.kind)).toEqual(['self']);
  });
});

describe('resolving citations within an issue', () => {
  it('points at the cited document by 文号 or by title, else null', () => {
    const cited = docOf(['五台县人民政府关于甲的通知'], { docNumber: '五政发〔1999〕1号', title: '五台县人民政府关于甲的通知' });
    const other = docOf(['乙'], { title: '五台县乙规划', enclosures: [{ title: '五台县乙实施细则', lines: [1, 1] }] });
    const citing = scan('根据五政发[1999]1号、《五台县乙实施细则》和《外省的办法》以及晋政发〔2000〕2号');
    resolveCitations(citing, citationIndex([cited, other]));
    expect(citing.map((c) => c.resolved?.title ?? null)).toEqual(['五台县人民政府关于甲的通知', null, '五台县乙规划', null]);
  });
});
