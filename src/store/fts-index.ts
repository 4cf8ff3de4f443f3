// What a document contributes to the full-text index. Four weighted fields:
// title, headings (outline titles, enclosure and attachment titles), body,
// and meta (文号, issuer, category, named units, cited 文号). Every field is
// the analyzer's tokens joined by spaces, so FTS5's unicode61 tokenizer sees
// exactly the tokens the query side produces.
import type { AnalyzedDocument } from '../extract/index.js';
import type { OutlineNode } from '../parse/types.js';
import { statement, type Db } from './db.js';
import { addDictionaryTerms, analyze, ANALYZER_VERSION, docNumberToken } from '../analyze/analyzer.js';

export interface IndexFields {
  title: string;
  headings: string;
  body: string;
  meta: string;
}

function headingTitles(nodes: OutlineNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(n.title);
    headingTitles(n.children, out);
  }
  return out;
}

type Indexable = Pick<AnalyzedDocument, 'title' | 'docNumber' | 'issuer' | 'category' | 'text' | 'outline' | 'enclosures' | 'attachments' | 'responsibilities' | 'citations'>;

export function indexFields(d: Indexable): IndexFields {
  const headings = [...d.enclosures.map((e) => e.title), ...d.attachments.map((a) => a.title ?? ''), ...headingTitles(d.outline)];
  // A unit that leads a task should outrank one that cooperates: repeat names by role.
  const units: string[] = [];
  for (const r of d.responsibilities) {
    for (const u of r.leadUnits) units.push(u.name, u.name, u.name);
    for (const u of r.responsibleUnits) units.push(u.name, u.name);
    for (const u of r.cooperatingUnits) units.push(u.name);
  }
  const cited = d.citations.map((c) => (c.docNumber ? docNumberToken(c.docNumber) : null)).filter(Boolean);
  const own = d.docNumber ? docNumberToken(d.docNumber) : null;
  return {
    title: analyze(d.title).join(' '),
    headings: analyze(headings.join('\n')).join(' '),
    body: analyze(d.text).join(' '),
    meta: [own, own, ...analyze([d.issuer ?? '', d.category ?? '', ...units].join('\n')), ...cited].filter(Boolean).join(' '),
  };
}

export function indexDocument(db: Db, id: number, d: Indexable): void {
  const f = indexFields(d);
  statement(db, 'INSERT INTO doc_fts(rowid, title, headings, body, meta) VALUES (?,?,?,?,?)').run(id, f.title, f.headings, f.body, f.meta);
}

export function removeFromIndex(db: Db, id: number): void {
  statement(db, 'DELETE FROM doc_fts WHERE rowid = ?').run(id);
  // Postings cached in memory (postings.ts) only follow appends.
  bumpIndexEpoch(db);
}

/** Rebuild the whole index (after a migration, an analyzer change, or to adopt learned terms). */
export function reindexAll(db: Db): number {
  let n = 0;
  const activeTerms = (db.prepare('SELECT term FROM learned_terms WHERE freq >= 2 ORDER BY term').all() as { term: string }[]).map((r) => r.term);
  addDictionaryTerms(activeTerms);
  db.transaction(() => {
    db.exec('DELETE FROM doc_fts');
    // Batches by id: a live iterator would keep the connection busy during the inserts.
    const batch = db.prepare('SELECT id, json, text FROM documents WHERE is_current = 1 AND id > ? ORDER BY id LIMIT 500');
    for (let last = 0; ; ) {
      const rows = batch.all(last) as { id: number; json: string; text: string }[];
      if (!rows.length) break;
      for (const r of rows) indexDocument(db, r.id, { ...(JSON.parse(r.json) as Indexable), text: r.text });
      n += rows.length;
      last = rows[rows.length - 1]!.id;
    }
    db.prepare(`INSERT OR REPLACE INTO search_meta(key, value) VALUES ('analyzer_version', ?), ('needs_reindex', '0')`).run(ANALYZER_VERSION);
    db.prepare(`INSERT OR REPLACE INTO search_meta(key, value) VALUES ('active_terms', ?)`).run(JSON.stringify(activeTerms));
    bumpIndexEpoch(db);
  })();
  return n;
}

/**
 * Mark the index as changed other than by appending new documents (a
 * removal, a reindex, a restored version coming back under its old ids):
 * every process's postings cache (postings.ts) starts again.
 */
export function bumpIndexEpoch(db: Db): void {
  db.prepare(`INSERT INTO search_meta(key, value) VALUES ('index_epoch', '1')
    ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`).run();
}

export function indexEpoch(db: Db): string {
  return (statement(db, "SELECT value FROM search_meta WHERE key = 'index_epoch'").get() as { value: string } | undefined)?.value ?? '0';
}

/** Rebuild when the stored index was built by another analyzer or flagged by a migration. */
export function ensureIndexFresh(db: Db): boolean {
  const meta = new Map((db.prepare('SELECT key, value FROM search_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const count = (db.prepare('SELECT count(*) AS n FROM documents WHERE is_current = 1').get() as { n: number }).n;
  if (meta.get('needs_reindex') === '1' || (count > 0 && meta.get('analyzer_version') !== ANALYZER_VERSION)) {
    reindexAll(db);
    return true;
  }
  if (!meta.has('analyzer_version')) db.prepare(`INSERT OR REPLACE INTO search_meta(key, value) VALUES ('analyzer_version', ?)`).run(ANALYZER_VERSION);
  return false;
}

/** The analyzer's dictionary for this library: curated terms plus the learned terms its index was built with. */
export function loadLibraryDictionary(db: Db): void {
  const row = db.prepare("SELECT value FROM search_meta WHERE key = 'active_terms'").get() as { value: string } | undefined;
  addDictionaryTerms(row ? (JSON.parse(row.value) as string[]) : []);
}

/** Quoted short terms (`“煤改电”`) are the corpus's own vocabulary: count them for the next reindex. */
export function learnTerms(db: Db, text: string): void {
  const up = db.prepare('INSERT INTO learned_terms(term, freq) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET freq = freq + 1');
  for (const m of new Set([...text.matchAll(/[“"]([\p{Script=Han}]{2,8})[”"]/gu)].map((x) => x[1]!))) up.run(m);
}
