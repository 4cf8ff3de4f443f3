// The supervision service: register tasks (by hand or from documents), let
// units, the office and leaders act on them, and answer questions about them.
// Every action runs in an IMMEDIATE transaction, reading and writing the task
// under SQLite's write lock, so concurrent requests serialize and none is
// lost or applied twice. Every refused action is written to the audit log.
import { GongbaoError, isGongbaoError, type ErrorCode } from '../errors.js';
import type { Db } from '../store/db.js';
import { calendarGeneration } from '../store/calendar-store.js';
import { chinaDay, chinaTime, isRealDay, type WorkCalendar } from './calendar.js';
import { libraryCalendar } from './calendar-library.js';
import { computeDeadlines } from './deadlines.js';
import { decide, reduce, withDefaults, type NewEntry } from './machine.js';
import { GRADES, LEADER_DECISIONS, OPEN_STATUSES, SOURCE_KINDS, type Action, type Actor, type Grade, type SourceKind, type Task, type TaskStatus } from './model.js';
import { actorFor, loadProfile, type Profile } from './profile.js';
import { appendHistory, audit, history, insertTask, lastActionAt, loadTask, saveTask, warnings } from './task-store.js';
import { requireAssist, requireUnit, unitDirectory, type UnitDirectory } from './unit-directory.js';

export interface SupervisionDeps {
  db: Db;
  now?: () => Date;
  /** A fixed calendar (tests); by default the library's own, reloaded when a notice is imported. */
  calendar?: WorkCalendar;
  profile?: Profile;
}

export interface CreateTaskInput {
  title: string;
  lead: string;
  assist?: string[];
  due?: string;
  /** Where a given due date comes from (a clause's own 期限 when proposed from a document). */
  dueSource?: 'given' | 'clause';
  source?: string;
  sourceKind?: SourceKind;
  major?: boolean;
  /** The 主要领导 who approved a key task, when the office records that approval. */
  approvedBy?: string;
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
  /** The leader whose decision the office records (分管领导 / 主要领导, or a name the profile lists). */
  leader?: string;
}

export interface EditInput {
  title?: string;
  due?: string;
  lead?: string;
  assist?: string[];
  major?: boolean;
  approvedBy?: string;
  comment?: string;
}

const OPEN = new Set(OPEN_STATUSES);

/** Who recorded a decision: the office unit, and its user when signed in. */
const recorder = (actor: Actor) => (actor.user ? `${actor.unit}（${actor.user}）` : actor.unit);

export function requireDay(value: string, what: string): string {
  if (!isRealDay(value)) throw new GongbaoError('bad-argument', `${what}不是有效的日期（应为 YYYY-MM-DD 的真实日期）：${value.slice(0, 20)}`);
  return value;
}

export class Supervision {
  readonly db: Db;
  readonly profile: Profile;
  private readonly clock: () => Date;
  private readonly fixedCalendar: WorkCalendar | undefined;
  private cached: { key: string; cal: WorkCalendar } | null = null;
  private dir: { key: string; dir: UnitDirectory } | null = null;

  constructor(deps: SupervisionDeps) {
    this.db = deps.db;
    this.clock = deps.now ?? (() => new Date());
    this.fixedCalendar = deps.calendar;
    this.profile = deps.profile ?? loadProfile();
  }

  /** The working-day calendar: the shipped baseline and every notice imported into this library. */
  get calendar(): WorkCalendar {
    if (this.fixedCalendar) return this.fixedCalendar;
    const key = calendarGeneration(this.db);
    if (this.cached?.key !== key) this.cached = { key, cal: libraryCalendar(this.db) };
    return this.cached.cal;
  }

  get units(): UnitDirectory {
    // Ingest and unit review add units, aliases and decisions: any of them changes the directory.
    const key = (this.db.prepare(`SELECT (SELECT count(*) FROM units) || ':' || (SELECT count(*) FROM unit_aliases) || ':' || (SELECT count(*) FROM unit_reviews) AS k`).get() as { k: string }).k;
    if (this.dir?.key !== key) this.dir = { key, dir: unitDirectory(this.db, this.profile) };
    return this.dir.dir;
  }

  now(): string {
    return this.clock().toISOString();
  }

  today(): string {
    return chinaDay(this.clock());
  }

  actor(name: string, user?: string): Actor {
    return this.canonical(actorFor(this.profile, name, user));
  }

  /** A unit's actor under its canonical name (`县住建局` acts for 县住房和城乡建设管理局). */
  canonical(actor: Actor): Actor {
    if (actor.role !== 'unit') return actor;
    const name = this.units.resolve(actor.unit);
    return name && name !== actor.unit ? { ...actor, unit: name } : actor;
  }

  /** 协办 units, resolved, without repeats or the lead unit. */
  private assistUnits(names: string[], lead: string): string[] {
    return [...new Set(names.map((u) => u.trim()).filter(Boolean).map((u) => requireAssist(this.units, u)))].filter((u) => u !== lead);
  }

  /** The 主要领导 who approved a key task: the acting principal, or the one the office names. */
  private majorApproval(actor: Actor, approvedBy: string | undefined, at: string): Task['majorApproval'] {
    if (actor.role === 'principal') return { by: actor.unit, recordedBy: null, at };
    const named = approvedBy ? this.actor(approvedBy) : null;
    if (named?.role === 'principal') return { by: named.unit, recordedBy: recorder(actor), at };
    return this.refuse(actor, 'register', 'new', '重点事项须经县政府主要领导批准后立项：请记录批准的主要领导（--approved-by 主要领导）');
  }

  create(input: CreateTaskInput, actor: Actor = this.actor(this.profile.officeUnits[0] ?? '县政府办公室')): Task {
    try {
      return this.register(input, actor);
    } catch (e) {
      // Refusals for lack of right were audited where they were raised; every other refusal is audited here.
      if (isGongbaoError(e) && e.code !== 'forbidden') audit(this.db, this.now(), actor, 'register', 'new', false, e.message);
      throw e;
    }
  }

  private register(input: CreateTaskInput, actor: Actor): Task {
    if (actor.role !== 'office' && actor.role !== 'principal' && actor.role !== 'leader') {
      this.refuse(actor, 'register', 'new', `${actor.unit}无权立项，立项由县政府办公室（督查室）办理`);
    }
    const title = input.title?.trim();
    if (!title) throw new GongbaoError('bad-argument', '请填写工作内容（--title）');
    if (!input.lead?.trim()) throw new GongbaoError('bad-argument', '请指定牵头单位（--lead）');
    const lead = requireUnit(this.units, input.lead, '牵头单位');
    const assist = this.assistUnits(input.assist ?? [], lead);
    if (input.due) requireDay(input.due, '办结期限');
    if (input.sourceKind && !(input.sourceKind in SOURCE_KINDS)) throw new GongbaoError('bad-argument', `未知的任务来源：${input.sourceKind}`);
    const day = this.today();
    const at = this.now();
    const major = Boolean(input.major);
    const majorApproval = major ? this.majorApproval(actor, input.approvedBy, at) : null;
    const d = computeDeadlines(this.calendar, this.profile, day, major, input.due ?? null);
    if (d.due < day) throw new GongbaoError('bad-argument', `办结期限 ${d.due} 早于立项日期 ${day}`);
    const task: Omit<Task, 'id'> = {
      title, leadUnit: lead, assistUnits: assist,
      source: {
        kind: input.sourceKind ?? (input.source ? 'special-task' : 'other'), docNumber: input.source ?? null,
        documentId: input.documentId ?? null, outlineId: input.outlineId ?? null, responsibilityId: input.responsibilityId ?? null,
      },
      requirements: input.requirements ?? null, completionCriteria: input.criteria ?? null,
      leadLeader: input.leadLeader ?? null, responsibleLeader: input.responsibleLeader ?? null, major, majorApproval,
      status: 'registered', registeredAt: at, acceptDue: d.acceptDue, reportDue: d.reportDue, due: d.due, originalDue: d.due,
      dueSource: input.due ? (input.dueSource ?? 'given') : 'default', calendarConfirmed: d.calendarConfirmed,
      extensionRequestedTo: null, acceptedAt: null, lastReportAt: null, closedAt: null, preReviewed: false, supervised: false, extensions: 0,
      recommendation: null, grade: null, gradeOverride: null, version: 1,
    };
    return this.db.transaction(() =>
      insertTask(this.db, task, { action: 'register', from: null, to: 'registered', actor, at, comment: input.requirements ?? null, refs: {} }),
    ).immediate();
  }

  /** Record a refused action in the audit log (outside the failed transaction) and throw. */
  private refuse(actor: Actor, action: string, target: string, message: string, code: ErrorCode = 'forbidden'): never {
    audit(this.db, this.now(), actor, action, target, false, message);
    throw new GongbaoError(code, message);
  }

  /** The leader whose decision the office records: must be a 分管领导 or 主要领导 the profile knows. */
  private recordedLeader(actor: Actor, leader: string): Actor {
    const named = this.actor(leader);
    if (named.role !== 'leader' && named.role !== 'principal') {
      throw new GongbaoError('bad-argument', `“${leader.slice(0, 20)}”不是县政府领导，请写 分管领导 或 主要领导（--leader）`);
    }
    return { ...named, recordedBy: recorder(actor) };
  }

  /**
   * The history entries an action becomes. The office's word on an extension
   * or a completion is its 初审 and recommendation; with `leader` named, the
   * leader's decision it obtained follows, recorded as the leader's.
   */
  private entriesFor(task: Task, action: Exclude<Action, 'register'>, actor: Actor, input: ActInput, refs: Record<string, unknown>, at: string): NewEntry[] {
    const comment = input.comment ?? input.reason ?? null;
    if (!LEADER_DECISIONS.has(action) || actor.role !== 'office') {
      if (input.leader) throw new GongbaoError('bad-argument', '只有县政府办公室（督查室）代为记录领导的决定时才写 --leader');
      return [decide(task, action, actor, at, comment, refs)];
    }
    const onExtension = action === 'approve-extension' || action === 'reject-extension';
    const decision = action.startsWith('approve') ? 'approve' : 'reject';
    const out: NewEntry[] = [];
    let t = task;
    const reviewed = t.recommendation?.on === (onExtension ? 'extension' : 'completion');
    if (!reviewed || !input.leader) {
      const review = decide(t, onExtension ? 'review-extension' : 'pre-review', actor, at, comment, { decision, ...(comment ? { comment } : {}) });
      out.push(review);
      t = reduce(t, review);
    }
    if (input.leader) out.push(decide(t, action, this.recordedLeader(actor, input.leader), at, comment, refs));
    return out;
  }

  act(id: number, action: Exclude<Action, 'register'>, who: Actor, input: ActInput = {}): Task {
    const actor = this.canonical(who);
    const refs: Record<string, unknown> = {};
    try {
      if (action === 'edit' || action === 'recalculate') throw new GongbaoError('bad-argument', `“${action}”不能直接办理（修改任务请用 task edit）`);
      if (action === 'request-extension') {
        if (!input.to) throw new GongbaoError('bad-argument', '请用 --to YYYY-MM-DD 给出延期后的办结期限');
        refs.to = requireDay(input.to, '延期后的办结期限');
      }
      if (action === 'grade') {
        if (!GRADES.includes(input.grade as Grade)) throw new GongbaoError('bad-argument', `等次应为：${GRADES.join('、')}`);
        if (!input.reason?.trim()) throw new GongbaoError('bad-argument', '调整等次须说明理由（--reason）');
        Object.assign(refs, { grade: input.grade, reason: input.reason });
      }
      return this.db.transaction(() => {
        // The time is read under the write lock, so concurrent actions are recorded in the order they happen.
        const at = this.now();
        let task = loadTask(this.db, id);
        this.checkTime(id, at);
        if (action === 'request-extension') {
          if (this.today() > task.due) throw new GongbaoError('conflict', `已超过办结期限 ${task.due}，不能再申请延期（8号：须在规定的时限内提出延期办结申请）`);
          if (String(refs.to) <= task.due) throw new GongbaoError('bad-argument', `延期后的期限应晚于当前期限 ${task.due}`);
        }
        for (const entry of this.entriesFor(task, action, actor, input, refs, at)) task = this.apply(task, entry);
        if (action === 'summon') this.db.prepare('INSERT INTO summons(unit, task_id, at, by_unit, reason) VALUES (?,?,?,?,?)').run(task.leadUnit, id, at, actor.unit, input.comment ?? null);
        return task;
      }).immediate();
    } catch (e) {
      if (isGongbaoError(e)) this.refuse(actor, action, `task:${id}`, e.message, e.code);
      throw e;
    }
  }

  /** Time never runs backwards within a task. */
  private checkTime(id: number, at: string): void {
    const last = lastActionAt(this.db, id);
    if (last && at < last) throw new GongbaoError('conflict', `办理时间 ${chinaTime(at)} 早于本任务上一次办理的时间 ${chinaTime(last)}，时间不能倒流`);
  }

  private apply(task: Task, entry: NewEntry): Task {
    const next = reduce(task, entry);
    saveTask(this.db, next, task.version);
    appendHistory(this.db, task.id, next.version, entry);
    return next;
  }

  /** The office edits a task after 立项 (title, due, units, 重点): one audited history entry with before and after. */
  edit(id: number, changes: EditInput, actor: Actor): Task {
    try {
      return this.db.transaction(() => {
        const at = this.now();
        const task = loadTask(this.db, id);
        this.checkTime(id, at);
        const after: Partial<Task> = {};
        if (changes.title !== undefined) {
          const title = changes.title.trim();
          if (!title) throw new GongbaoError('bad-argument', '工作内容不能为空');
          if (title !== task.title) after.title = title;
        }
        if (changes.lead !== undefined) {
          const lead = requireUnit(this.units, changes.lead, '牵头单位');
          if (lead !== task.leadUnit) after.leadUnit = lead;
        }
        if (changes.assist !== undefined) {
          const lead = after.leadUnit ?? task.leadUnit;
          const assist = this.assistUnits(changes.assist, lead);
          if (JSON.stringify(assist) !== JSON.stringify(task.assistUnits)) after.assistUnits = assist;
        }
        if (changes.due !== undefined && requireDay(changes.due, '办结期限') !== task.due) {
          if (changes.due < chinaDay(new Date(task.registeredAt))) throw new GongbaoError('bad-argument', `办结期限 ${changes.due} 早于立项日期`);
          Object.assign(after, { due: changes.due, dueSource: 'given' as const, ...(task.extensions === 0 ? { originalDue: changes.due } : {}) });
          if (!task.lastReportAt && task.reportDue > changes.due) after.reportDue = changes.due;
        }
        if (changes.major !== undefined && changes.major !== task.major) {
          after.major = changes.major;
          after.majorApproval = changes.major ? this.majorApproval(actor, changes.approvedBy, at) : null;
        }
        if (!Object.keys(after).length) throw new GongbaoError('bad-argument', '没有需要修改的内容');
        const before = Object.fromEntries(Object.keys(after).map((k) => [k, task[k as keyof Task]]));
        const edited = this.apply(task, decide(task, 'edit', actor, at, changes.comment ?? null, { before, after }));
        audit(this.db, at, actor, 'edit', `task:${id}`, true, `修改：${Object.keys(after).join('、')}`);
        return edited;
      }).immediate();
    } catch (e) {
      if (isGongbaoError(e)) this.refuse(actor, 'edit', `task:${id}`, e.message, e.code);
      throw e;
    }
  }

  /**
   * After a holiday notice is imported: recompute the deadlines that were
   * computed on the calendar (not those given or extended), record each change
   * in the task's history, and refresh `calendarConfirmed`.
   */
  recalculate(note: string): Task[] {
    const actor = { ...this.actor(this.profile.officeUnits[0] ?? '县政府办公室'), user: 'system' };
    const at = this.now();
    const cal = this.calendar;
    return this.db.transaction(() => {
      const changed: Task[] = [];
      for (const t of this.list()) {
        if (!OPEN.has(t.status)) continue;
        const last = lastActionAt(this.db, t.id);
        if (last && at < last) continue;
        const computedDue = t.dueSource === 'default' && t.extensions === 0;
        const d = computeDeadlines(cal, this.profile, chinaDay(new Date(t.registeredAt)), t.major, computedDue ? null : t.due);
        const after: Partial<Task> = {};
        if (t.status === 'registered' && d.acceptDue !== t.acceptDue) after.acceptDue = d.acceptDue;
        if (!t.lastReportAt && d.reportDue !== t.reportDue) after.reportDue = d.reportDue;
        if (computedDue && d.due !== t.due) Object.assign(after, { due: d.due, originalDue: d.due });
        if (d.calendarConfirmed !== t.calendarConfirmed) after.calendarConfirmed = d.calendarConfirmed;
        if (!Object.keys(after).length) continue;
        const before = Object.fromEntries(Object.keys(after).map((k) => [k, t[k as keyof Task]]));
        changed.push(this.apply(t, decide(t, 'recalculate', actor, at, note, { before, after })));
      }
      return changed;
    }).immediate();
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
    return rows.map((r) => withDefaults(JSON.parse(r.state_json) as Task));
  }

  /** Can this actor see this task? Units see their own (lead or assist) tasks; office and leaders see all. */
  canSee(task: Task, who: Actor): boolean {
    const actor = this.canonical(who);
    return actor.role !== 'unit' || task.leadUnit === actor.unit || task.assistUnits.includes(actor.unit);
  }
}
