// Sweeps with back-dated data and an injectable clock: no sleeping.
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { Supervision } from '../../src/supervise/service.js';
import { tick } from '../../src/supervise/sweep.js';
import { evaluate, parsePeriod, autoGrade } from '../../src/supervise/evaluate.js';

function clock(start: string) {
  let t = new Date(start);
  return { now: () => t, set: (iso: string) => (t = new Date(iso)) };
}

describe('tick', () => {
  it('warns once for late acceptance, counting 调休 working days', () => {
    const c = clock('2022-01-28T09:00:00+08:00'); // Friday before the 2022 Spring Festival 调休 weekend
    const sv = new Supervision({ db: openLibrary(':memory:'), now: c.now });
    const t = sv.create({ title: '年前安全检查', lead: '县应急管理局', due: '2022-02-28' });
    expect(t.acceptDue).toBe('2022-01-29');
    c.set('2022-01-29T20:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual([]);
    c.set('2022-01-30T08:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual(['accept-overdue']);
    expect(tick(sv)).toEqual([]);
    expect(sv.show(t.id).warnings.map((w) => w.kind)).toEqual(['accept-overdue']);
  });

  it('reminds, then warns, sends a 督办通知书, escalates and red-cards as the task stays overdue', () => {
    const c = clock('2022-03-01T09:00:00+08:00');
    const sv = new Supervision({ db: openLibrary(':memory:'), now: c.now });
    const t = sv.create({ title: '完成水库除险', lead: '县水利局', due: '2022-03-10' });
    sv.act(t.id, 'accept', sv.actor('县水利局'));
    sv.act(t.id, 'report', sv.actor('县水利局'), { comment: '推进中' });
    c.set('2022-03-08T09:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual(['reminder']);
    c.set('2022-03-11T09:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual(['overdue', 'supervision-notice']);
    expect(sv.show(t.id)).toMatchObject({ supervised: true });
    expect(sv.show(t.id).history.at(-1)).toMatchObject({ action: 'supervise', actor: { unit: '县政府办公室', role: 'office' } });
    c.set('2022-03-17T09:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual(['escalated']);
    c.set('2022-03-24T09:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual(['red-card']);
    expect(tick(sv)).toEqual([]);
    const ws = sv.show(t.id).warnings;
    expect(autoGrade(sv.show(t.id), ws, '2022-03-24')).toBe('落实较差');
  });

  it('warns when the first report is late, and an extension starts a new deadline', () => {
    const c = clock('2022-05-05T09:00:00+08:00');
    const sv = new Supervision({ db: openLibrary(':memory:'), now: c.now });
    const t = sv.create({ title: '月度报送', lead: '县统计局', due: '2022-05-20' });
    sv.act(t.id, 'accept', sv.actor('县统计局'));
    // Three working days: 05-06 (Fri), 05-07 (Sat, a 劳动节 make-up working day), 05-09 (Mon).
    expect(sv.show(t.id).reportDue).toBe('2022-05-09');
    c.set('2022-05-09T20:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual([]);
    c.set('2022-05-10T09:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual(['report-overdue']);
    sv.act(t.id, 'request-extension', sv.actor('县统计局'), { to: '2022-06-30' });
    sv.act(t.id, 'approve-extension', sv.actor('县政府办公室'), { leader: '分管领导' });
    c.set('2022-05-23T09:00:00+08:00');
    expect(tick(sv).map((r) => r.kind)).toEqual([]);
  });
});

describe('evaluation', () => {
  it('ranks units, grades tasks and refuses 优秀 to a unit summoned twice in the year', () => {
    const c = clock('2022-04-01T09:00:00+08:00');
    const sv = new Supervision({ db: openLibrary(':memory:'), now: c.now });
    const started = (lead: string, due: string) => {
      const t = sv.create({ title: `任务${lead}${due}`, lead, due });
      sv.act(t.id, 'accept', sv.actor(lead));
      return t;
    };
    const close = (t: { id: number; leadUnit: string }, at: string) => {
      c.set(at);
      sv.act(t.id, 'request-completion', sv.actor(t.leadUnit), { comment: '完成' });
      sv.act(t.id, 'approve-completion', sv.actor('县政府办公室'), { leader: '分管领导' });
    };
    const a1 = started('县水利局', '2022-05-31');
    const a2 = started('县水利局', '2022-06-15');
    const b1 = started('县财政局', '2022-05-31');
    close(a1, '2022-05-20T09:00:00+08:00');
    close(a2, '2022-06-10T09:00:00+08:00');
    close(b1, '2022-06-20T09:00:00+08:00');
    let r = evaluate(sv, parsePeriod({ quarter: '2022Q2' }));
    expect(r.units.map((u) => [u.rank, u.unit, u.score, u.rating])).toEqual([[1, '县水利局', 91, '优秀'], [2, '县财政局', 60.5, '一般']]);
    expect(r.tasks.map((t) => [t.unit, t.grade]).sort()).toEqual([['县水利局', '落实较好'], ['县水利局', '落实较好'], ['县财政局', '落实不力']]);
    for (const t of [a1, a2]) sv.act(t.id, 'grade', sv.actor('主要领导'), { grade: '落实好', reason: '受到市政府表扬' });
    sv.act(a1.id, 'summon', sv.actor('县政府办公室'), { comment: '进度约谈' });
    sv.act(a2.id, 'summon', sv.actor('县政府办公室'), { comment: '再次约谈' });
    r = evaluate(sv, parsePeriod({ quarter: '2022Q2' }));
    // 100 + 1 − 2 × 2 = 97 would be 优秀, but two summons in a year rule it out.
    expect(r.units[0]).toMatchObject({ unit: '县水利局', score: 97, summonsInYear: 2, rating: '良好' });
    expect(r.units[0]!.capped).toMatch(/不得评为优秀/);
    expect(evaluate(sv, parsePeriod({ year: '2022' })).tasks.find((t) => t.id === a1.id)!.grade).toBe('落实好');
  });
});
