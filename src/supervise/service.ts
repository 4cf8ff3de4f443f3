// The supervision service: register tasks (by hand or from documents), let
// units and the office act on them, and answer questions about them. Every
// action runs in an IMMEDIATE transaction, reading and writing the task
// under SQLite's write lock, so concurrent requests serialize and none is
// lost or applied twice. Refused actions are written to the audit log.
import { GongbaoError, isGongbaoError } from '../errors.js';
import type { Db } from '../store/db.js';
import { addDays, addMonths, chinaDay, WorkCalendar } from './calendar.js';
import { decide, reduce } from './machine.js';
import { GRADES, SOURCE_KINDS, type Action, type Actor, type Grade, type SourceKind, type Task, type TaskStatus } from './model.js';
import { actorFor, loadProfile, type Period, type Profile } from './profile.js';
import { appendHistory, audit, history, insertTask, loadTask, saveTask, warnings } from './task-store.js';

export interface SupervisionDeps {
  db: Db;
  now?: () => Date;
  calendar?: WorkCalendar;
  profile?: Profile;
}

export interface CreateTaskInput {
  title: string;
  lead: string;
  assist?: string[];
  due?: string;
  source?: string;
  sourceKind?: SourceKind;
  major?: boolean;
  requirements?: string;
  criteria?: string;
  leadLeader?: string;
  responsibleLeader?: string;
  documentId?: number;
  outlineId?: string;
  responsibilityId?: number;
}

export interface ActInput {
  comment?: string;
  to?: string;
  grade?: string;
  reason?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class Supervision {
  readonly db: Db;
  readonly calendar: WorkCalendar;
  readonly profile: Profile;
  private readonly clock: () => Date;

  constructor(deps: SupervisionDeps) {
    this.db = deps.db;
    this.clock = deps.now ?? (() => new Date());
    this.calendar = deps.calendar ?? WorkCalendar.load();
    this.profile = deps.profile ?? loadProfile();
  }

  now(): string {
    return this.clock().toISOString();
  }

  today(): string {
    return chinaDay(this.clock());
  }

  actor(name: string, user?: string): Actor {
    return actorFor(this.profile, name, user);
  }

  private after(day: string, p: Period): string {
    if (p.unit === 'workday') return this.calendar.addWorkdays(day, p.amount);
    return p.unit === 'month' ? addMonths(day, p.amount) : addDays(day, p.amount);
  }

  create(input: CreateTaskInput, actor: Actor = this.actor(this.profile.officeUnits[0] ?? '县政府办公室')): Task {
    if (actor.role !== 'office' && actor.role !== 'principal' && actor.role !== 'leader') {
      this.refuse(actor, 'register', 'new', `${actor.unit}无权立项，立项由县政府办公室（督查室）办理`);
    }
    const title = input.title?.trim();
    if (!title) throw new GongbaoError('bad-argument', '请填写工作内容（--title）');
    if (!input.lead?.trim()) throw new GongbaoError('bad-argument', '请指定牵头单位（--lead）');
    if (input.due && !ISO_DAY.test(input.due)) throw new GongbaoError('bad-argument', `办结期限格式应为 YYYY-MM-DD：${input.due}`);
    if (input.sourceKind && !(input.sourceKind in SOURCE_KINDS)) throw new GongbaoError('bad-argument', `未知的任务来源：${input.sourceKind}`);
    const day = this.today();
    const due = input.due ?? this.after(day, input.major ? this.profile.majorDueWithin : this.profile.ordinaryDueWithin);
    if (due < day) throw new GongbaoError('bad-argument', `办结期限 ${due} 早于立项日期 ${day}`);
    const acceptDue = this.calendar.addWorkdays(day, this.profile.acceptWithinWorkdays);
    const reportDue = [this.after(day, this.profile.reportWithin), due].sort()[0]!;
    const at = this.now();
    const task: Omit<Task, 'id'> = {
      title, leadUnit: input.lead.trim(), assistUnits: (input.assist ?? []).map((u) => u.trim()).filter(Boolean),
      source: {
        kind: input.sourceKind ?? (input.source ? 'special-task' : 'other'), docNumber: input.source ?? null,
        documentId: input.documentId ?? null, outlineId: input.outlineId ?? null, responsibilityId: input.responsibilityId ?? null,
      },
      requirements: input.requirements ?? null, completionCriteria: input.criteria ?? null,
      leadLeader: input.leadLeader ?? null, responsibleLeader: input.responsibleLeader ?? null, major: Boolean(input.major),
      status: 'registered', registeredAt: at, acceptDue, reportDue, due, originalDue: due, extensionRequestedTo: null,
      acceptedAt: null, lastReportAt: null, closedAt: null, preReviewed: false, supervised: false, extensions: 0,
      grade: null, gradeOverride: null, version: 1,
    };
    return this.db.transaction(() =>
      insertTask(this.db, task, { action: 'register', from: null, to: 'registered', actor, at, comment: input.requirements ?? null, refs: {} }),
    ).immediate();
  }

  /** Record a refused action in the audit log (outside the failed transaction) and throw 403. */
  private refuse(actor: Actor, action: string, target: string, message: string): never {
    audit(this.db, this.now(), actor, action, target, false, message);
    throw new GongbaoError('forbidden', message);
  }

  act(id: number, action: Exclude<Action, 'register'>, actor: Actor, input: ActInput = {}): Task {
    const refs: Record<string, unknown> = {};
    if (action === 'request-extension') {
      if (!input.to || !ISO_DAY.test(input.to)) throw new GongbaoError('bad-argument', '请用 --to YYYY-MM-DD 给出延期后的办结期限');
      refs.to = input.to;
    }
    if (action === 'grade') {
      if (!GRADES.includes(input.grade as Grade)) throw new GongbaoError('bad-argument', `等次应为：${GRADES.join('、')}`);
      if (!input.reason?.trim()) throw new GongbaoError('bad-argument', '调整等次须说明理由（--reason）');
      Object.assign(refs, { grade: input.grade, reason: input.reason });
    }
    try {
      return this.db.transaction(() => {
        let task = loadTask(this.db, id);
        if (action === 'request-extension' && String(refs.to) <= task.due) throw new GongbaoError('bad-argument', `延期后的期限应晚于当前期限 ${task.due}`);
        // With `completionNeedsLeader`, the office's approval is the 初审 and a leader closes the task.
        const effective: typeof action =
          action === 'approve-completion' && actor.role === 'office' && this.profile.completionNeedsLeader && !task.preReviewed ? 'pre-review' : action;
        const entry = decide(task, effective, actor, this.now(), input.comment ?? input.reason ?? null, refs);
        const before = task.version;
        task = reduce(task, entry);
        saveTask(this.db, task, before);
        appendHistory(this.db, id, task.version, entry);
        if (action === 'summon') this.db.prepare('INSERT INTO summons(unit, task_id, at, by_unit, reason) VALUES (?,?,?,?,?)').run(task.leadUnit, id, entry.at, actor.unit, input.comment ?? null);
        return task;
      }).immediate();
    } catch (e) {
      if (isGongbaoError(e) && e.code === 'forbidden') this.refuse(actor, action, `task:${id}`, e.message);
      throw e;
    }
  }

  show(id: number): Task & { warnings: ReturnType<typeof warnings>; history: ReturnType<typeof history> } {
    const task = loadTask(this.db, id);
    return { ...task, warnings: warnings(this.db, id), history: history(this.db, id) };
  }

  list(filter: { unit?: string; status?: TaskStatus; overdue?: boolean } = {}): Task[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.unit) (where.push('(lead_unit = :unit OR EXISTS (SELECT 1 FROM json_each(assist_json) WHERE value = :unit))'), (params.unit = filter.unit));
    if (filter.status) (where.push('status = :status'), (params.status = filter.status));
    if (filter.overdue) (where.push("due < :today AND status NOT IN ('closed', 'cancelled')"), (params.today = this.today()));
    const rows = this.db.prepare(`SELECT state_json FROM tasks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY due, id`).all(params) as { state_json: string }[];
    return rows.map((r) => JSON.parse(r.state_json) as Task);
  }

  /** Can this actor see this task? Units see their own (lead or assist) tasks; office and leaders see all. */
  canSee(task: Task, actor: Actor): boolean {
    return actor.role !== 'unit' || task.leadUnit === actor.unit || task.assistUnits.includes(actor.unit);
  }
}
