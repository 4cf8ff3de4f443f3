// The sweep of the sharing workflow, beside the 督办 sweep: a warning for
// every missed limit of 10号 (符合性审查 2 working days, the provider's answer
// 5, a correction 5, a catalogue update 15) and a reminder the working day
// before. Each warning is keyed by the deadline it concerns, so running the
// sweep again raises nothing twice; a sweep run for a time before a subject's
// last event (a back-dated run) leaves it alone.
import type { ShareContext } from './context.js';
import { tick, type Raised } from '../supervise/sweep.js';
import type { CatalogueTrigger, Correction, ShareRequest } from './model.js';
import { lastEventAt, list, raise, subjectOf } from './store.js';

export interface ShareRaised {
  /** `request:3`, `correction:1`, `trigger:2`. */
  subject: string;
  /** The request's, correction's or trigger's own id. */
  requestId?: number;
  correctionId?: number;
  triggerId?: number;
  unit: string;
  kind: 'reminder' | 'review-overdue' | 'response-overdue' | 'correction-overdue' | 'catalogue-overdue';
  key: string;
  message: string;
}

const UNSURE = '（节假日安排未确认，按周末计算）';

export function shareTick(ctx: ShareContext): ShareRaised[] {
  const today = ctx.today();
  const at = ctx.now();
  const cal = ctx.calendar;
  return ctx.db.transaction(() => {
    const raised: ShareRaised[] = [];
    const check = (subject: string, unit: string, due: string, confirmed: boolean, late: ShareRaised['kind'], what: string) => {
      const last = lastEventAt(ctx.db, subject);
      if (last && at < last) return;
      const note = confirmed ? '' : UNSURE;
      const w = today > due
        ? { kind: late, message: `预警：${what}已超过时限 ${due}（逾期 ${cal.workdaysBetween(due, today)} 个工作日）${note}` }
        : cal.workdaysBetween(today, due) <= ctx.profile.remindWorkdaysBefore ? { kind: 'reminder' as const, message: `提醒：${what}应于 ${due} 前完成${note}` } : null;
      if (!w) return;
      const [type, id] = subject.split(':') as [string, string];
      const r: ShareRaised = { subject, [`${type}Id`]: Number(id), unit, key: due, ...w };
      if (raise(ctx.db, { ...r, raisedAt: at })) raised.push(r);
    };
    for (const q of list<ShareRequest>(ctx.db, 'share_requests', "status IN ('submitted', 'awaiting_provider')")) {
      const s = subjectOf('share_requests', q.id);
      if (q.status === 'submitted' && q.reviewDue) check(s, ctx.manager, q.reviewDue, q.calendarConfirmed, 'review-overdue', `共享申请 #${q.id}（${q.userUnit}申请“${q.resourceName}”）的符合性审查`);
      if (q.status === 'awaiting_provider' && q.responseDue) check(s, q.providerUnit, q.responseDue, q.calendarConfirmed, 'response-overdue', `共享申请 #${q.id}（${q.userUnit}申请“${q.resourceName}”）的答复`);
    }
    for (const c of list<Correction>(ctx.db, 'share_corrections', "status = 'reported'")) {
      check(subjectOf('share_corrections', c.id), c.providerUnit, c.due, c.calendarConfirmed, 'correction-overdue', `纠错反馈 #${c.id}（“${c.resourceName}”）的校核更正`);
    }
    for (const t of list<CatalogueTrigger>(ctx.db, 'share_triggers').filter((x) => !x.updatedAt)) {
      check(subjectOf('share_triggers', t.id), t.unit, t.due, t.calendarConfirmed, 'catalogue-overdue', `${t.unit}政务数据资源目录的更新（${t.changedOn} 起）`);
    }
    return raised;
  }).immediate();
}

/** The one sweep of both workflows (`task tick`, the web's 督办 sweep): 督办 deadlines, then the sharing limits. */
export function sweepAll(ctx: ShareContext): { raised: Raised[]; sharing: ShareRaised[] } {
  return { raised: tick(ctx.sv), sharing: shareTick(ctx) };
}
