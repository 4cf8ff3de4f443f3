// Login limits: attempts are reserved before the (asynchronous) password
// check, so parallel requests get no more checks than the limit; old attempt
// rows are deleted; a lockout is audited once per window; one address is
// limited across usernames. The clock is injected (`now`), never waited on.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { openLibrary } from '../../src/store/library.js';
import {
  CLIENT_LOCKED_DETAIL, LOCKED_DETAIL, LOGIN_MAX_CLIENT_FAILURES, LOGIN_MAX_FAILURES, LOGIN_RETENTION_HOURS, LOGIN_WINDOW_MINUTES, createUser, login,
} from '../../src/supervise/auth.js';
import { GongbaoError } from '../../src/errors.js';

const T0 = new Date('2030-03-04T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PASSWORD = 'Shuili#2030';

async function library(): Promise<Db> {
  const db = openLibrary(':memory:');
  await createUser(db, { username: 'shuili', unit: '县水利局', role: 'unit', password: PASSWORD }, T0);
  return db;
}

/** The error codes of settled logins, counted: { unauthorized: n, 'too-many-requests': m, ok: k }. */
function tally(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) {
    const code = r.status === 'fulfilled' ? 'ok' : r.reason instanceof GongbaoError ? r.reason.code : String(r.reason);
    out[code] = (out[code] ?? 0) + 1;
  }
  return out;
}

const attempts = (db: Db, client?: string) =>
  client === undefined
    ? (db.prepare('SELECT count(*) AS n FROM login_attempts').get() as { n: number }).n
    : (db.prepare("SELECT count(*) AS n FROM login_attempts WHERE key LIKE '%|' || ?").get(client) as { n: number }).n;
const lockoutAudits = (db: Db, detail: string) =>
  db.prepare("SELECT target, at FROM audit_log WHERE action = 'login' AND allowed = 0 AND actor_unit IS NULL AND detail = ? ORDER BY id").all(detail) as { target: string; at: string }[];

describe('login limit', () => {
  it('checks at most LOGIN_MAX_FAILURES passwords for 60 parallel attempts, then locks until the window passes', { timeout: 60_000 }, async () => {
    const db = await library();
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => login(db, 'shuili', `wrong-${i}`, '10.0.0.1', at(0))));
    expect(tally(results)).toEqual({ unauthorized: LOGIN_MAX_FAILURES, 'too-many-requests': 60 - LOGIN_MAX_FAILURES });
    expect(attempts(db)).toBe(LOGIN_MAX_FAILURES);
    // 55 refusals, one audit row for the lockout.
    expect(lockoutAudits(db, LOCKED_DETAIL)).toEqual([{ target: 'user:shuili', at: at(0).toISOString() }]);

    // The right password is refused while locked, with the minutes left.
    const locked = login(db, 'shuili', PASSWORD, '10.0.0.1', at(1));
    await expect(locked).rejects.toMatchObject({ code: 'too-many-requests', status: 429 });
    await expect(locked).rejects.toThrow(`登录失败次数过多，请 ${LOGIN_WINDOW_MINUTES - 1} 分钟后再试`);
    // Another address is not locked out of the account.
    await expect(login(db, 'shuili', PASSWORD, '10.0.0.2', at(1))).resolves.toMatchObject({ session: { user: { username: 'shuili' } } });

    const after = at(LOGIN_WINDOW_MINUTES + 1 / 60);
    await expect(login(db, 'shuili', PASSWORD, '10.0.0.1', after)).resolves.toMatchObject({ session: { user: { username: 'shuili' } } });
    expect(db.prepare('SELECT ok FROM login_attempts WHERE key = ? ORDER BY rowid DESC LIMIT 1').get('shuili|10.0.0.1')).toEqual({ ok: 1 });
  });

  it('counts only failures after the last success', { timeout: 60_000 }, async () => {
    const db = await library();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await expect(login(db, 'shuili', 'wrong', 'c', at(0))).rejects.toMatchObject({ code: 'unauthorized' });
    await login(db, 'shuili', PASSWORD, 'c', at(1));
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await expect(login(db, 'shuili', 'wrong', 'c', at(2))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(login(db, 'shuili', PASSWORD, 'c', at(3))).resolves.toBeTruthy();
  });

  it('deletes attempt rows older than LOGIN_RETENTION_HOURS', { timeout: 60_000 }, async () => {
    const db = await library();
    const insert = db.prepare('INSERT INTO login_attempts(key, at, ok) VALUES (?,?,0)');
    insert.run('old|10.9.9.9', new Date(T0.getTime() - 2 * 86_400_000).toISOString());
    insert.run('recent|10.9.9.9', new Date(T0.getTime() - (LOGIN_RETENTION_HOURS - 1) * 3_600_000).toISOString());
    await login(db, 'shuili', PASSWORD, '10.0.0.1', T0);
    expect(db.prepare('SELECT key FROM login_attempts ORDER BY rowid').all()).toEqual([{ key: 'recent|10.9.9.9' }, { key: 'shuili|10.0.0.1' }]);
  });

  it('audits a lockout once per lockout window, however often it refuses', { timeout: 60_000 }, async () => {
    const db = await library();
    const fail = async (minutes: number) => {
      for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await expect(login(db, 'shuili', 'wrong', 'c', at(minutes))).rejects.toMatchObject({ code: 'unauthorized' });
    };
    const refused = async (minutes: number) => expect(login(db, 'Shuili', 'wrong', 'c', at(minutes))).rejects.toMatchObject({ code: 'too-many-requests' });
    await fail(0);
    for (const m of [0, 1, 5, 10, 14]) await refused(m);
    expect(lockoutAudits(db, LOCKED_DETAIL)).toHaveLength(1);
    expect(attempts(db)).toBe(LOGIN_MAX_FAILURES); // refusals add no attempt rows

    await fail(LOGIN_WINDOW_MINUTES + 1);
    for (const m of [16, 17, 20]) await refused(m);
    expect(lockoutAudits(db, LOCKED_DETAIL).map((a) => a.at)).toEqual([at(0).toISOString(), at(16).toISOString()]);
  });

  it('locks one address out after LOGIN_MAX_CLIENT_FAILURES failures across usernames', { timeout: 60_000 }, async () => {
    const db = await library();
    const n = LOGIN_MAX_CLIENT_FAILURES + 10;
    // One attempt per username: no pair reaches its own limit.
    const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => login(db, `spray${i}`, 'password1', '10.6.6.6', at(0))));
    expect(tally(results)).toEqual({ unauthorized: LOGIN_MAX_CLIENT_FAILURES, 'too-many-requests': 10 });
    expect(attempts(db, '10.6.6.6')).toBe(LOGIN_MAX_CLIENT_FAILURES);

    // The address is refused even for a real account and the right password; no rows are added.
    await expect(login(db, 'shuili', PASSWORD, '10.6.6.6', at(5))).rejects.toMatchObject({ code: 'too-many-requests' });
    await expect(login(db, 'spray-more', 'password1', '10.6.6.6', at(6))).rejects.toMatchObject({ code: 'too-many-requests' });
    expect(attempts(db)).toBe(LOGIN_MAX_CLIENT_FAILURES);
    expect(lockoutAudits(db, CLIENT_LOCKED_DETAIL)).toEqual([{ target: 'client:10.6.6.6', at: at(0).toISOString() }]);

    // Other addresses are unaffected; the address is let in again after the window.
    await expect(login(db, 'spray0', 'password1', '10.7.7.7', at(6))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(login(db, 'shuili', PASSWORD, '10.6.6.6', at(LOGIN_WINDOW_MINUTES + 1))).resolves.toBeTruthy();
  });
});
