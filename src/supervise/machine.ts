// The task state machine. `decide` checks an action against the transition
// table and the actor's rights and returns the history entry to append;
// `reduce` applies an entry to a task. The current state is always
// reduce(…reduce(null, e1)…, en): history replays to the current state.
import { GongbaoError } from '../errors.js';
import { ACTION_LABEL, LEADER_DECISIONS, STATUS_LABEL, TRANSITIONS, type Action, type Actor, type Grade, type HistoryEntry, type Task, type TaskStatus } from './model.js';

export type NewEntry = Omit<HistoryEntry, 'seq' | 'taskId'>;

/** May this actor take this action on this task? Returns the reason when not. */
export function refusal(task: Task, action: Exclude<Action, 'register'>, actor: Actor): string | null {
  const rule = TRANSITIONS[action];
  const decides = LEADER_DECISIONS.has(action);
  const allowed = rule.by.some((by) => {
    if (by === 'lead') return actor.role === 'unit' && actor.unit === task.leadUnit;
    if (by === 'office') return actor.role === 'office';
    if (by === 'principal') return actor.role === 'principal';
    // Key tasks are decided by the 主要领导, not the 分管领导.
    return actor.role === 'principal' || (actor.role === 'leader' && !(decides && task.major));
  });
  if (!allowed) {
    if (rule.by.includes('lead') && actor.role === 'unit') return `${actor.unit}不是本任务的牵头单位（${task.leadUnit}），无权${ACTION_LABEL[action]}`;
    if (decides && task.major) return `重点事项须报经县政府主要领导审定，${actor.unit}无权${ACTION_LABEL[action]}`;
    if (decides) return `须报经县政府分管领导审定，${actor.unit}无权${ACTION_LABEL[action]}`;
    return `${actor.unit}无权对本任务执行“${ACTION_LABEL[action]}”`;
  }
  return null;
}

export function decide(task: Task, action: Exclude<Action, 'register'>, actor: Actor, at: string, comment: string | null, refs: Record<string, unknown> = {}): NewEntry {
  const why = refusal(task, action, actor);
  if (why) throw new GongbaoError('forbidden', why);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(task.status)) {
    throw new GongbaoError('conflict', `任务当前状态为“${STATUS_LABEL[task.status]}”，不能${ACTION_LABEL[action]}`);
  }
  const to: TaskStatus = rule.to === 'same' ? task.status : rule.to;
  return { action, from: task.status, to, actor, at, comment, refs };
}

/** Fields later versions added, for tasks stored before them. */
export function withDefaults(t: Task): Task {
  return {
    ...t, majorApproval: t.majorApproval ?? null, dueSource: t.dueSource ?? 'given', calendarConfirmed: t.calendarConfirmed ?? true,
    recommendation: t.recommendation ?? null,
  };
}

export function reduce(task: Task | null, e: Pick<HistoryEntry, 'action' | 'to' | 'at' | 'refs' | 'actor'>): Task {
  if (e.action === 'register') return withDefaults({ ...(e.refs.task as Task), status: 'registered', version: 1 });
  if (!task) throw new Error('history must start with register');
  const t: Task = { ...task, status: e.to, version: task.version + 1 };
  switch (e.action) {
    case 'accept':
      t.acceptedAt = e.at;
      break;
    case 'report':
      t.lastReportAt = e.at;
      break;
    case 'request-extension':
      t.extensionRequestedTo = String(e.refs.to);
      t.recommendation = null;
      break;
    case 'review-extension':
    case 'pre-review':
      t.recommendation = {
        on: e.action === 'pre-review' ? 'completion' : 'extension', decision: e.refs.decision === 'reject' ? 'reject' : 'approve',
        by: e.actor.unit, at: e.at, comment: typeof e.refs.comment === 'string' ? e.refs.comment : null,
      };
      if (e.action === 'pre-review') t.preReviewed = true;
      break;
    case 'approve-extension':
      t.due = t.extensionRequestedTo ?? t.due;
      t.extensionRequestedTo = null;
      t.extensions += 1;
      t.recommendation = null;
      break;
    case 'reject-extension':
      t.extensionRequestedTo = null;
      t.recommendation = null;
      break;
    case 'request-completion':
      t.recommendation = null;
      break;
    case 'approve-completion':
      t.closedAt = e.at;
      t.recommendation = null;
      break;
    case 'reject-completion':
      t.preReviewed = false;
      t.supervised = true;
      t.recommendation = null;
      break;
    case 'edit':
    case 'recalculate':
      Object.assign(t, e.refs.after as Partial<Task>);
      break;
    case 'supervise':
      t.supervised = true;
      break;
    case 'grade':
      t.gradeOverride = { grade: e.refs.grade as Grade, reason: String(e.refs.reason ?? ''), by: e.actor.unit };
      break;
    default:
      break;
  }
  return t;
}

export function replay(history: Pick<HistoryEntry, 'action' | 'to' | 'at' | 'refs' | 'actor'>[]): Task | null {
  return history.reduce<Task | null>((t, e) => reduce(t, e), null);
}
