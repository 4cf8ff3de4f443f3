import { describe, expect, it } from 'vitest';
import { findDocNumbers, findLastDocNumber, normalizeDocNumber, parseDocNumber, trimOrganCode } from '../../src/parse/docnumber.js';
import { chineseNumber, findDate, findDateRange, parseDateLine } from '../../src/parse/dates.js';
import { readTocEntry, parseToc } from '../../src/parse/toc.js';
import { findRecipients, findSignature, splitRecipients, enclosedName, findAttachmentNotes, findAttachmentHeaders } from '../../src/parse/anatomy.js';
import { collectTitle } from '../../src/parse/split.js';
import { issuerFromTitle, isOrganOnly } from '../../src/parse/organs.js';
import { parseCover } from '../../src/parse/cover.js';
import { toSourceLines } from '../../src/text/lines.js';

describe('发文字号', () => {
  it('normalizes bracket and spacing variants', () => {
    for (const s of ['五政办发〔2021〕52号', '五政办发（2021）52号', '五政办发[2021]52号', '五政办发〔2021〕52 号', '五政办发 ( 2021 ) 52号', '五政办发【2021】52号']) {
      expect(normalizeDocNumber(s)).toBe('五政办发〔2021〕52号');
    }
  });
  it('reads the 19xx and 20xx eras alike', () => {
    for (const [s, n] of [['国办发（1996）25号', '国办发〔1996〕25号'], ['国发[1981]3号', '国发〔1981〕3号'], ['国函【1999】95 号', '国函〔1999〕95号'], ['国办发〔2000〕1号', '国办发〔2000〕1号']]) {
      expect(normalizeDocNumber(s!), s).toBe(n);
      expect(findDocNumbers(`根据${s}文件`).map((d) => d.docNumber), s).toEqual([n]);
    }
    expect(normalizeDocNumber('国发1998年12号')).toBe('国发〔1998〕12号');
    expect(normalizeDocNumber('国发〔1899〕1号')).toBeNull();
  });
  it('accepts bracketless typed forms', () => {
    expect(normalizeDocNumber('五政办发2022年8号')).toBe('五政办发〔2022〕8号');
  });
  it('flags repaired variants', () => {
    expect(parseDocNumber('五政办发（2021）52号')!.repaired).toBe(true);
    expect(parseDocNumber('五政办发〔2021〕52号')!.repaired).toBe(false);
  });
  it('rejects non-numbers', () => {
    expect(parseDocNumber('2021年8月9日')).toBeNull();
    expect(parseDocNumber('五政办发〔2021〕')).toBeNull();
  });
  it('cuts the organ code off the words before it', () => {
    expect(trimOrganCode('的通知五政办发')).toBe('五政办发');
    expect(trimOrganCode('根据国发')).toBe('国发');
    expect(findLastDocNumber('…征收工作的通知五政办发〔2022〕14号')!.docNumber).toBe('五政办发〔2022〕14号');
    expect(findDocNumbers('（晋政发〔2013〕122 号）和（忻政办发〔2015〕12号）').map((d) => d.docNumber)).toEqual([
      '晋政发〔2013〕122号', '忻政办发〔2015〕12号',
    ]);
  });
});

describe('dates', () => {
  it('reads arabic and Chinese numerals', () => {
    expect(parseDateLine('2022 年 8 月 25 日')).toBe('2022-08-25');
    expect(parseDateLine('二〇二二年八月二十五日')).toBe('2022-08-25');
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('三十一')).toBe(31);
  });
  it('rejects impossible dates and non-date lines', () => {
    expect(parseDateLine('2022年2月30日')).toBeNull();
    expect(parseDateLine('2022年8月25日前完成')).toBeNull();
    expect(findDate('于2022年8月25日前完成')).toBe('2022-08-25');
  });
  it('reads a period', () => {
    expect(findDateRange('2022 年 8 月 25 日 -2022 年 12 月 29 日')).toEqual(['2022-08-25', '2022-12-29']);
    expect(findDateRange('2021年8月9日—2021年9月30日')).toEqual(['2021-08-09', '2021-09-30']);
  });
});

describe('table of contents', () => {
  it('reads an entry with leaders and page', () => {
    expect(readTocEntry('3、五台县人民政府办公室关于印发方案的通知 五政办发〔2022〕51号……(7)')).toEqual({
      title: '五台县人民政府办公室关于印发方案的通知', docNumber: '五政办发〔2022〕51号', page: 7,
    });
  });
  it('joins entries wrapped inside the 文号 and broken into list items and table cells', () => {
    const text = [
      '目 录', '【 县政府办文件 】', '- | | |', '|--|----------|', '| 1、五台县人民政府办公室关于印发五台县煤炭增产保供工作',
      '实施方案的通知 五政办发〔2022〕49 号 |(1) |', '- 7、五台县人民政府办公室关于印发方案（暂行）的通知 五政办', '发〔2022〕60号(43)',
      '- 11、五台县人民政府办公室关于做好工作的通知 五政办发', '〔2022〕64 号 (69)',
    ].join('\n');
    const { entries } = parseToc(toSourceLines(text));
    expect(entries.map((e) => [e.category, e.docNumber, e.page])).toEqual([
      ['县政府办文件', '五政办发〔2022〕49号', 1], ['县政府办文件', '五政办发〔2022〕60号', 43], ['县政府办文件', '五政办发〔2022〕64号', 69],
    ]);
    expect(entries[0]!.title).toBe('五台县人民政府办公室关于印发五台县煤炭增产保供工作实施方案的通知');
    expect(entries[0]!.lines).toEqual([5, 6]);
  });
});

describe('document anatomy', () => {
  const lines = (s: string) => toSourceLines(s);
  it('collects a title split into organ and 关于 lines', () => {
    const l = lines('上一文件的最后一段。\n\n五台县人民政府办公室\n\n关于做好工作的 通 知\n\n五政办发〔2022〕53号');
    expect(collectTitle(l, 6, 0)).toEqual([2, 4]);
  });
  it('does not take the previous document’s last line into the title', () => {
    const l = lines('（县发展和改革局牵头，县财政局配合)\n\n关于做好工作的通知\n\n五政办发〔2022〕53号');
    expect(collectTitle(l, 4, 0)).toEqual([2]);
  });
  it('finds wrapped recipients and splits units', () => {
    const l = lines('各乡（镇）人民政府，驼梁风景\n区服务中心，县直各局、办：\n\n正文。');
    const r = findRecipients(l, 0, l.length)!;
    expect(r.lines).toEqual([0, 1]);
    expect(splitRecipients(r.text)).toEqual(['各乡（镇）人民政府', '驼梁风景区服务中心', '县直各局、办']);
  });
  it('does not take a body sentence for recipients', () => {
    const l = lines('为做好工作，现就有关事项通知如下：');
    expect(findRecipients(l, 0, l.length)).toBeNull();
  });
  it('finds the signature only when an organ precedes the date', () => {
    const l = lines('正文。\n\n五台县人民政府办公室\n\n2022年8月25日\n\n附件');
    expect(findSignature(l, 0, l.length)).toMatchObject({ organLine: 2, dateLine: 4, date: '2022-08-25', organ: '五台县人民政府办公室' });
    const none = lines('截至\n2022年8月25日');
    expect(findSignature(none, 0, none.length)).toBeNull();
  });
  it('reads attachment notes, references and headers', () => {
    const l = lines('附件：\n1. 审批表\n2. 分配表\n成立专班（见附件），并报送（附件3）。\n附件1\n审批表');
    expect(findAttachmentNotes(l, 0, 4).map((n) => [n.label, n.title])).toEqual([
      ['附件1', '审批表'], ['附件2', '分配表'], ['附件', null], ['附件3', null],
    ]);
    expect(findAttachmentHeaders(l, 4, l.length)).toEqual([{ line: 4, label: '附件1', titleLine: 5, title: '审批表' }]);
  });
  it('names the enclosed document', () => {
    expect(enclosedName('《五台县“十四五”规划》已经县人民政府同意')).toBe('五台县“十四五”规划');
  });
  it('tells organs from titles', () => {
    expect(isOrganOnly('五台县人民政府办公室')).toBe(true);
    expect(isOrganOnly('五台县煤炭增产保供工作实施方案')).toBe(false);
    expect(issuerFromTitle('五台县人民政府关于做好工作的通知')).toBe('五台县人民政府');
  });
});

describe('cover', () => {
  it('reads number, part, serial, period and publication day', () => {
    const c = parseCover(toSourceLines('五台县人民政府公报\n2022 年第 4 期（下）（总第 20 期）\n五台县人民政府办公室主办 2022 年 8 月 25 日 -2022 年 12 月 29 日'));
    expect(c).toMatchObject({ gazette: '五台县人民政府公报', year: 2022, number: 4, part: '下', serial: 20, periodStart: '2022-08-25', periodEnd: '2022-12-29', publisher: '五台县人民政府办公室' });
    expect(parseCover(toSourceLines('2023 年第 2 期\n2023 年 8 月 31 日出版')).published).toBe('2023-08-31');
  });
});
