// One test per rule of 五政办发〔2022〕10号 that the sharing workflow follows
// (docs/DATA-SHARING.md quotes each beside the test's name). Time is an
// injected clock; the limits run across the 2023 春节 holiday (01-21…01-27)
// and its 调休 working weekend (Saturday 01-28, Sunday 01-29).
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { Supervision } from '../../src/supervise/service.js';
import { ShareContext } from '../../src/share/context.js';
import { addResource, recordTrigger, resources, updateResource } from '../../src/share/catalogue.js';
import { requireShareType } from '../../src/share/model.js';
import { actOnRequest, listRequests, showRequest, submitRequest } from '../../src/share/requests.js';
import { completeCorrection, reportCorrection } from '../../src/share/corrections.js';
import { shareTick } from '../../src/share/sweep.js';
import { board, evaluateSharing } from '../../src/share/board.js';
import { parsePeriod } from '../../src/supervise/evaluate.js';

function setup(start: string) {
  let t = new Date(start);
  const ctx = new ShareContext(new Supervision({ db: openLibrary(':memory:'), now: () => t }));
  const at = (iso: string) => (t = new Date(iso));
  const a = (unit: string) => ctx.actor(unit);
  const police = addResource(ctx, { name: '户籍人口信息', type: 'conditional', agent: '县大数据中心' }, a('县公安局'));
  const welfare = addResource(ctx, { name: '低保对象名单', type: 'unconditional' }, a('县民政局'));
  const firms = addResource(ctx, { name: '企业登记信息', type: 'conditional', exclusive: ['县税务局'] }, a('县市场监督管理局'));
  return { ctx, at, a, police, welfare, firms, manager: a('县政务信息管理局') };
}

const audited = (ctx: ShareContext) => ctx.db.prepare("SELECT action, detail FROM audit_log WHERE allowed = 0 ORDER BY id").all() as { action: string; detail: string }[];

describe('10号 rules', () => {
  it('五（三）1: the 符合性审查 is due within 2 working days, counted over 春节 and its 调休 Saturday', () => {
    const s = setup('2023-01-19T10:00:00+08:00'); // Thursday before 春节
    const q = submitRequest(s.ctx, { resourceId: s.welfare.id, purpose: '核对救助对象', scene: '临时救助审批' }, s.a('县人力资源和社会保障局'));
    expect(q).toMatchObject({ status: 'submitted', reviewDue: '2023-01-28', responseDue: null, calendarConfirmed: true });
    s.at('2023-01-28T17:00:00+08:00');
    expect(shareTick(s.ctx).map((r) => r.kind)).toEqual(['reminder']);
    s.at('2023-01-29T09:00:00+08:00');
    expect(shareTick(s.ctx)).toEqual([expect.objectContaining({ kind: 'review-overdue', unit: '县政务信息管理局', key: '2023-01-28' })]);
    expect(shareTick(s.ctx)).toEqual([]);
    // Unconditional data is granted on review; a late review is recorded as late.
    expect(actOnRequest(s.ctx, q.id, 'approve-review', s.manager)).toMatchObject({ status: 'granted', reviewLate: true });
  });

  it('五（三）2: conditional data goes to the provider, who answers within 5 working days', () => {
    const s = setup('2023-01-19T10:00:00+08:00');
    const q = submitRequest(s.ctx, { resourceId: s.police.id, purpose: '核验参保人员户籍' }, s.a('县人力资源和社会保障局'));
    s.at('2023-01-20T09:00:00+08:00');
    const fwd = actOnRequest(s.ctx, q.id, 'approve-review', s.manager);
    // Friday 01-20 + 5 working days: Sat 01-28, Sun 01-29 (调休), Mon 01-30, Tue 01-31, Wed 02-01.
    expect(fwd).toMatchObject({ status: 'awaiting_provider', responseDue: '2023-02-01', reviewLate: false });
    s.at('2023-02-02T09:00:00+08:00');
    expect(shareTick(s.ctx)).toEqual([expect.objectContaining({ kind: 'response-overdue', unit: '县公安局', key: '2023-02-01' })]);
    expect(actOnRequest(s.ctx, q.id, 'approve', s.a('县公安局'))).toMatchObject({ status: 'granted', responseLate: true, respondedBy: '县公安局' });
  });

  it('五（三）2 and 五（四）2: a refusal without its reason is refused, and the refusal is audited', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    const q = submitRequest(s.ctx, { resourceId: s.police.id, purpose: '核验' }, s.a('县人力资源和社会保障局'));
    actOnRequest(s.ctx, q.id, 'approve-review', s.manager);
    expect(() => actOnRequest(s.ctx, q.id, 'refuse', s.a('县公安局'))).toThrow(/说明理由/);
    expect(showRequest(s.ctx, q.id, s.manager).status).toBe('awaiting_provider');
    expect(audited(s.ctx)).toEqual([expect.objectContaining({ action: 'share:refuse', detail: expect.stringMatching(/说明理由/) })]);
    const refused = actOnRequest(s.ctx, q.id, 'refuse', s.a('县公安局'), { reason: '涉及公民个人信息，依据《个人信息保护法》第十三条' });
    expect(refused).toMatchObject({ status: 'refused', reason: expect.stringMatching(/个人信息保护法/) });
  });

  it('五（三）3: a refused request goes to 协商, then to the 管理部门 for coordination', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    const user = s.a('县人力资源和社会保障局');
    const q = submitRequest(s.ctx, { resourceId: s.police.id, purpose: '核验' }, user);
    actOnRequest(s.ctx, q.id, 'approve-review', s.manager);
    actOnRequest(s.ctx, q.id, 'refuse', s.a('县公安局'), { reason: '涉及个人隐私，依据内部保密规定' });
    expect(actOnRequest(s.ctx, q.id, 'negotiate', user, { comment: '因履职确需使用' }).status).toBe('negotiating');
    expect(() => actOnRequest(s.ctx, q.id, 'coordinate-grant', s.manager, { reason: 'x' })).toThrow(/不能/);
    expect(actOnRequest(s.ctx, q.id, 'escalate', user).status).toBe('coordinating');
    expect(() => actOnRequest(s.ctx, q.id, 'coordinate-grant', s.a('县公安局'), { reason: 'x' })).toThrow(/无权/);
    expect(actOnRequest(s.ctx, q.id, 'coordinate-grant', s.manager, { reason: '脱敏后提供' })).toMatchObject({ status: 'granted', reason: '脱敏后提供' });
    expect(showRequest(s.ctx, q.id, user).history.map((h) => h.action)).toEqual(['submit', 'approve-review', 'refuse', 'negotiate', 'escalate', 'coordinate-grant']);
  });

  it('五（四）1: the 授权代理方 answers for the provider', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    const q = submitRequest(s.ctx, { resourceId: s.police.id, purpose: '核验' }, s.a('县人力资源和社会保障局'));
    actOnRequest(s.ctx, q.id, 'approve-review', s.manager);
    expect(() => actOnRequest(s.ctx, q.id, 'approve', s.a('县民政局'))).toThrow(/无权/);
    expect(actOnRequest(s.ctx, q.id, 'approve', s.a('县大数据中心'))).toMatchObject({ status: 'granted', respondedBy: '县大数据中心' });
    expect(showRequest(s.ctx, q.id, s.manager).history.at(-1)).toMatchObject({ actor: { unit: '县大数据中心' }, refs: { onBehalfOf: '县公安局' } });
  });

  it('五（四）4: a department on a 专用 list is granted without review; others apply', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    expect(submitRequest(s.ctx, { resourceId: s.firms.id, purpose: '税源核查' }, s.a('县税务局'))).toMatchObject({ status: 'granted', reviewDue: null, exclusive: true });
    expect(submitRequest(s.ctx, { resourceId: s.firms.id, purpose: '统计' }, s.a('县统计局'))).toMatchObject({ status: 'submitted', reviewDue: '2023-03-03' });
    expect(resources(s.ctx, { type: '专用' }).map((r) => r.id)).toEqual([s.firms.id]);
    expect(resources(s.ctx, { type: '有条件' }).map((r) => r.id)).toEqual([s.police.id, s.firms.id]);
    expect(() => requireShareType('专用', [])).toThrow(/列出专用的部门/);
  });

  it('四（二）3: 不予共享 needs its reason, and cannot be requested', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    expect(() => addResource(s.ctx, { name: '婚姻登记信息', type: 'none' }, s.a('县民政局'))).toThrow(/理由/);
    const none = addResource(s.ctx, { name: '婚姻登记信息', type: 'none', reason: '涉及个人隐私', basis: '《婚姻登记条例》' }, s.a('县民政局'));
    expect(() => submitRequest(s.ctx, { resourceId: none.id, purpose: '核验' }, s.a('县公安局'))).toThrow(/不予共享类/);
  });

  it('五（五）: a correction is due within 5 working days of receipt; late ones are warned and recorded', () => {
    const s = setup('2023-01-19T10:00:00+08:00');
    const user = s.a('县人力资源和社会保障局');
    const ontime = reportCorrection(s.ctx, { resourceId: s.welfare.id, problem: '张某已退出低保仍在名单' }, user);
    const late = reportCorrection(s.ctx, { resourceId: s.police.id, problem: '李某户籍地址错误' }, user);
    // Thu 01-19 + 5 working days: Fri 01-20, Sat 01-28 and Sun 01-29 (调休), Mon 01-30, Tue 01-31.
    expect(ontime.due).toBe('2023-01-31');
    s.at('2023-01-29T10:00:00+08:00');
    expect(completeCorrection(s.ctx, ontime.id, '已更正', s.a('县民政局'))).toMatchObject({ status: 'corrected', late: false });
    s.at('2023-02-01T10:00:00+08:00');
    expect(shareTick(s.ctx)).toEqual([expect.objectContaining({ kind: 'correction-overdue', unit: '县公安局' })]);
    expect(completeCorrection(s.ctx, late.id, '已核实更正', s.a('县大数据中心'))).toMatchObject({ status: 'corrected', late: true });
  });

  it('三（二）: a change in law or duties makes the catalogue due within 15 working days; any catalogue change answers it', () => {
    const s = setup('2023-01-10T10:00:00+08:00');
    const t = recordTrigger(s.ctx, { kind: 'duty', changedOn: '2023-01-09', note: '承接婚姻登记职能' }, s.a('县民政局'));
    // Mon 01-09 + 15 working days: 01-10…01-13 (4), 01-16…01-20 (9), 01-28 and 01-29 (调休, 11), 01-30…02-02 (15).
    expect(t.due).toBe('2023-02-02');
    s.at('2023-02-03T09:00:00+08:00');
    expect(shareTick(s.ctx)).toEqual([expect.objectContaining({ kind: 'catalogue-overdue', unit: '县民政局' })]);
    updateResource(s.ctx, s.welfare.id, { description: '按新职能更新' }, s.a('县民政局'));
    expect(board(s.ctx, s.manager).find((u) => u.unit === '县民政局')!.catalogue).toEqual({ triggers: 1, open: 0, late: 1 });
  });

  it('七（一）: the 管理部门 evaluates; each missed limit counts against the department that missed it', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    const user = s.a('县人力资源和社会保障局');
    for (let i = 0; i < 2; i++) {
      const q = submitRequest(s.ctx, { resourceId: s.police.id, purpose: `核验 ${i}` }, user);
      actOnRequest(s.ctx, q.id, 'approve-review', s.manager);
    }
    s.at('2023-04-03T10:00:00+08:00');
    const e = evaluateSharing(s.ctx, parsePeriod({ quarter: '2023Q1' }));
    expect(e.units.map((u) => [u.unit, u.lateItems, u.result])).toEqual([['县政务信息管理局', 0, '按时'], ['县公安局', 2, '建议书面通报']]);
  });

  it('keeps each department to its own requests (RBAC), and every refusal in the audit log', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    const q = submitRequest(s.ctx, { resourceId: s.police.id, purpose: '核验' }, s.a('县人力资源和社会保障局'));
    expect(() => showRequest(s.ctx, q.id, s.a('县民政局'))).toThrow(/无权/);
    expect(listRequests(s.ctx, s.a('县民政局'))).toEqual([]);
    expect(listRequests(s.ctx, s.a('县公安局')).map((r) => r.id)).toEqual([q.id]);
    expect(() => actOnRequest(s.ctx, q.id, 'approve-review', s.a('县公安局'))).toThrow(/无权/);
    expect(() => addResource(s.ctx, { name: 'x', type: 'unconditional', provider: '县公安局' }, s.a('县民政局'))).toThrow(/本部门/);
    expect(audited(s.ctx).map((r) => r.action)).toEqual(['share:show', 'share:approve-review', 'share:catalogue-add']);
  });

  it('keeps the history append-only', () => {
    const s = setup('2023-03-01T10:00:00+08:00');
    submitRequest(s.ctx, { resourceId: s.welfare.id, purpose: '核验' }, s.a('县公安局'));
    expect(() => s.ctx.db.prepare("UPDATE share_history SET comment = 'x'").run()).toThrow(/append-only/);
    expect(() => s.ctx.db.prepare('DELETE FROM share_history').run()).toThrow(/append-only/);
  });

  it('leaves a subject alone when the sweep runs for a time before its last event', () => {
    const s = setup('2023-03-10T10:00:00+08:00');
    submitRequest(s.ctx, { resourceId: s.welfare.id, purpose: '核验' }, s.a('县公安局'));
    s.at('2023-03-01T10:00:00+08:00');
    expect(shareTick(s.ctx)).toEqual([]);
  });
});
