// The rules of 五政办发〔2022〕8号 one by one, on the service with an injected
// clock (docs/SUPERVISION.md quotes each rule beside the test that shows it).
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { ingestBytes } from '../../src/store/ingest.js';
import { Supervision } from '../../src/supervise/service.js';
import { tick } from '../../src/supervise/sweep.js';
import { evaluate, explainGrade, parsePeriod } from '../../src/supervise/evaluate.js';
import { propose, registerProposals, registerProposalsReport } from '../../src/supervise/propose.js';

function setup(start: string) {
  let t = new Date(start);
  const sv = new Supervision({ db: openLibrary(':memory:'), now: () => t });
  return { sv, at: (iso: string) => (t = new Date(iso)) };
}
const audits = (sv: Supervision) => sv.db.prepare('SELECT action, allowed, detail FROM audit_log ORDER BY id').all() as { action: string; allowed: number; detail: string }[];

describe('deadlines in working days (8号 三（二）; 13710 periods)', () => {
  it('a task registered before the 国庆 break is due after it and accepted on time raises no warning', () => {
    const { sv, at } = setup('2022-09-30T09:00:00+08:00');
    const t = sv.create({ title: '节前部署', lead: '县水利局' });
    // 一个工作日内: the next working day is the Saturday 10-08 (调休); 7 working days end 10-14; 3 end 10-10.
    expect(t).toMatchObject({ acceptDue: '2022-10-08', reportDue: '2022-10-10', due: '2022-10-14', dueSource: 'default', calendarConfirmed: true });
    at('2022-10-08T16:00:00+08:00');
    sv.act(t.id, 'accept', sv.actor('县水利局'));
    expect(tick(sv)).toEqual([]);
  });

  it('a month-long key task due on a holiday moves to the next working day, never before the acceptance day', () => {
    const { sv } = setup('2022-09-05T09:00:00+08:00');
    const t = sv.create({ title: '重点工程', lead: '县水利局', major: true, approvedBy: '主要领导' });
    expect(t.due).toBe('2022-10-08'); // 10-05 is 国庆; 10-08 is a make-up working day
    for (const d of [t.acceptDue, t.reportDue, t.due]) expect(sv.calendar.isWorkday(d), d).toBe(true);
  });

  it('never stops on a year without a notice: 2027 is computed with weekends only and says so', () => {
    const { sv, at } = setup('2027-01-05T09:00:00+08:00');
    const t = sv.create({ title: '新年第一项', lead: '县水利局' });
    expect(t).toMatchObject({ acceptDue: '2027-01-06', reportDue: '2027-01-08', due: '2027-01-14', calendarConfirmed: false });
    const last = setup('2026-12-31T09:00:00+08:00').sv.create({ title: '年末', lead: '县水利局' });
    expect(last.acceptDue).toBe('2027-01-01'); // not known as 元旦 until the 2027 notice is imported
    expect(last.calendarConfirmed).toBe(false);
    at('2027-01-20T09:00:00+08:00');
    const raised = tick(sv);
    expect(raised.map((r) => r.kind)).toEqual(['accept-overdue', 'overdue', 'supervision-notice']);
    for (const r of raised) expect(r.message).toMatch(/节假日安排未确认/);
    expect(sv.show(t.id).warnings[0]).toMatchObject({ calendarConfirmed: false });
  });
});

describe('extensions (8号 三（五）)', () => {
  it('须在规定的时限内提出: a request after the due date is refused with one line and audited; on the due day it is taken', () => {
    const { sv, at } = setup('2022-03-01T09:00:00+08:00');
    const a = sv.create({ title: '按期', lead: '县水利局', due: '2022-03-10' });
    const b = sv.create({ title: '逾期', lead: '县水利局', due: '2022-03-10' });
    sv.act(a.id, 'accept', sv.actor('县水利局'));
    sv.act(b.id, 'accept', sv.actor('县水利局'));
    at('2022-03-10T17:00:00+08:00');
    expect(sv.act(a.id, 'request-extension', sv.actor('县水利局'), { to: '2022-03-31' }).status).toBe('extension_requested');
    at('2022-03-25T09:00:00+08:00');
    tick(sv);
    expect(sv.show(b.id).warnings.map((w) => w.kind)).toContain('red-card');
    expect(() => sv.act(b.id, 'request-extension', sv.actor('县水利局'), { to: '2022-04-30' })).toThrow(/已超过办结期限 2022-03-10，不能再申请延期/);
    expect(audits(sv).at(-1)).toMatchObject({ action: 'request-extension', allowed: 0 });
    expect(sv.show(b.id).status).toBe('accepted');
  });

  it('an approved extension keeps the lateness before it in the grade', () => {
    const { sv, at } = setup('2022-03-01T09:00:00+08:00');
    const t = sv.create({ title: '迟承办', lead: '县水利局', due: '2022-03-31' });
    at('2022-03-04T09:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual(['accept-overdue']);
    sv.act(t.id, 'accept', sv.actor('县水利局'));
    sv.act(t.id, 'report', sv.actor('县水利局'), { comment: '进展' });
    sv.act(t.id, 'request-extension', sv.actor('县水利局'), { to: '2022-04-30' });
    sv.act(t.id, 'approve-extension', sv.actor('分管领导'));
    at('2022-04-20T09:00:00+08:00');
    sv.act(t.id, 'request-completion', sv.actor('县水利局'), { comment: '完成' });
    const closed = sv.act(t.id, 'approve-completion', sv.actor('分管领导'));
    const g = explainGrade(closed, sv.show(t.id).warnings, '2022-04-21');
    expect(g.grade).toBe('基本落实');
    expect(g.reasons.join('；')).toMatch(/承办超过一个工作日的时限/);
    expect(g.reasons.join('；')).toMatch(/延期 1 次/);
  });
});

describe('checked input', () => {
  it('dates must be real calendar dates', () => {
    const { sv } = setup('2022-01-04T09:00:00+08:00');
    for (const due of ['2022-02-30', '2022-13-45', '2022-2-3']) expect(() => sv.create({ title: 'x', lead: '县水利局', due }), due).toThrow(/不是有效的日期/);
    const t = sv.create({ title: 'x', lead: '县水利局', due: '2022-02-28' });
    sv.act(t.id, 'accept', sv.actor('县水利局'));
    expect(() => sv.act(t.id, 'request-extension', sv.actor('县水利局'), { to: '2022-13-45' })).toThrow(/不是有效的日期/);
    expect(tick(sv)).toEqual([]);
  });

  it('units resolve through the registry; an unknown unit is refused with the nearest names', () => {
    const { sv } = setup('2022-01-04T09:00:00+08:00');
    expect(() => sv.create({ title: 'x', lead: '县水力局' })).toThrow(/未知的牵头单位“县水力局”，您是否要找：县水利局/);
    expect(() => sv.create({ title: 'x', lead: '火星局' })).toThrow(/未知的牵头单位“火星局”/);
    expect(audits(sv).map((a) => [a.action, a.allowed])).toEqual([['register', 0], ['register', 0]]);
    expect(() => sv.create({ title: 'x', lead: '县水利局', assist: ['县财正局'] })).toThrow(/未知的协办单位“县财正局”，您是否要找：县财政局/);
    const t = sv.create({ title: 'x', lead: '水利局', assist: ['县住建局', '水利局'] });
    expect(t).toMatchObject({ leadUnit: '县水利局', assistUnits: ['县住房和城乡建设管理局'] });
    // The 县水利局 user sees and acts on it; an account under another name of a unit acts for the canonical unit.
    expect(sv.list({ unit: '县水利局' }).map((x) => x.id)).toEqual([t.id]);
    expect(sv.canSee(t, sv.actor('县住建局'))).toBe(true);
    expect(sv.act(t.id, 'accept', { unit: '水利局', role: 'unit' }).status).toBe('accepted');
  });

  it('time never runs backwards within a task', () => {
    const { sv, at } = setup('2022-05-10T09:00:00+08:00');
    const t = sv.create({ title: 'x', lead: '县水利局', due: '2022-05-31' });
    at('2022-05-01T09:00:00+08:00');
    expect(() => sv.act(t.id, 'accept', sv.actor('县水利局'))).toThrow(/时间不能倒流/);
    at('2022-05-11T09:00:00+08:00');
    sv.act(t.id, 'accept', sv.actor('县水利局'));
    sv.act(t.id, 'request-completion', sv.actor('县水利局'), { comment: '完成' });
    at('2022-04-29T09:00:00+08:00');
    expect(() => sv.act(t.id, 'approve-completion', sv.actor('分管领导'))).toThrow(/时间不能倒流/);
    expect(tick(sv)).toEqual([]); // a back-dated sweep leaves the task alone
    expect(sv.show(t.id).status).toBe('completion_requested');
  });

  it('periods are cut in China time: a 约谈 at 05:00 on 2023-01-01 Beijing time counts in 2023', () => {
    const { sv, at } = setup('2022-12-20T09:00:00+08:00');
    const t1 = sv.create({ title: '年内', lead: '县水利局', due: '2022-12-30' });
    sv.create({ title: '跨年', lead: '县水利局', due: '2023-01-10' });
    at('2023-01-01T05:00:00+08:00'); // 2022-12-31T21:00Z: still 2022 in UTC
    sv.act(t1.id, 'summon', sv.actor('县政府办公室'), { comment: '约谈' });
    at('2023-02-01T09:00:00+08:00');
    const unit = (spec: { year?: string; quarter?: string }) => evaluate(sv, parsePeriod(spec)).units.find((u) => u.unit === '县水利局');
    expect(unit({ year: '2022' })).toMatchObject({ summons: 0, summonsInYear: 0 });
    expect(unit({ quarter: '2022Q4' })).toMatchObject({ summons: 0 });
    expect(unit({ quarter: '2023Q1' })).toMatchObject({ summons: 1, summonsInYear: 1 });
  });
});

describe('grading by the text (8号 四（一）)', () => {
  function closedAt(close: string, opts: { report?: string; due?: string } = {}) {
    const { sv, at } = setup('2022-03-01T09:00:00+08:00');
    const t = sv.create({ title: '评定', lead: '县水利局', due: opts.due ?? '2022-03-31' });
    sv.act(t.id, 'accept', sv.actor('县水利局'));
    if (opts.report) {
      at(opts.report);
      tick(sv);
      sv.act(t.id, 'report', sv.actor('县水利局'), { comment: '进展' });
    }
    at(close);
    sv.act(t.id, 'request-completion', sv.actor('县水利局'), { comment: '完成' });
    const done = sv.act(t.id, 'approve-completion', sv.actor('分管领导'));
    return explainGrade(done, sv.show(t.id).warnings, close.slice(0, 10));
  }
  it('落实较好 is 提前按要求完成 with reports on time; on the due day it is 基本落实', () => {
    expect(closedAt('2022-03-20T09:00:00+08:00', { report: '2022-03-02T09:00:00+08:00' }).grade).toBe('落实较好');
    expect(closedAt('2022-03-31T15:00:00+08:00', { report: '2022-03-02T09:00:00+08:00' }).grade).toBe('基本落实');
  });
  it('reporting late costs 落实较好 (能及时报告进展情况), and the reason says so', () => {
    const g = closedAt('2022-03-20T09:00:00+08:00', { report: '2022-03-10T09:00:00+08:00' });
    expect(g).toMatchObject({ grade: '基本落实' });
    expect(g.reasons.join('；')).toMatch(/未按时反馈/);
  });
  it('late and red-carded without a report since the due date is 落实较差; with a report it is 落实不力', () => {
    const { sv, at } = setup('2022-03-01T09:00:00+08:00');
    const quiet = sv.create({ title: '不报告', lead: '县水利局', due: '2022-03-10' });
    const talks = sv.create({ title: '有报告', lead: '县财政局', due: '2022-03-10' });
    for (const t of [quiet, talks]) sv.act(t.id, 'accept', sv.actor(t.leadUnit));
    at('2022-03-28T09:00:00+08:00');
    tick(sv);
    sv.act(talks.id, 'report', sv.actor('县财政局'), { comment: '仍在推进' });
    const grade = (id: number) => explainGrade(sv.show(id), sv.show(id).warnings, '2022-03-28');
    expect(grade(quiet.id).grade).toBe('落实较差');
    expect(grade(talks.id).grade).toBe('落实不力');
    expect(grade(quiet.id).reasons.join('；')).toMatch(/红牌/);
  });
});

describe('editing after 立项, and proposals from a document', () => {
  it('the office edits title, due, units and 重点; each edit is a history entry with before and after; units cannot edit', () => {
    const { sv, at } = setup('2022-03-01T09:00:00+08:00');
    const t = sv.create({ title: '原标题', lead: '县水利局', due: '2022-03-31' });
    at('2022-03-02T09:00:00+08:00');
    expect(() => sv.edit(t.id, { due: '2022-04-15' }, sv.actor('县水利局'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => sv.edit(t.id, { major: true }, sv.actor('县政府办公室'))).toThrow(/主要领导批准/);
    const e = sv.edit(t.id, { title: '新标题', due: '2022-04-15', lead: '县财政局', assist: ['县水利局'], major: true, approvedBy: '主要领导', comment: '会议调整' }, sv.actor('县政府办公室'));
    expect(e).toMatchObject({ title: '新标题', due: '2022-04-15', originalDue: '2022-04-15', leadUnit: '县财政局', assistUnits: ['县水利局'], major: true, dueSource: 'given' });
    const h = sv.show(t.id).history.at(-1)!;
    expect(h).toMatchObject({ action: 'edit', comment: '会议调整', refs: { before: { title: '原标题', due: '2022-03-31', leadUnit: '县水利局' }, after: { title: '新标题', due: '2022-04-15' } } });
    expect(audits(sv).map((a) => [a.action, a.allowed])).toEqual([['edit', 0], ['edit', 0], ['edit', 1]]);
  });

  it('a clause’s own 期限 is the proposed due date; due, lead and 重点 can be changed per row before 立项', () => {
    const { sv } = setup('2024-01-15T09:00:00+08:00');
    const issue = [
      '五台县人民政府公报', '2024年第1期', '五台县人民政府办公室', '关于开展河湖长制工作要点落实情况督查的通知', '五政办发〔2024〕3号', '各乡（镇）人民政府，县直各有关单位：',
      '一、全面排查河湖“四乱”问题', '各乡（镇）要对辖区内河湖“四乱”问题开展拉网式排查，建立问题清单，2024年3月底前完成整改。（责任单位：县水利局）',
      '二、按时报送督查情况', '各单位要及时报送督查工作进展情况。（牵头单位：县财政局；配合单位：县自然资源局、县直有关部门）',
      '三、加强宣传', '要加大河湖保护宣传力度。（责任单位：县直各有关部门）',
      '五台县人民政府办公室', '2024年1月10日',
    ].join('\n\n');
    ingestBytes(sv.db, Buffer.from(issue), 'issue.txt');
    const rows = propose(sv, '五政办发〔2024〕3号');
    expect(rows[0]).toMatchObject({ lead: '县水利局', due: '2024-03-31', dueSource: 'clause', deadlineText: expect.stringContaining('3月底前') });
    expect(() => registerProposals(sv, '五政办发〔2024〕3号', { rows: { 2: { major: true } } })).toThrow(/第 2 项：重点事项须经县政府主要领导批准/);
    expect(sv.list()).toEqual([]); // all or nothing
    const { created, skipped } = registerProposalsReport(sv, '五政办发〔2024〕3号', { rows: { 1: { due: '2024-03-29' }, 2: { major: true, lead: '财政局' } }, approvedBy: '主要领导' });
    expect(created.map((t) => [t.due, t.dueSource, t.major, t.leadUnit])).toEqual([['2024-03-29', 'given', false, '县水利局'], [created[1]!.due, 'default', true, '县财政局']]);
    expect(created[1]!.majorApproval).toMatchObject({ by: '主要领导' });
    // A collective 协办 entry is kept; a clause with no single lead is skipped and reported, and registered once the office names one.
    expect(created[1]!.assistUnits).toEqual(['县自然资源局', '县直有关部门']);
    expect(skipped).toEqual([expect.objectContaining({ no: 3, reason: expect.stringMatching(/没有指明具体的牵头单位/) })]);
    expect(() => registerProposals(sv, '五政办发〔2024〕3号', { rows: { 3: { lead: '县直有关部门' } } })).toThrow(/第 3 项：“县直有关部门”是泛指/);
    expect(registerProposals(sv, '五政办发〔2024〕3号', { rows: { 3: { lead: '县委宣传部' } } }).map((t) => t.leadUnit)).toEqual(['县委宣传部']);
  });
});
