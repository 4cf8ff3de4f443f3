// What the supervision pages and API show, computed from the service: the
// actions a user may take now, a task's timeline, board counts and the
// dashboard figures. No HTTP here.
import { refusal } from '../../supervise/machine.js';
import { ACTION_LABEL, LEADER_DECISIONS, OPEN_STATUSES, STATUSES, TRANSITIONS, type Actor, type HistoryEntry, type Task, type TaskStatus } from '../../supervise/model.js';
import type { Supervision } from '../../supervise/service.js';
import type { Warning } from '../../supervise/task-store.js';
import { addDays, chinaDay } from '../../supervise/calendar.js';
import { SERVICE_ACTIONS, WEB_ACTIONS, type WebAction } from './schemas.js';

/** The web actions this actor may take on this task in its current status. */
export function availableActions(task: Task, actor: Actor): WebAction[] {
  return WEB_ACTIONS.filter((a) => {
    const act = SERVICE_ACTIONS[a][0]!;
    // A grade only makes sense once there is something to grade; cancelling a cancelled task is not offered.
    if (a === 'grade' && task.status !== 'closed') return false;
    if (!TRANSITIONS[act].from.includes(task.status)) return false;
    // The office's word on a leader's decision is its 初审 (and it may record the decision it obtained).
    if (actor.role === 'office' && LEADER_DECISIONS.has(act)) return true;
    return refusal(task, act, actor) === null;
  });
}

export const WARNING_LABEL: Record<string, string> = {
  reminder: '到期提醒', 'accept-overdue': '逾期未承办', 'report-overdue': '逾期未反馈', overdue: '超期预警',
  'supervision-notice': '督办通知书', escalated: '升级督办', 'red-card': '红牌警告',
};

export interface TimelineItem {
  at: string;
  kind: 'history' | 'warning';
  title: string;
  who: string | null;
  text: string | null;
  tone: 'normal' | 'warn' | 'danger' | 'done';
}

/** History and warnings in one list, oldest first. */
export function timeline(history: HistoryEntry[], warnings: Warning[]): TimelineItem[] {
  const items: TimelineItem[] = history.map((h) => {
    const extra = h.action === 'request-extension' && h.refs.to ? `申请延至 ${String(h.refs.to)}`
      : h.action === 'grade' ? `评定为“${String(h.refs.grade)}”`
      : h.action === 'review-extension' || h.action === 'pre-review' ? `建议${h.refs.decision === 'reject' ? '不同意' : '同意'}，报领导审定`
      : h.action === 'edit' || h.action === 'recalculate' ? changeText(h.refs) : null;
    const who = `${h.actor.unit}${h.actor.user && h.actor.user !== 'system' ? `（${h.actor.user}）` : h.actor.user === 'system' ? '（系统）' : ''}`;
    return {
      at: h.at, kind: 'history', title: ACTION_LABEL[h.action], who: h.actor.recordedBy ? `${who}，由${h.actor.recordedBy}记录` : who,
      text: [extra, h.comment].filter(Boolean).join('；') || null,
      tone: h.action === 'approve-completion' ? 'done' : h.action === 'supervise' || h.action === 'summon' || h.action === 'reject-completion' ? 'warn' : 'normal',
    };
  });
  for (const w of warnings) {
    items.push({
      at: w.raisedAt, kind: 'warning', title: WARNING_LABEL[w.kind] ?? w.kind, who: '系统预警', text: typeof w.message === 'string' ? w.message : null,
      tone: w.kind === 'red-card' || w.kind === 'escalated' ? 'danger' : 'warn',
    });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === 'history' ? -1 : 1));
}

const FIELD_LABEL: Record<string, string> = {
  title: '工作内容', due: '办结期限', originalDue: '原定期限', leadUnit: '牵头单位', assistUnits: '协办单位', major: '重点事项',
  acceptDue: '承办时限', reportDue: '反馈时限', calendarConfirmed: '节假日安排已确认', dueSource: '期限来源', majorApproval: '重点事项批准',
};
const show = (v: unknown) => (Array.isArray(v) ? v.join('、') || '无' : typeof v === 'boolean' ? (v ? '是' : '否') : v && typeof v === 'object' ? '已记录' : String(v ?? '无'));

/** `办结期限：2022-03-31 → 2022-04-15；…` for an edit or a recalculation. */
function changeText(refs: Record<string, unknown>): string | null {
  const before = (refs.before ?? {}) as Record<string, unknown>;
  const after = (refs.after ?? {}) as Record<string, unknown>;
  const parts = Object.keys(after).filter((k) => k !== 'dueSource' && k !== 'majorApproval').map((k) => `${FIELD_LABEL[k] ?? k}：${show(before[k])} → ${show(after[k])}`);
  return parts.join('；') || null;
}

export const isOpen = (t: Task) => OPEN_STATUSES.includes(t.status);
export const isOverdue = (t: Task, today: string) => isOpen(t) && t.due < today;

export function statusCounts(tasks: Task[]): Record<TaskStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const t of tasks) counts[t.status]++;
  return counts;
}

/** The board's deadline filter. */
export function dueFilter(tasks: Task[], due: 'overdue' | 'soon' | undefined, today: string): Task[] {
  if (due === 'overdue') return tasks.filter((t) => isOverdue(t, today));
  if (due === 'soon') return tasks.filter((t) => isOpen(t) && t.due >= today && t.due <= addDays(today, 7));
  return tasks;
}

/** A unit's inbox: what needs its action now. */
export function inbox(tasks: Task[], unit: string, today: string) {
  const lead = tasks.filter((t) => t.leadUnit === unit);
  return {
    toAccept: lead.filter((t) => t.status === 'registered'),
    toReport: lead.filter((t) => (t.status === 'accepted' || t.status === 'extension_requested') && !isOverdue(t, today)),
    overdue: lead.filter((t) => isOverdue(t, today)),
    waiting: lead.filter((t) => t.status === 'completion_requested' && !isOverdue(t, today)),
    assisting: tasks.filter((t) => t.leadUnit !== unit && isOpen(t)),
    closed: lead.filter((t) => !isOpen(t)),
  };
}

const quarterOf = (day: string) => `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

export interface Dashboard {
  today: string;
  totals: { tasks: number; open: number; overdue: number; closed: number; warnings: number };
  overdueByUnit: { unit: string; overdue: number; open: number }[];
  quarters: { quarter: string; due: number; closed: number; onTime: number; rate: number; onTimeRate: number }[];
}

export function dashboard(sv: Supervision): Dashboard {
  const today = sv.today();
  const tasks = sv.list().filter((t) => t.status !== 'cancelled');
  const byUnit = new Map<string, { overdue: number; open: number }>();
  for (const t of tasks.filter(isOpen)) {
    const u = byUnit.get(t.leadUnit) ?? { overdue: 0, open: 0 };
    u.open++;
    if (t.due < today) u.overdue++;
    byUnit.set(t.leadUnit, u);
  }
  const quarters = new Map<string, { due: number; closed: number; onTime: number }>();
  for (const t of tasks) {
    const q = quarters.get(quarterOf(t.due)) ?? { due: 0, closed: 0, onTime: 0 };
    q.due++;
    if (t.status === 'closed') q.closed++;
    if (t.closedAt && chinaDay(new Date(t.closedAt)) <= t.due) q.onTime++;
    quarters.set(quarterOf(t.due), q);
  }
  const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);
  const warnings = (sv.db.prepare('SELECT count(*) AS n FROM task_warnings').get() as { n: number }).n;
  return {
    today,
    totals: { tasks: tasks.length, open: tasks.filter(isOpen).length, overdue: tasks.filter((t) => isOverdue(t, today)).length, closed: tasks.filter((t) => t.status === 'closed').length, warnings },
    overdueByUnit: [...byUnit].map(([unit, v]) => ({ unit, ...v })).filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue || a.unit.localeCompare(b.unit, 'zh')),
    quarters: [...quarters].sort(([a], [b]) => a.localeCompare(b)).map(([quarter, v]) => ({ quarter, ...v, rate: pct(v.closed, v.due), onTimeRate: pct(v.onTime, v.due) })),
  };
}

/** Documents whose responsibility clauses can become tasks, most clauses first (for the proposals page). */
export function documentsWithTasks(sv: Supervision, limit = 8): { docNumber: string; title: string; clauses: number }[] {
  return sv.db.prepare(`SELECT d.doc_number AS docNumber, d.title, count(r.id) AS clauses FROM documents d JOIN responsibilities r ON r.doc_id = d.id
    WHERE d.is_current = 1 AND d.doc_number IS NOT NULL GROUP BY d.id ORDER BY clauses DESC, d.date DESC LIMIT ?`).all(limit) as { docNumber: string; title: string; clauses: number }[];
}
