// People, passwords and sessions of the supervision system. Users belong to a
// unit and have one role (office 督查室, leader 分管领导, principal 主要领导,
// unit staff). Passwords are scrypt hashes with a random salt, compared in
// constant time. A session is a random token kept by the browser in a cookie
// and stored here only as its SHA-256, with an expiry and a CSRF token.
// Failed logins are counted per username + client address: five within 15
// minutes lock that pair out until the window passes; fifty from one address
// across usernames lock that address out too. An attempt is reserved (counted
// as a failure) before its password is checked, so parallel requests cannot
// get more checks than the limit; attempts older than a day are dropped.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { GongbaoError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Actor, Role } from './model.js';
import { audit } from './task-store.js';

export const ROLES = ['office', 'leader', 'principal', 'unit'] as const satisfies readonly Role[];
export const ROLE_NAME: Record<Role, string> = { office: '督查室', leader: '分管领导', principal: '主要领导', unit: '责任单位' };

export interface User {
  id: number;
  username: string;
  displayName: string | null;
  unit: string;
  role: Role;
}

export interface Session {
  user: User;
  csrf: string;
  expiresAt: string;
}

export const SESSION_HOURS = 8;
export const LOGIN_WINDOW_MINUTES = 15;
export const LOGIN_MAX_FAILURES = 5;
/** Failures from one client address, across usernames, within the window. */
export const LOGIN_MAX_CLIENT_FAILURES = 50;
/** Rows of login_attempts older than this are deleted. */
export const LOGIN_RETENTION_HOURS = 24;
export const LOCKED_DETAIL = '登录失败次数过多，已暂时锁定';
export const CLIENT_LOCKED_DETAIL = '同一地址登录失败次数过多，已暂时锁定';
const MIN_PASSWORD = 8;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function derive(password: string, salt: Buffer, p: { N: number; r: number; p: number; keylen: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, p.keylen, { N: p.N, r: p.r, p: p.p, maxmem: 64 * 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), keylen: expected.length });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Equal strings, compared without leaking where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface UserRow { id: number; username: string; display_name: string | null; unit: string; role: Role; password_hash: string }
const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, displayName: r.display_name, unit: r.unit, role: r.role });

export interface NewUser {
  username: string;
  unit: string;
  role: string;
  password: string;
  displayName?: string;
}

export async function createUser(db: Db, input: NewUser, now: Date = new Date()): Promise<User> {
  const username = input.username.trim();
  if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(username)) throw new GongbaoError('bad-argument', '用户名应为 2–32 个字母、数字、汉字或 _ . -');
  if (!input.unit.trim()) throw new GongbaoError('bad-argument', '请指定所属单位（--unit）');
  if (!ROLES.includes(input.role as Role)) throw new GongbaoError('bad-argument', `角色应为：${ROLES.join('、')}`);
  if ([...input.password].length < MIN_PASSWORD) throw new GongbaoError('bad-argument', `密码至少 ${MIN_PASSWORD} 位`);
  if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(username)) throw new GongbaoError('conflict', `用户名 ${username} 已存在`);
  const hash = await hashPassword(input.password);
  const id = db.prepare('INSERT INTO users(username, display_name, unit, role, password_hash, created_at) VALUES (?,?,?,?,?,?)')
    .run(username, input.displayName?.trim() || null, input.unit.trim(), input.role, hash, now.toISOString()).lastInsertRowid as number;
  return { id, username, displayName: input.displayName?.trim() || null, unit: input.unit.trim(), role: input.role as Role };
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY unit, username').all() as UserRow[]).map(toUser);
}

/** The actor the supervision service sees for a user: the role comes from the account, not the unit's name. */
export const actorOf = (u: User): Actor => ({ unit: u.unit, role: u.role, user: u.username });

/** A hash every unknown username is checked against, so that timing does not tell whether a user exists. */
let decoy: Promise<string> | null = null;

export interface LoginResult {
  token: string;
  session: Session;
}

/**
 * Check a username and password from `client` (an address). Throws 429 while
 * the pair or the address is locked out, 401 for a wrong name or password.
 */
export async function login(db: Db, username: string, password: string, client: string, now: Date): Promise<LoginResult> {
  const key = `${username.trim().toLowerCase()}|${client}`;
  const reserved = reserveAttempt(db, key, client, username, now);
  if ('until' in reserved) {
    const minutes = Math.max(1, Math.ceil((reserved.until - now.getTime()) / 60_000));
    throw new GongbaoError('too-many-requests', `登录失败次数过多，请 ${minutes} 分钟后再试`);
  }
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username.trim()) as UserRow | undefined;
  decoy ??= hashPassword(randomBytes(12).toString('hex'));
  const ok = row ? await verifyPassword(row.password_hash, password) : (await verifyPassword(await decoy, password), false);
  if (!row || !ok) {
    audit(db, now.toISOString(), null, 'login', `user:${username.slice(0, 40)}`, false, '用户名或密码错误');
    throw new GongbaoError('unauthorized', '用户名或密码错误');
  }
  db.prepare('UPDATE login_attempts SET ok = 1 WHERE rowid = ?').run(reserved.id);
  const user = toUser(row);
  audit(db, now.toISOString(), actorOf(user), 'login', `user:${user.username}`, true, null);
  return createSession(db, user, now);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * In one immediate transaction: drop expired attempts, then either record
 * this attempt as a failure (ok = 0, set to 1 by a success) and return its
 * rowid, or return when the lockout that refuses it ends. Reserved attempts
 * whose check has not finished count as failures.
 */
function reserveAttempt(db: Db, key: string, client: string, username: string, now: Date): { id: number } | { until: number } {
  const t = now.getTime();
  const windowStart = iso(t - LOGIN_WINDOW_MINUTES * 60_000);
  return db.transaction(() => {
    db.prepare('DELETE FROM login_attempts WHERE at < ?').run(iso(t - LOGIN_RETENTION_HOURS * 3_600_000));
    // Failures of this pair since its last success (rowid order is reservation order).
    const failures = ats(db.prepare(`SELECT at FROM login_attempts WHERE key = ? AND ok = 0 AND at > ?
        AND rowid > coalesce((SELECT max(rowid) FROM login_attempts WHERE key = ? AND ok = 1), 0) ORDER BY at`).all(key, windowStart, key));
    if (failures.length >= LOGIN_MAX_FAILURES) {
      return refuse(db, failures, LOGIN_MAX_FAILURES, `user:${username.trim().toLowerCase().slice(0, 40)}`, LOCKED_DETAIL, now);
    }
    const suffix = `|${client}`;
    const fromClient = ats(db.prepare(`SELECT at FROM login_attempts WHERE ok = 0 AND at > ?
        AND substr(key, -length(?)) = ? ORDER BY at`).all(windowStart, suffix, suffix));
    if (fromClient.length >= LOGIN_MAX_CLIENT_FAILURES) {
      return refuse(db, fromClient, LOGIN_MAX_CLIENT_FAILURES, `client:${client.slice(0, 60)}`, CLIENT_LOCKED_DETAIL, now);
    }
    const id = db.prepare('INSERT INTO login_attempts(key, at, ok) VALUES (?,?,0)').run(key, now.toISOString()).lastInsertRowid;
    return { id: Number(id) };
  }).immediate();
}

const ats = (rows: unknown[]) => (rows as { at: string }[]).map((r) => r.at);

/**
 * A refused attempt: audited once per lockout (the first refusal after the
 * failure that began it), never recorded in login_attempts.
 */
function refuse(db: Db, failures: string[], max: number, target: string, detail: string, now: Date): { until: number } {
  const until = Date.parse(failures[failures.length - max]!) + LOGIN_WINDOW_MINUTES * 60_000;
  const at = now.toISOString();
  const last = failures[failures.length - 1]!;
  if (!lockoutAudited(db, target, detail, last < at ? last : at)) audit(db, at, null, 'login', target, false, detail);
  return { until };
}

/**
 * Whether the lockout of `target` has been audited since `since`. Reads
 * audit_log newest first and stops at the first row older than `since`, so
 * the cost is bounded by the rows written within the lockout window.
 */
function lockoutAudited(db: Db, target: string, detail: string, since: string): boolean {
  const rows = db.prepare('SELECT at, actor_unit, actor_user, action, target, allowed, detail FROM audit_log ORDER BY id DESC').iterate() as IterableIterator<{
    at: string; actor_unit: string | null; actor_user: string | null; action: string; target: string | null; allowed: number; detail: string | null;
  }>;
  for (const r of rows) {
    if (r.at < since) return false;
    if (r.actor_unit === null && r.actor_user === null && r.action === 'login' && r.target === target && r.allowed === 0 && r.detail === detail) return true;
  }
  return false;
}

export function createSession(db: Db, user: User, now: Date): LoginResult {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
  db.prepare('INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at) VALUES (?,?,?,?,?)').run(sha256(token), user.id, csrf, now.toISOString(), expiresAt);
  return { token, session: { user, csrf, expiresAt } };
}

/** The live session a cookie's token names, or null. */
export function findSession(db: Db, token: string | undefined, now: Date): Session | null {
  if (!token || token.length > 200) return null;
  const row = db.prepare(`SELECT u.*, s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.expires_at > ?`).get(sha256(token), now.toISOString()) as (UserRow & { csrf: string; expires_at: string }) | undefined;
  return row ? { user: toUser(row), csrf: row.csrf, expiresAt: row.expires_at } : null;
}

export function endSession(db: Db, token: string | undefined): void {
  if (token) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha256(token));
}
