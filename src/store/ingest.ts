// Ingest one issue file into the library, all or nothing. The same bytes
// change nothing; changed bytes for the same issue become a new version (the
// old one is kept, no longer current). Citations, stubs and repeals are then
// re-resolved across the whole library inside the same transaction.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { loadSource, readSource, type SourceText } from '../formats/index.js';
import { PARSER_VERSION } from '../parse/issue.js';
import type { AnalyzedDocument, AnalyzedIssue } from '../extract/index.js';
import { analyzeWithLines } from '../pipeline.js';
import type { UnitRegistry } from '../extract/units.js';
import type { Diagnostic } from '../parse/types.js';
import { statement, type Db } from './db.js';
import { indexDocument, learnTerms, removeFromIndex } from './fts-index.js';
import { resolveAfterIngest } from './resolve.js';
import { applyTermPolicies, recordPolicy } from './term-policies.js';
import { loadRegistry, saveRegistry } from './units-store.js';
import { dayCounts, importNotice } from './calendar-store.js';
import { noticeOfDocument } from './calendar-import.js';
import { losses, refuseLosses } from './versions.js';
import { audit } from './audit.js';

export type IngestStatus = 'added' | 'new-version' | 'unchanged';

export interface IngestResult {
  file: string;
  status: IngestStatus;
  issueKey: string;
  version: number;
  documents: number;
  diagnostics: Diagnostic[];
  /** Holiday notices found in the issue (imported into the calendar unless `calendar: false`). */
  calendar?: { docNumber: string | null; title: string; holidays: number; workdays: number; confirms: number[]; imported: boolean }[];
}

export interface IngestOptions {
  now?: () => Date;
  registry?: UnitRegistry;
  /** Import the holiday notices an issue contains into the calendar (default true). */
  calendar?: boolean;
  /** Make a new version current even when it has fewer documents than the current one (versions.ts). */
  replace?: boolean;
  /** What the input stage already read from these bytes (a PDF is read asynchronously: see `ingestFile`). */
  source?: SourceText;
  /** Test hook: called between steps inside the transaction; throwing aborts the ingest. */
  onStep?: (step: string) => void;
}

/**
 * An issue by its gazette, year, number and part. A single 公文 (no issue
 * around it) belongs to its issuer's collection: `单篇|<issuer>|<文号 or title>`.
 */
export const issueKeyOf = (a: AnalyzedIssue): string => {
  if (a.issue.standalone) {
    const d = a.documents[0];
    return ['单篇', d?.issuer ?? '', d?.docNumber ?? d?.title ?? ''].join('|');
  }
  return [a.issue.gazette ?? '', a.issue.year ?? '', a.issue.number ?? '', a.issue.part ?? ''].join('|');
};

/** The publisher recorded for an issue: a single document's is its issuer. */
const publisherOf = (a: AnalyzedIssue): string | null => a.issue.publisher ?? (a.issue.standalone ? (a.documents[0]?.issuer ?? null) : null);

export const docKeyOf = (issueKey: string, d: AnalyzedDocument): string => d.docNumber ?? `${issueKey}#${d.title}`;

export function ingestBytes(db: Db, bytes: Uint8Array, file: string, opts: IngestOptions = {}): IngestResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = db.prepare('SELECT i.issue_key, i.version FROM sources s JOIN issues i ON i.source_id = s.id WHERE s.sha256 = ?').get(sha256) as
    | { issue_key: string; version: number }
    | undefined;
  if (known) return { file, status: 'unchanged', issueKey: known.issue_key, version: known.version, documents: 0, diagnostics: [] };

  // Parsing happens before the transaction: bad input throws here and touches nothing.
  const decoded = opts.source ?? readSource(bytes, file);
  const registry = opts.registry ?? loadRegistry(db);
  const { analyzed, lines } = analyzeWithLines(decoded, { file, registry });
  const issueKey = issueKeyOf(analyzed);
  const lost = losses(db, issueKey, analyzed);
  if (lost && !opts.replace) refuseLosses(lost, file);
  const now = (opts.now ?? (() => new Date()))().toISOString();
  const step = opts.onStep ?? (() => {});

  return db.transaction((): IngestResult => {
    const prev = db.prepare('SELECT max(version) AS v FROM issues WHERE issue_key = ?').get(issueKey) as { v: number | null };
    const version = (prev.v ?? 0) + 1;
    if (prev.v) retireIssue(db, issueKey);
    if (lost) {
      audit(db, now, null, 'replace', `issue:${issueKey}`, true,
        `以 ${basename(file)}（${lost.count[1]} 件公文）替换当前版本（${lost.count[0]} 件）${lost.missing.length ? `，不再包含 ${lost.missing.join('、')}` : ''}`);
    }
    step('retired');
    const sourceId = db
      .prepare('INSERT INTO sources(sha256, file_name, bytes, size, encoding, parser_version, ingested_at, text, positions_json) VALUES (?,?,?,?,?,?,?,?,?)')
      .run(sha256, basename(file), Buffer.from(bytes), bytes.length, decoded.encoding, PARSER_VERSION, now,
        decoded.format === 'pdf' ? decoded.text : null, decoded.positions ? JSON.stringify(decoded.positions) : null).lastInsertRowid;
    const i = analyzed.issue;
    const issueId = db
      .prepare(`INSERT INTO issues(source_id, issue_key, version, is_current, gazette, publisher, year, number, part, serial,
        period_start, period_end, published, toc_json, diagnostics_json) VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,?)`)
      .run(sourceId, issueKey, version, i.gazette, publisherOf(analyzed), i.year, i.number, i.part, i.serial, i.periodStart, i.periodEnd,
        i.published, JSON.stringify(analyzed.toc), JSON.stringify(analyzed.diagnostics)).lastInsertRowid as number;
    step('issue');
    analyzed.documents.forEach((d, seq) => {
      const docKey = docKeyOf(issueKey, d);
      // A document reprinted in a later issue supersedes the earlier copy, which leaves the index.
      for (const old of db.prepare('SELECT id FROM documents WHERE doc_key = ? AND is_current = 1').all(docKey) as { id: number }[]) {
        removeFromIndex(db, old.id);
        db.prepare('UPDATE documents SET is_current = 0 WHERE id = ?').run(old.id);
      }
      insertDocument(db, issueId, seq, docKey, d);
      step(`document:${seq}`);
    });
    saveRegistry(db, registry);
    resolveAfterIngest(db, issueId, now);
    applyTermPolicies(db, issueId);
    step('resolved');
    const calendar = analyzed.documents.map((d) => noticeOfDocument(d, lines, file)).filter((n) => n !== null).map((n) => {
      const imported = opts.calendar !== false ? importNotice(db, n.source, n.reading, now) : null;
      return { docNumber: n.source.docNumber, title: n.source.title, ...dayCounts(n.reading), confirms: n.reading.confirms, imported: Boolean(imported?.added) };
    });
    const diagnostics = [...analyzed.diagnostics, ...analyzed.documents.flatMap((d) => d.diagnostics)];
    return { file, status: version === 1 ? 'added' : 'new-version', issueKey, version, documents: analyzed.documents.length, diagnostics, ...(calendar.length ? { calendar } : {}) };
  })();
}

/** Ingest any input, a PDF included: the bytes are read first (outside any transaction), then stored as `ingestBytes` does. */
export async function ingestFile(db: Db, bytes: Uint8Array, file: string, opts: IngestOptions = {}): Promise<IngestResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = db.prepare('SELECT 1 FROM sources WHERE sha256 = ?').get(sha256);
  // Known bytes skip the (slow) PDF read; ingestBytes reports them unchanged.
  return ingestBytes(db, bytes, file, known ? opts : { ...opts, source: opts.source ?? (await loadSource(bytes, file)) });
}

function retireIssue(db: Db, issueKey: string): void {
  const old = db.prepare('SELECT d.id FROM documents d JOIN issues i ON i.id = d.issue_id WHERE i.issue_key = ? AND d.is_current = 1').all(issueKey) as { id: number }[];
  for (const { id } of old) removeFromIndex(db, id);
  db.prepare('UPDATE documents SET is_current = 0 WHERE issue_id IN (SELECT id FROM issues WHERE issue_key = ?)').run(issueKey);
  db.prepare('UPDATE issues SET is_current = 0 WHERE issue_key = ?').run(issueKey);
}

function insertDocument(db: Db, issueId: number, seq: number, docKey: string, d: AnalyzedDocument): void {
  // `text` has its own column; keeping it out of the JSON halves the stored size.
  const { blocks: _blocks, text: _text, ...stored } = d;
  const id = statement(db, `INSERT INTO documents(issue_id, seq, doc_key, is_current, doc_number, title, issuer, date, category, toc_page,
      line_start, line_end, text, json) VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?)`)
    .run(issueId, seq, docKey, d.docNumber, d.title, d.issuer, d.date, d.category, d.tocPage, d.lines[0], d.lines[1], d.text,
      JSON.stringify(stored)).lastInsertRowid as number;
  const outline = statement(db, 'INSERT INTO outline_nodes(doc_id, node_id, parent_id, marker, level, title, line_start, line_end) VALUES (?,?,?,?,?,?,?,?)');
  const walk = (nodes: AnalyzedDocument['outline'], parent: string | null) => {
    for (const n of nodes) {
      outline.run(id, n.id, parent, n.marker, n.level, n.title, n.lines[0], n.lines[1]);
      walk(n.children, n.id);
    }
  };
  walk(d.outline, null);
  const table = statement(db, 'INSERT INTO doc_tables(doc_id, seq, caption, header_json, rows_json, line_start, line_end) VALUES (?,?,?,?,?,?,?)');
  d.tables.forEach((t, k) => table.run(id, k, t.caption, JSON.stringify(t.header), JSON.stringify(t.rows), t.lines[0], t.lines[1]));
  const resp = statement(db, `INSERT INTO responsibilities(doc_id, seq, task, outline_id, clause, deadline_text, deadline_date, deadline_json,
    line_start, line_end, title, task_line_start) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`);
  const ru = statement(db, 'INSERT INTO responsibility_units(responsibility_id, unit_id, role, printed) VALUES (?,?,?,?)');
  const du = statement(db, 'INSERT OR IGNORE INTO document_units(doc_id, unit_id) VALUES (?, ?)');
  d.responsibilities.forEach((r, k) => {
    const rid = resp.run(id, k, r.task, r.outlineId, r.clause, r.deadline?.text ?? null, r.deadline?.date ?? null,
      r.deadline ? JSON.stringify(r.deadline) : null, r.lines[0], r.lines[1], r.title, r.taskLines[0]).lastInsertRowid;
    const roles: [string, typeof r.leadUnits][] = [['lead', r.leadUnits], ['responsible', r.responsibleUnits], ['cooperating', r.cooperatingUnits], ['inherited', r.inherited ?? []]];
    for (const [role, units] of roles) {
      for (const u of units) {
        const unitId = u.id ?? u.name;
        ru.run(rid, unitId, role, u.printed);
        if (role !== 'inherited') du.run(id, unitId);
      }
    }
  });
  const dl = statement(db, 'INSERT INTO deadlines(doc_id, seq, kind, text, date, rrule, line_start, line_end) VALUES (?,?,?,?,?,?,?,?)');
  d.deadlines.forEach((x, k) => dl.run(id, k, x.kind, x.text, x.date, x.rrule ?? null, x.lines[0], x.lines[1]));
  const v = d.validity;
  statement(db, 'INSERT INTO validity(doc_id, effective, expires, trial, depends_json, text, line_start, line_end, normative) VALUES (?,?,?,?,?,?,?,?,?)')
    .run(id, v.effective, v.expires, v.trial ? 1 : 0, v.dependsOn ? JSON.stringify(v.dependsOn) : null, v.text, v.lines?.[0] ?? null, v.lines?.[1] ?? null, v.normative ? 1 : 0);
  if (v.policy) recordPolicy(db, id, d.issuer, v.effective ?? d.date, v.policy);
  const rp = statement(db, 'INSERT INTO repeals(doc_id, doc_number, title, text) VALUES (?,?,?,?)');
  for (const r of v.repeals) rp.run(id, r.docNumber, r.title, r.text);
  const et = statement(db, 'INSERT INTO enclosure_titles(title, doc_id) VALUES (?, ?)');
  for (const e of d.enclosures) et.run(e.title, id);
  const ct = statement(db, 'INSERT INTO citations(doc_id, kind, doc_number, title, order_ref, line_start, line_end) VALUES (?,?,?,?,?,?,?)');
  for (const c of d.citations) ct.run(id, c.kind, c.docNumber ?? null, c.title ?? null, c.order ?? null, c.lines[0], c.lines[1]);
  indexDocument(db, id, d);
  learnTerms(db, d.text);
}
