// Opening the library: SQLite through better-sqlite3, migrated to the latest
// schema. Path: --db, else GONGBAO_DB, else ./data/gongbao.db.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { GongbaoError } from '../errors.js';
import { migrate } from './migrations.js';

export type Db = Database.Database;

export function defaultDbPath(explicit?: string): string {
  return resolve(explicit ?? process.env.GONGBAO_DB ?? 'data/gongbao.db');
}

export interface OpenOptions {
  /** Stop migrating at this version (tests of the migration path). */
  targetVersion?: number;
  readonly?: boolean;
}

export function openDb(path: string, opts: OpenOptions = {}): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, opts.readonly ? { readonly: true, fileMustExist: true } : {});
    // The first statements are where a file that is not a SQLite database is found out.
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -32000');
  } catch (e) {
    throw new GongbaoError('bad-argument', `无法打开文库数据库（${(e as Error).message}）`, { file: path });
  }
  if (!opts.readonly) migrate(db, opts.targetVersion);
  return db;
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

const statementCaches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection. For the hot read paths
 * (search, document pages): preparing costs about as much as running a small
 * query. SQL built from user input must go through parameters, never the text.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statementCaches.get(db);
  if (!cache) statementCaches.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    st = db.prepare(sql);
    // Filter combinations are few, but bound the map anyway.
    if (cache.size >= 500) cache.clear();
    cache.set(sql, st);
  }
  return st;
}

/**
 * A key that changes whenever an issue is ingested (a new issue, or a new
 * version of one) or another version is made current: what caches of
 * library-wide reads are keyed on.
 */
export function issueGeneration(db: Db): string {
  // Which versions are current changes too (gongbao restore), not only which issues exist.
  const g = statement(db, 'SELECT max(id) AS m, count(*) AS n, total(id * is_current) AS c FROM issues').get() as { m: number | null; n: number; c: number };
  return `${g.m}:${g.n}:${g.c}`;
}
