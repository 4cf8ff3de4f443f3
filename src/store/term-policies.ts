// Default terms of 规范性文件 across the library. A current measure of a
// government (extract/term-policy.ts) sets the term of that government's
// 规范性文件 that set none; validity.default_expires holds the result, and
// STATUS_SQL reads it after the document's own term.
//
// Which measure: the latest current one of the same government (jurisdictionOf)
// in force on the day the document took effect (or was dated). Our choice: a
// measure does not reach back to documents made before it took effect.
//
// Re-applied after every ingest and restore, in the same transaction: for the
// whole library when the issue holds a measure or a measure left the current
// set, else only for the issue's own documents.
import { addPeriod } from '../extract/validity.js';
import { jurisdictionOf, type TermPolicy } from '../extract/term-policy.js';
import type { Db } from './db.js';

export function recordPolicy(db: Db, docId: number, issuer: string | null, from: string | null, p: TermPolicy): void {
  const where = jurisdictionOf(issuer);
  if (!where) return;
  db.prepare('INSERT OR REPLACE INTO term_policies(doc_id, jurisdiction, from_date, amount, unit, trial_amount, trial_unit, text) VALUES (?,?,?,?,?,?,?,?)')
    .run(docId, where, from, p.period.amount, p.period.unit, p.trial?.amount ?? null, p.trial?.unit ?? null, p.text);
}

interface PolicyRow {
  doc_id: number;
  jurisdiction: string;
  from_date: string | null;
  amount: number;
  unit: 'year' | 'month';
  trial_amount: number | null;
  trial_unit: 'year' | 'month' | null;
}

interface Target {
  id: number;
  issuer: string | null;
  start: string | null;
  trial: number;
}

export function applyTermPolicies(db: Db, issueId: number): void {
  const policies = db.prepare(`SELECT p.* FROM term_policies p JOIN documents d ON d.id = p.doc_id AND d.is_current = 1
    ORDER BY p.from_date DESC, p.doc_id DESC`).all() as PolicyRow[];
  // The issue brings a measure (or a version of one), or a measure a default rests on left the current set.
  const touchesPolicy = (db.prepare(`SELECT count(*) AS n FROM term_policies p JOIN documents d ON d.id = p.doc_id
    JOIN documents o ON o.doc_key = d.doc_key WHERE o.issue_id = ?`).get(issueId) as { n: number }).n > 0
    || db.prepare('SELECT 1 FROM validity v JOIN documents m ON m.id = v.default_by WHERE m.is_current = 0 LIMIT 1').get() !== undefined;
  const scope = touchesPolicy ? '' : 'AND d.issue_id = :issue';
  const targets = db.prepare(`SELECT d.id, d.issuer, coalesce(v.effective, d.date) AS start, v.trial FROM documents d JOIN validity v ON v.doc_id = d.id
    WHERE d.is_current = 1 AND v.normative = 1 AND v.expires IS NULL AND v.depends_json IS NULL ${scope}`).all(touchesPolicy ? {} : { issue: issueId }) as Target[];
  if (touchesPolicy) db.prepare('UPDATE validity SET default_expires = NULL, default_by = NULL WHERE default_by IS NOT NULL').run();
  const set = db.prepare('UPDATE validity SET default_expires = ?, default_by = ? WHERE doc_id = ?');
  for (const t of targets) {
    const where = jurisdictionOf(t.issuer);
    const p = t.start && where ? policies.find((x) => x.jurisdiction === where && (!x.from_date || x.from_date <= t.start!)) : undefined;
    if (!p || !t.start) {
      set.run(null, null, t.id);
      continue;
    }
    const trial = t.trial && p.trial_amount && p.trial_unit;
    set.run(addPeriod(t.start, trial ? p.trial_amount! : p.amount, trial ? p.trial_unit! : p.unit), p.doc_id, t.id);
  }
}
