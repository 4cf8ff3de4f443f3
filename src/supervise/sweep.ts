// The clock sweep (`task tick`): reminders before deadlines, warnings for late
// acceptance, late reports and overdue tasks, the written 督办通知书, the
// escalation to 督查室 and red cards. Each warning is keyed by the deadline it
// concerns, so running the sweep again raises nothing twice; an extension
// (a new deadline) can raise new ones.
import type { Supervision } from './service.js';
import { decide, reduce } from './machine.js';
import { appendHistory, lastActionAt, raiseWarning, saveTask } from './task-store.js';
import { OPEN_STATUSES, type Task } from './model.js';

export interface Raised {
  taskId: number;
  unit: string;
  kind: 'reminder' | 'accept-overdue' | 'report-overdue' | 'overdue' | 'supervision-notice' | 'escalated' | 'red-card';
  key: string;
  message: string;
}

const OPEN = new Set(OPEN_STATUSES);

export function tick(sv: Supervision): Raised[] {
  const today = sv.today();
  const at = sv.now();
  const p = sv.profile;
  const office = sv.actor(p.officeUnits[0] ?? '县政府办公室', 'system');
  return sv.db.transaction(() => {
    const raised: Raised[] = [];
    const cal = sv.calendar;
    // A warning computed on a year without its holiday notice says so.
    let unsure = false;
    const note = (message: string) => (unsure ? `${message}（节假日安排未确认，按周末计算）` : message);
    const raise = (t: Task, kind: Raised['kind'], key: string, text: string, detail: Record<string, unknown> = {}) => {
      const message = note(text);
      if (raiseWarning(sv.db, t, kind, key, at, { message, ...detail, ...(unsure ? { calendarConfirmed: false } : {}) })) {
        raised.push({ taskId: t.id, unit: t.leadUnit, kind, key, message });
      }
    };
    for (const t of sv.list()) {
      if (!OPEN.has(t.status)) continue;
      // A sweep run for a time before the task's last action (a back-dated run) leaves it alone: time never runs backwards.
      const last = lastActionAt(sv.db, t.id);
      if (last && at < last) continue;
      unsure = !cal.confirmedBetween(t.acceptDue < today ? t.acceptDue : today, t.due > today ? t.due : today);
      if (t.status === 'registered' && today > t.acceptDue) raise(t, 'accept-overdue', t.acceptDue, `预警：逾期未承办，应于 ${t.acceptDue} 前反馈安排部署情况`);
      if ((t.status === 'accepted' || t.status === 'extension_requested') && !t.lastReportAt && today > t.reportDue) {
        raise(t, 'report-overdue', t.reportDue, `预警：逾期未反馈，应于 ${t.reportDue} 前报告落实情况`);
      }
      if (t.status === 'completion_requested') continue;
      if (today <= t.due) {
        if (cal.workdaysBetween(today, t.due) <= p.remindWorkdaysBefore) raise(t, 'reminder', t.due, `提醒：办结期限 ${t.due} 临近`);
        continue;
      }
      raise(t, 'overdue', t.due, `预警：已超过办结期限 ${t.due}`);
      const late = cal.workdaysBetween(t.due, today);
      const notice = note(`督办通知书：超期 ${late} 个工作日`);
      if (late >= p.noticeAfterWorkdaysOverdue && raiseWarning(sv.db, t, 'supervision-notice', t.due, at, { message: notice, ...(unsure ? { calendarConfirmed: false } : {}) })) {
        raised.push({ taskId: t.id, unit: t.leadUnit, kind: 'supervision-notice', key: t.due, message: notice });
        const entry = decide(t, 'supervise', office, at, `下发督办通知书（超期 ${late} 个工作日）`, { notice: true, due: t.due });
        const next = reduce(t, entry);
        saveTask(sv.db, next, t.version);
        appendHistory(sv.db, t.id, next.version, entry);
      }
      if (late >= p.escalateAfterWorkdaysOverdue) raise(t, 'escalated', t.due, `督办未果，提请主要领导同意后转县政府督查室督办（超期 ${late} 个工作日）`, { to: '督查室' });
      if (late >= p.redCardAfterWorkdaysOverdue) raise(t, 'red-card', t.due, `红牌警告：超期 ${late} 个工作日仍未办结`);
    }
    return raised;
  }).immediate();
}
