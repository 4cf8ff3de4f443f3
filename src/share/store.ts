// Persistence of the 政务数据共享 workflow: each resource, request,
// correction and catalogue trigger is a row holding its current state; every
// change appends to share_history (append-only by trigger) inside the
// caller's transaction; a row's version guards against lost updates.
import { GongbaoError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Actor } from '../supervise/model.js';

export type Table = 'share_resources' | 'share_requests' | 'share_corrections' | 'share_triggers';
const SUBJECT: Record<Table, string> = { share_resources: 'resource', share_requests: 'request', share_corrections: 'correction', share_triggers: 'trigger' };
const WHAT: Record<Table, string> = { share_resources: '目录资源', share_requests: '共享申请', share_corrections: '纠错反馈', share_triggers: '目录更新事项' };

export const subjectOf = (table: Table, id: number) => `${SUBJECT[table]}:${id}`;

interface Versioned {
  id: number;
  version: number;
}

export function load<T extends { id: number }>(db: Db, table: Table, id: number): T {
  const row = db.prepare(`SELECT state_json FROM ${table} WHERE id = ?`).get(id) as { state_json: string } | undefined;
  if (!row) throw new GongbaoError('not-found', `没有编号为 ${id} 的${WHAT[table]}`);
  return JSON.parse(row.state_json) as T;
}

/** Insert a row (its indexed columns and state); returns the state with its id. */
export function insert<T extends Versioned>(db: Db, table: Table, columns: Record<string, string | number | null>, state: Omit<T, 'id'>): T {
  const names = Object.keys(columns);
  const id = db.prepare(`INSERT INTO ${table}(${names.join(', ')}, state_json, version) VALUES (${names.map(() => '?').join(', ')}, '{}', 1)`)
    .run(...names.map((n) => columns[n]!)).lastInsertRowid as number;
  const full = { ...state, id } as T;
  db.prepare(`UPDATE ${table} SET state_json = ? WHERE id = ?`).run(JSON.stringify(full), id);
  return full;
}

/** Store the new state (and indexed columns) if nobody changed the row since `expected` was read. */
export function save<T extends Versioned>(db: Db, table: Table, state: T, expected: number, columns: Record<string, string | number | null> = {}): void {
  const names = Object.keys(columns);
  const r = db.prepare(`UPDATE ${table} SET ${[...names.map((n) => `${n} = ?`), 'state_json = ?', 'version = ?'].join(', ')} WHERE id = ? AND version = ?`)
    .run(...names.map((n) => columns[n]!), JSON.stringify(state), state.version, state.id, expected);
  if (r.changes !== 1) throw new GongbaoError('conflict', `${WHAT[table]}已被他人修改，请刷新后重试`);
}

export function list<T>(db: Db, table: Table, where = '', params: Record<string, unknown> = {}): T[] {
  return (db.prepare(`SELECT state_json FROM ${table} ${where ? `WHERE ${where}` : ''} ORDER BY id`).all(params) as { state_json: string }[])
    .map((r) => JSON.parse(r.state_json) as T);
}

export interface ShareEvent {
  seq: number;
  action: string;
  from: string | null;
  to: string | null;
  actor: Actor;
  at: string;
  comment: string | null;
  refs: Record<string, unknown>;
}

export function append(db: Db, subject: string, e: Omit<ShareEvent, 'seq'>): void {
  const seq = ((db.prepare('SELECT max(seq) AS s FROM share_history WHERE subject = ?').get(subject) as { s: number | null }).s ?? 0) + 1;
  db.prepare(`INSERT INTO share_history(subject, seq, action, from_status, to_status, actor_unit, actor_role, actor_user, at, comment, refs_json)
    VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
    .run(subject, seq, e.action, e.from, e.to, e.actor.unit, e.actor.role, e.actor.user ?? null, e.at, e.comment, JSON.stringify(e.refs));
}

export function events(db: Db, subject: string): ShareEvent[] {
  return (db.prepare('SELECT * FROM share_history WHERE subject = ? ORDER BY seq').all(subject) as {
    seq: number; action: string; from_status: string | null; to_status: string | null; actor_unit: string; actor_role: Actor['role'];
    actor_user: string | null; at: string; comment: string | null; refs_json: string;
  }[]).map((r) => ({
    seq: r.seq, action: r.action, from: r.from_status, to: r.to_status, at: r.at, comment: r.comment, refs: JSON.parse(r.refs_json) as Record<string, unknown>,
    actor: r.actor_user ? { unit: r.actor_unit, role: r.actor_role, user: r.actor_user } : { unit: r.actor_unit, role: r.actor_role },
  }));
}

/** The time of a subject's latest event: nothing may be recorded before it. */
export function lastEventAt(db: Db, subject: string): string | null {
  return (db.prepare('SELECT max(at) AS at FROM share_history WHERE subject = ?').get(subject) as { at: string | null }).at;
}

export interface ShareWarning {
  subject: string;
  unit: string;
  kind: string;
  key: string;
  raisedAt: string;
  message: string;
}

/** Raise a warning once (sweeps are idempotent): false when it was already raised. */
export function raise(db: Db, w: ShareWarning): boolean {
  return db.prepare('INSERT OR IGNORE INTO share_warnings(subject, unit, kind, key, raised_at, detail_json) VALUES (?,?,?,?,?,?)')
    .run(w.subject, w.unit, w.kind, w.key, w.raisedAt, JSON.stringify({ message: w.message })).changes === 1;
}

export function warningsOf(db: Db, where: string, params: Record<string, unknown> = {}): ShareWarning[] {
  return (db.prepare(`SELECT subject, unit, kind, key, raised_at, detail_json FROM share_warnings WHERE ${where} ORDER BY id`).all(params) as {
    subject: string; unit: string; kind: string; key: string; raised_at: string; detail_json: string;
  }[]).map((r) => ({ subject: r.subject, unit: r.unit, kind: r.kind, key: r.key, raisedAt: r.raised_at, message: String((JSON.parse(r.detail_json) as { message?: string }).message ?? '') }));
}
