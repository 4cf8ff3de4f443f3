// Versions of an issue. A new version that loses documents the current one
// has (fewer documents, or 文号 that disappear: a truncated copy, a partial
// conversion) does not become current unless the editor says to replace it;
// every version is kept, listed, and any one can be made current again.
// Each replace and restore is written to the audit log.
import { GongbaoError } from '../errors.js';
import type { AnalyzedIssue } from '../extract/index.js';
import { bumpIndexEpoch, indexDocument, removeFromIndex } from './fts-index.js';
import type { Db } from './db.js';
import { resolveAfterIngest } from './resolve.js';
import { applyTermPolicies } from './term-policies.js';
import { audit } from './audit.js';

export interface IssueVersion {
  issueId: number;
  version: number;
  current: boolean;
  documents: number;
  file: string;
  format: string;
  ingestedAt: string;
}

export interface Losses {
  /** Documents in the current version and in the new one. */
  count: [number, number];
  /** 文号 of the current version the new one lacks. */
  missing: string[];
}

/** What a new version would lose against the current one, or null when it loses nothing. */
export function losses(db: Db, issueKey: string, next: AnalyzedIssue): Losses | null {
  const current = db.prepare(`SELECT d.doc_number AS n FROM documents d JOIN issues i ON i.id = d.issue_id
    WHERE i.issue_key = ? AND i.is_current = 1`).all(issueKey) as { n: string | null }[];
  if (!current.length) return null;
  const have = new Set(next.documents.map((d) => d.docNumber).filter(Boolean));
  const missing = current.flatMap((r) => (r.n && !have.has(r.n) ? [r.n] : []));
  if (next.documents.length >= current.length && !missing.length) return null;
  return { count: [current.length, next.documents.length], missing };
}

/** Refuse a version that loses documents, saying what would be lost. */
export function refuseLosses(lost: Losses, file: string): never {
  const names = lost.missing.length ? `，缺少 ${lost.missing.slice(0, 5).join('、')}${lost.missing.length > 5 ? ` 等 ${lost.missing.length} 件` : ''}` : '';
  throw new GongbaoError('conflict',
    `此文件是文库中已有一期的新版本，但只有 ${lost.count[1]} 件公文（当前版本 ${lost.count[0]} 件${names}），可能不完整：未载入。确需替换请加 --replace（网页上勾选“确认替换”）`, { file });
}

/** An issue by id, `YEAR-NUMBER[-PART]` (2022-4-下), or the 文号 of one of its documents. */
export function findIssueKey(db: Db, ref: string): string {
  const r = ref.trim();
  const byId = /^\d+$/.test(r) ? (db.prepare('SELECT issue_key FROM issues WHERE id = ?').get(Number(r)) as { issue_key: string } | undefined) : undefined;
  if (byId) return byId.issue_key;
  const m = /^(\d{4})\s*(?:-|年\s*第?|第)\s*(\d{1,3})\s*期?\s*(?:[-（(]?\s*([上下])\s*[）)]?)?$/.exec(r);
  if (m) {
    const row = db.prepare(`SELECT issue_key FROM issues WHERE year = ? AND number = ? AND coalesce(part, '') = ? ORDER BY id DESC LIMIT 1`)
      .get(Number(m[1]), Number(m[2]), m[3] ?? '') as { issue_key: string } | undefined;
    if (row) return row.issue_key;
  }
  const byNumber = db.prepare(`SELECT i.issue_key FROM documents d JOIN issues i ON i.id = d.issue_id WHERE d.doc_number = ? ORDER BY d.is_current DESC, i.id DESC LIMIT 1`)
    .get(r.replace(/\s+/g, '')) as { issue_key: string } | undefined;
  if (byNumber) return byNumber.issue_key;
  throw new GongbaoError('not-found', `文库中没有这一期：${r}（可用期次 ID、“2022-4-下”这样的年份与期数，或其中一件公文的发文字号）`);
}

export function listVersions(db: Db, issueKey: string): IssueVersion[] {
  return db.prepare(`SELECT i.id AS issueId, i.version, i.is_current AS current, s.file_name AS file, s.encoding AS format, s.ingested_at AS ingestedAt,
      (SELECT count(*) FROM documents d WHERE d.issue_id = i.id) AS documents
    FROM issues i JOIN sources s ON s.id = i.source_id WHERE i.issue_key = ? ORDER BY i.version`).all(issueKey)
    .map((r) => ({ ...(r as IssueVersion), current: Boolean((r as { current: number }).current) }));
}

/** Make `version` of an issue current again: its documents return to the index and citations are re-resolved. */
export function restoreVersion(db: Db, issueKey: string, version: number, now: string): IssueVersion {
  const target = db.prepare('SELECT id FROM issues WHERE issue_key = ? AND version = ?').get(issueKey, version) as { id: number } | undefined;
  if (!target) throw new GongbaoError('not-found', `这一期没有第 ${version} 版（可用 gongbao versions 查看）`);
  db.transaction(() => {
    for (const { id } of db.prepare('SELECT d.id FROM documents d JOIN issues i ON i.id = d.issue_id WHERE i.issue_key = ? AND d.is_current = 1').all(issueKey) as { id: number }[]) removeFromIndex(db, id);
    db.prepare('UPDATE documents SET is_current = 0 WHERE issue_id IN (SELECT id FROM issues WHERE issue_key = ?)').run(issueKey);
    db.prepare('UPDATE issues SET is_current = (id = ?) WHERE issue_key = ?').run(target.id, issueKey);
    const docs = db.prepare('SELECT id, doc_key, json, text FROM documents WHERE issue_id = ? ORDER BY seq').all(target.id) as { id: number; doc_key: string; json: string; text: string }[];
    for (const d of docs) {
      // As on ingest: a document current in another issue gives way to this copy.
      for (const old of db.prepare('SELECT id FROM documents WHERE doc_key = ? AND is_current = 1').all(d.doc_key) as { id: number }[]) {
        removeFromIndex(db, old.id);
        db.prepare('UPDATE documents SET is_current = 0 WHERE id = ?').run(old.id);
      }
      db.prepare('UPDATE documents SET is_current = 1 WHERE id = ?').run(d.id);
      indexDocument(db, d.id, { ...JSON.parse(d.json), text: d.text });
    }
    resolveAfterIngest(db, target.id, now);
    applyTermPolicies(db, target.id);
    bumpIndexEpoch(db);
    audit(db, now, null, 'restore', `issue:${issueKey}`, true, `第 ${version} 版设为当前版本`);
  })();
  return listVersions(db, issueKey).find((v) => v.version === version)!;
}
