// Persistence of tasks: the current state (a projection of the history),
// the append-only history, warnings, summons and the audit log. Every write
// happens inside the caller's transaction; the task's version guards against
// lost updates when two requests act on the same task.
import { GongbaoError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Actor, HistoryEntry, Task } from './model.js';
import { withDefaults, type NewEntry } from './machine.js';

interface TaskRow {
  state_json: string;
}

export function loadTask(db: Db, id: number): Task {
  const row = db.prepare('SELECT state_json FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
  if (!row) throw new GongbaoError('not-found', `没有编号为 ${id} 的督办任务`);
  return withDefaults(JSON.parse(row.state_json) as Task);
}

export function insertTask(db: Db, task: Omit<Task, 'id'>, entry: NewEntry): Task {
  const id = db
    .prepare(`INSERT INTO tasks(title, source_kind, doc_number, document_id, outline_id, responsibility_id, lead_unit, assist_json, major,
      status, registered_at, due, state_json, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'{}',1)`)
    .run(task.title, task.source.kind, task.source.docNumber ?? null, task.source.documentId ?? null, task.source.outlineId ?? null,
      task.source.responsibilityId ?? null, task.leadUnit, JSON.stringify(task.assistUnits), task.major ? 1 : 0, task.status,
      task.registeredAt, task.due).lastInsertRowid as number;
  const full: Task = { ...task, id, version: 1 };
  db.prepare('UPDATE tasks SET state_json = ? WHERE id = ?').run(JSON.stringify(full), id);
  appendHistory(db, id, 1, { ...entry, refs: { ...entry.refs, task: full } });
  return full;
}

/** Store the new state if nobody else changed the task since `expectedVersion` was read. */
export function saveTask(db: Db, task: Task, expectedVersion: number): void {
  const r = db
    .prepare('UPDATE tasks SET status = ?, due = ?, state_json = ?, version = ? WHERE id = ? AND version = ?')
    .run(task.status, task.due, JSON.stringify(task), task.version, task.id, expectedVersion);
  if (r.changes !== 1) throw new GongbaoError('conflict', '任务已被他人修改，请刷新后重试');
}

export function appendHistory(db: Db, taskId: number, seq: number, e: NewEntry): void {
  db.prepare(`INSERT INTO task_history(task_id, seq, action, from_status, to_status, actor_unit, actor_role, actor_user, at, comment, refs_json)
    VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
    .run(taskId, seq, e.action, e.from, e.to, e.actor.unit, e.actor.role, e.actor.user ?? null, e.at, e.comment,
      JSON.stringify(e.actor.recordedBy ? { ...e.refs, recordedBy: e.actor.recordedBy } : e.refs));
}

export function history(db: Db, taskId: number): HistoryEntry[] {
  const rows = db.prepare('SELECT * FROM task_history WHERE task_id = ? ORDER BY seq').all(taskId) as {
    task_id: number; seq: number; action: HistoryEntry['action']; from_status: HistoryEntry['from']; to_status: HistoryEntry['to'];
    actor_unit: string; actor_role: Actor['role']; actor_user: string | null; at: string; comment: string | null; refs_json: string;
  }[];
  return rows.map((r) => {
    const refs = JSON.parse(r.refs_json) as Record<string, unknown>;
    const actor: Actor = r.actor_user ? { unit: r.actor_unit, role: r.actor_role, user: r.actor_user } : { unit: r.actor_unit, role: r.actor_role };
    // A leader's decision the office recorded names the recorder.
    if (typeof refs.recordedBy === 'string') actor.recordedBy = refs.recordedBy;
    return { seq: r.seq, taskId: r.task_id, action: r.action, from: r.from_status, to: r.to_status, actor, at: r.at, comment: r.comment, refs };
  });
}

export interface Warning {
  kind: string;
  key: string;
  raisedAt: string;
  unit: string;
  [detail: string]: unknown;
}

/** Raise a warning once: returns false when it was already raised (sweeps are idempotent). */
export function raiseWarning(db: Db, task: Task, kind: string, key: string, at: string, detail: Record<string, unknown>): boolean {
  const r = db.prepare('INSERT OR IGNORE INTO task_warnings(task_id, unit, kind, key, raised_at, detail_json) VALUES (?,?,?,?,?,?)')
    .run(task.id, task.leadUnit, kind, key, at, JSON.stringify(detail));
  return r.changes === 1;
}

export function warnings(db: Db, taskId: number): Warning[] {
  return (db.prepare('SELECT kind, key, raised_at, unit, detail_json FROM task_warnings WHERE task_id = ? ORDER BY id').all(taskId) as {
    kind: string; key: string; raised_at: string; unit: string; detail_json: string;
  }[]).map((w) => ({ ...(JSON.parse(w.detail_json) as Record<string, unknown>), kind: w.kind, key: w.key, raisedAt: w.raised_at, unit: w.unit }));
}

/** The time of a task's latest history entry: nothing may be recorded before it. */
export function lastActionAt(db: Db, taskId: number): string | null {
  return (db.prepare('SELECT max(at) AS at FROM task_history WHERE task_id = ?').get(taskId) as { at: string | null }).at;
}

export { audit } from '../store/audit.js';
