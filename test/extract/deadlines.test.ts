import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDeadlines, findDeadlines, parseDeadline } from '../../src/extract/deadlines.js';
import { parseIssueBytes } from '../../src/parse/issue.js';

const date = (p: string, anchor: string | null = '2022-03-15') => parseDeadline(p, anchor)?.date;
const rrule = (p: string) => parseDeadline(p, '2022-03-15')?.rrule;
const texts = (t: string, anchor: string | null = '2022-09-16') => findDeadlines(t, anchor, [1, 1]).map((d) => d.text);

describe('absolute deadlines', () => {
  it('reads year ends', () => {
    for (const p of ['2022年年底前', '2022年底前', '年底前', '今年底', '2022年内']) expect(date(p), p).toBe('2022-12-31');
    expect(date('2021年年末', '2022-03-15')).toBe('2021-12-31');
  });
  it('reads month ends, days and explicit years', () => {
    expect(date('8月底前')).toBe('2022-08-31');
    expect(date('8月末')).toBe('2022-08-31');
    expect(date('2月底前', '2024-01-10')).toBe('2024-02-29');
    expect(date('12月15日前')).toBe('2022-12-15');
    expect(date('2022年9月30日前')).toBe('2022-09-30');
    expect(date('2023年11月底前')).toBe('2023-11-30');
    expect(date('明年6月底前')).toBe('2023-06-30');
  });
  it('reads 旬 as a window', () => {
    expect(parseDeadline('11月中旬', '2022-03-15')).toMatchObject({ kind: 'absolute', start: '2022-11-11', date: '2022-11-20' });
    expect(parseDeadline('3月上旬', '2022-01-15')).toMatchObject({ start: '2022-03-01', date: '2022-03-10' });
    expect(parseDeadline('2月下旬', '2022-01-15')).toMatchObject({ start: '2022-02-21', date: '2022-02-28' });
  });
  it('reads quarters and half years', () => {
    expect(date('一季度末')).toBe('2022-03-31');
    expect(date('第一季度')).toBe('2022-03-31');
    expect(date('四季度')).toBe('2022-12-31');
    expect(date('前三季度')).toBe('2022-09-30');
    expect(date('上半年')).toBe('2022-06-30');
    expect(date('年中')).toBe('2022-06-30');
    expect(date('下半年')).toBe('2022-12-31');
  });
  it('reads plan periods and 到YYYY年', () => {
    expect(date('“十四五”期间')).toBe('2025-12-31');
    expect(date('到2025年')).toBe('2025-12-31');
    expect(date('“十三五”期间', '2022-03-15')).toBeUndefined(); // history, not a deadline
  });
  it('reads Chinese numerals', () => {
    expect(date('十二月底前')).toBe('2022-12-31');
    expect(date('十一月二十日前')).toBe('2022-11-20');
  });
  it('keeps a date before the signing date as printed and flags it, never moving it to the next year', () => {
    const at = (p: string, anchor: string) => parseDeadline(p, anchor);
    expect(at('8月底前', '2022-09-09')).toMatchObject({ date: '2022-08-31', flag: 'before-signing' });
    expect(at('6月底前', '2022-09-16')).toMatchObject({ date: '2022-06-30', flag: 'before-signing' });
    expect(at('上半年', '2022-08-25')).toMatchObject({ date: '2022-06-30', flag: 'before-signing' });
    expect(at('2022年3月底前', '2022-12-12')).toMatchObject({ date: '2022-03-31', flag: 'before-signing' });
    expect(at('12月底前', '2022-09-16')).not.toHaveProperty('flag');
  });
  it("resolves a yearless date in the plan's year, taken from its title", async () => {
    const { planYear } = await import('../../src/extract/deadlines.js');
    expect(planYear('五台县2021年河湖长制工作要点')).toBe(2021);
    expect(planYear('推进服务业提质增效2022年行动计划')).toBe(2022);
    expect(planYear('五台县地质灾害防治“十四五”规划 (2021—2025年)')).toBeNull();
    expect(planYear('关于加快推进数字经济发展的实施方案')).toBeNull();
    // A plan for 2021 signed in July 2021: `4月底前` is 2021-04-30 (flagged), not 2022.
    expect(parseDeadline('4月底前', '2021-07-20', 2021)).toMatchObject({ date: '2021-04-30', flag: 'before-signing' });
    // A 2023 plan signed in December 2022: `6月底前` is in 2023.
    expect(parseDeadline('6月底前', '2022-12-20', 2023)).toMatchObject({ date: '2023-06-30' });
    expect(parseDeadline('6月底前', '2022-12-20', 2023)).not.toHaveProperty('flag');
  });
  it('inherits a year printed earlier in the paragraph', () => {
    const ds = findDeadlines('2025年上半年，完成数据整理；下半年，争取建成数据库。', '2023-06-27', [3, 5]);
    expect(ds.map((d) => [d.text, d.date])).toEqual([['2025年上半年', '2025-06-30'], ['下半年', '2025-12-31']]);
    expect(ds[0]!.lines).toEqual([3, 5]);
  });
  it('is unresolved without an anchor or a printed year', () => {
    expect(parseDeadline('年底前', null)).toMatchObject({ kind: 'unresolved', date: null });
    expect(parseDeadline('2022年底前', null)).toMatchObject({ kind: 'absolute', date: '2022-12-31' });
  });
});

describe('relative deadlines', () => {
  it('resolves from the issue date, skipping weekends for working days', () => {
    expect(parseDeadline('自本文件印发之日起10个工作日内', '2022-02-10')).toEqual({
      kind: 'relative', text: '自本文件印发之日起10个工作日内', date: '2022-02-24', relative: { amount: 10, unit: 'workday', from: 'issue' },
    });
    expect(parseDeadline('自印发之日起10个工作日内', '2022-09-16')?.date).toBe('2022-09-30');
    expect(parseDeadline('自发布之日起15日内', '2022-01-13')?.date).toBe('2022-01-28');
    expect(parseDeadline('自公布之日起一个月内', '2022-01-31')?.date).toBe('2022-02-28');
    expect(parseDeadline('本通知印发后24小时内', '2022-01-31')?.date).toBe('2022-02-01');
    expect(parseDeadline('自印发之日起10个工作日内', null)).toMatchObject({ date: null, relative: { from: 'issue' } });
  });
  it('leaves event-relative deadlines unresolved', () => {
    expect(parseDeadline('收到申请之日起5个工作日内', '2022-02-10')).toMatchObject({ date: null, relative: { amount: 5, unit: 'workday', from: 'event' } });
    for (const [p, amount, unit] of [['一个工作日内', 1, 'workday'], ['3个工作日内', 3, 'workday'], ['24小时内', 24, 'hour'], ['15日内', 15, 'day'],
      ['一个月内', 1, 'month'], ['十个工作日内', 10, 'workday'], ['两个月内', 2, 'month'], ['2周内', 2, 'week']] as const) {
      expect(parseDeadline(p, '2022-02-10'), p).toMatchObject({ kind: 'relative', date: null, relative: { amount, unit, from: 'event' } });
    }
  });
  it('keeps the origin clause in the text', () => {
    expect(texts('提供部门应当在收到反馈之日起5个工作日内予以校核更正。')).toEqual(['收到反馈之日起5个工作日内']);
    expect(texts('为保障审批工作的连续性，自本文件印发之日起10个工作日内，完成划转。')).toEqual(['自本文件印发之日起10个工作日内']);
    expect(texts('牵头单位接到通知后，须在一个工作日内反馈。')).toEqual(['一个工作日内']);
  });
});

describe('recurring deadlines', () => {
  it('maps cadences to RRULEs', () => {
    const cases: [string, string][] = [
      ['每月18日前', 'FREQ=MONTHLY;BYMONTHDAY=18'], ['每月', 'FREQ=MONTHLY'], ['按月', 'FREQ=MONTHLY'], ['每月底前', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
      ['每季度', 'FREQ=MONTHLY;INTERVAL=3'], ['按季度', 'FREQ=MONTHLY;INTERVAL=3'], ['每季度末', 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1'],
      ['每半年', 'FREQ=MONTHLY;INTERVAL=6'], ['每年', 'FREQ=YEARLY'], ['每年12月底前', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31'],
      ['每年年底前', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31'], ['每年6月30日前', 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30'],
      ['每周', 'FREQ=WEEKLY'], ['周报', 'FREQ=WEEKLY'], ['旬报', 'FREQ=MONTHLY;BYMONTHDAY=10,20,-1'], ['每旬', 'FREQ=MONTHLY;BYMONTHDAY=10,20,-1'],
      ['月报', 'FREQ=MONTHLY'], ['季报', 'FREQ=MONTHLY;INTERVAL=3'], ['年报', 'FREQ=YEARLY'], ['每日', 'FREQ=DAILY'], ['日报', 'FREQ=DAILY'], ['日调度', 'FREQ=DAILY'],
    ];
    for (const [p, r] of cases) expect(rrule(p), p).toBe(r);
  });
  it('counts a cadence only when something is done or reported on it', () => {
    expect(texts('每月召开一次调度会，每季度末前报送，实行旬报制度。')).toEqual(['每月', '每季度末前', '旬报']);
    expect(texts('监测结果每月向社会公开。每半年排查一次。')).toEqual(['每月', '每半年']);
    expect(texts('每人每年320元，每月补贴100元，每月1-25日可办理缴费。')).toEqual([]);
    expect(texts('每年4至11月份要组织相关部门开展整治。')).toEqual([]);
    expect(texts('实施年检、年报、监制等管理措施。')).toEqual([]);
  });
  it('takes a start from 自…起', () => {
    expect(findDeadlines('自2021年10月起，每月18日前报送。', '2021-09-27', [1, 1])[0]).toMatchObject({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=18', start: '2021-10-01' });
  });
});

describe('non-deadlines', () => {
  it('ignores dates, periods, years, validity, ages and amounts', () => {
    for (const t of ['2022年8月25日', '2021年8月9日—9月30日开展专项行动', '根据2020年3月25日印发的《通知》', '2022年煤炭产量', '截至去年底煤炭储量',
      '本办法有效期3年', '年满60周岁以内', '补助100元以内', '截至2020年12月底，全县', '承诺政策有效期至2023年3月底', '自2022年第二季度起至2023年6月底，对',
      '一年内受到两次以上约谈', '审批总时限压减至45个工作日以内', '2021年统筹整合使用财政资金年中调整实施方案', '2023年一季度计划新开工的项目',
      '“十三五”期间，全县党委和政府', '集中征缴期为2022年9月1日到2022年12月25日']) {
      expect(texts(t), t).toEqual([]);
    }
    expect(parseDeadline('2022年8月25日', '2022-08-25')).toBeNull();
    expect(parseDeadline('有效期3年', '2022-08-25')).toBeNull();
  });
  // A hang guard (the test's timeout), not a speed check: timings are in bench/linear-time.mjs.
  it('finishes on long paragraphs', () => {
    const big = '各单位要于8月底前完成，自印发之日起10个工作日内报送，每月18日前上报。'.repeat(300) + '一'.repeat(4000) + '每年'.repeat(2000) + '2'.repeat(3000);
    expect(findDeadlines(big, '2022-09-16', [1, 1])).toHaveLength(900);
  }, 60_000);
});

describe('the four samples', () => {
  const files = ['wutai-2021-no4.txt', 'wutai-2022-no1.txt', 'wutai-2022-no4-part2.txt', 'wutai-2023-no2.txt'];
  const issues = Object.fromEntries(files.map((f) => [f, parseIssueBytes(readFileSync(join(import.meta.dirname, '../../data/samples', f)))]));
  const found = (f: string, docNumber: string) => extractDeadlines(issues[f]!.documents.find((d) => d.docNumber === docNumber)!);

  it.each(files)('%s: every deadline is resolved where it can be', (f) => {
    const ISO = /^\d{4}-\d{2}-\d{2}$/;
    for (const doc of issues[f]!.documents) {
      for (const d of extractDeadlines(doc)) {
        expect(d.lines[0]).toBeGreaterThanOrEqual(doc.lines[0]);
        expect(d.lines[1]).toBeLessThanOrEqual(doc.lines[1]);
        if (d.kind === 'absolute') expect(d.date, d.text).toMatch(ISO);
        if (d.kind === 'unresolved') expect(doc.date).toBeNull();
        if (d.kind === 'recurring') expect(d.rrule, d.text).toMatch(/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=-?\d+(,-?\d+)*)*$/);
        if (d.kind === 'relative' && d.relative?.from === 'issue' && doc.date) expect(d.date).toMatch(ISO);
        if (d.kind === 'relative' && d.relative?.from === 'event') expect(d.date).toBeNull();
        expect(d.text).not.toMatch(/十三五|截至|有效期|年中调整/);
      }
    }
  });

  const picked: [string, string, string, Record<string, unknown>][] = [
    ['wutai-2021-no4.txt', '五政办发〔2021〕53号', '2021年10月29日前', { kind: 'absolute', date: '2021-10-29' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕64号', '2021年9月底前', { date: '2021-09-30' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕64号', '2023年7月底前', { date: '2023-07-31' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕64号', '每月18日前', { kind: 'recurring', rrule: 'FREQ=MONTHLY;BYMONTHDAY=18', start: '2021-10-01' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕60号', '年底前', { date: '2021-12-31' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕60号', '年内', { date: '2021-12-31' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕60号', '每季', { rrule: 'FREQ=MONTHLY;INTERVAL=3' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕61号', '到2022年', { date: '2022-12-31' }],
    ['wutai-2021-no4.txt', '五政办发〔2021〕52号', '“十四五”期间', { date: '2025-12-31' }],
    ['wutai-2022-no1.txt', '五政发〔2022〕5号', '2022年年底前', { date: '2022-12-31' }],
    ['wutai-2022-no1.txt', '五政发〔2022〕8号', '自本文件印发之日起10个工作日内', { kind: 'relative', relative: { amount: 10, unit: 'workday', from: 'issue' } }],
    ['wutai-2022-no1.txt', '五政办发〔2022〕8号', '一个工作日内', { date: null, relative: { amount: 1, unit: 'workday', from: 'event' } }],
    ['wutai-2022-no1.txt', '五政办发〔2022〕8号', '按季度', { rrule: 'FREQ=MONTHLY;INTERVAL=3' }],
    ['wutai-2022-no1.txt', '五政办发〔2022〕10号', '收到反馈之日起5个工作日内', { relative: { amount: 5, unit: 'workday', from: 'event' } }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕52号', '8月底前', { date: '2022-08-31' }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕52号', '2022年底', { date: '2022-12-31' }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕51号', '今年底', { date: '2022-12-31' }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕59号', '12月15日前', { date: '2022-12-15' }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕61号', '24小时内', { relative: { amount: 24, unit: 'hour', from: 'event' } }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕63号', '四季度', { date: '2022-12-31' }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕49号', '日调度', { rrule: 'FREQ=DAILY' }],
    ['wutai-2022-no4-part2.txt', '五政办发〔2022〕60号', '按月', { rrule: 'FREQ=MONTHLY' }],
    ['wutai-2023-no2.txt', '五政发〔2023〕24号', '11月中旬', { start: '2023-11-11', date: '2023-11-20' }],
    ['wutai-2023-no2.txt', '五政发〔2023〕24号', '9月中旬', { start: '2023-09-11', date: '2023-09-20' }],
    ['wutai-2023-no2.txt', '五政发〔2023〕18号', '2025年上半年', { date: '2025-06-30' }],
    ['wutai-2023-no2.txt', '五政发〔2023〕18号', '下半年', { date: '2025-12-31' }],
    ['wutai-2023-no2.txt', '五政办发〔2023〕20号', '6月底', { date: '2023-06-30' }],
    ['wutai-2023-no2.txt', '五政办发〔2023〕26号', '2023年11月底前', { date: '2023-11-30' }],
    ['wutai-2023-no2.txt', '五政办发〔2023〕21号', '每季度', { rrule: 'FREQ=MONTHLY;INTERVAL=3' }],
  ];
  it.each(picked)('%s %s: %s', (f, docNumber, text, expected) => {
    const d = found(f, docNumber).find((x) => x.text === text);
    expect(d, text).toBeDefined();
    expect(d).toMatchObject(expected);
  });

  it('skips periods, history and validity printed in the samples', () => {
    const all = files.flatMap((f) => issues[f]!.documents.flatMap((d) => extractDeadlines(d).map((x) => x.text)));
    for (const t of ['2023年3月底', '2020年12月底', '2023年6月底', '去年底', '“十三五”期间', '2023年一季度', '年中']) expect(all).not.toContain(t);
  });
});
