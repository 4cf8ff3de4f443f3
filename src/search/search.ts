// Run a search over the library: BM25 with field boosts, filters, facets,
// highlighted snippets, sorting and pagination. A 文号 in the query pins
// that document first; if the AND of all words finds nothing, the OR does.
import type { Db } from '../store/db.js';
import { parseQuery, type ParsedQuery, type Suggestion } from './query.js';
import { buildSnippet } from './snippet.js';
import { STATUS_SQL, type ValidityStatus } from '../store/status.js';

export interface SearchFilters {
  year?: number;
  issue?: number;
  issuer?: string;
  category?: string;
  unit?: string;
  status?: ValidityStatus;
  from?: string;
  to?: string;
}

export interface SearchRequest extends SearchFilters {
  q: string;
  sort?: 'relevance' | 'date';
  page?: number;
  pageSize?: number;
  /** ISO day the validity status is computed for (default: today). */
  today?: string;
}

export interface SearchHit {
  id: number;
  docNumber: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  category: string | null;
  status: ValidityStatus;
  score: number;
  snippet: string;
  url: string;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  query: string;
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: Record<'year' | 'issuer' | 'category' | 'status' | 'unit', FacetValue[]>;
  suggestions: Suggestion[];
  /** The words matched only in part (the OR fallback ran). */
  relaxed: boolean;
}

/** Field weights for bm25(): title, headings, body, meta. */
const WEIGHTS = '10.0, 4.0, 1.0, 6.0';

export function filterSql(f: SearchFilters, params: Record<string, unknown>): string {
  const where = ['d.is_current = 1'];
  if (f.year) (where.push(`coalesce(substr(d.date, 1, 4), CAST(i.year AS TEXT)) = :year`), (params.year = String(f.year)));
  if (f.issue) (where.push('d.issue_id = :issue'), (params.issue = f.issue));
  if (f.issuer) (where.push('d.issuer = :issuer'), (params.issuer = f.issuer));
  if (f.category) (where.push('d.category = :category'), (params.category = f.category));
  if (f.from) (where.push('d.date >= :from'), (params.from = f.from));
  if (f.to) (where.push('d.date <= :to'), (params.to = f.to));
  if (f.status) (where.push(`${STATUS_SQL} = :status`), (params.status = f.status));
  if (f.unit) {
    where.push(`d.id IN (SELECT r.doc_id FROM responsibilities r JOIN responsibility_units ru ON ru.responsibility_id = r.id
      WHERE ru.unit_id = :unit OR ru.unit_id IN (SELECT unit_id FROM unit_aliases WHERE alias = :unit))`);
    params.unit = f.unit;
  }
  return where.join(' AND ');
}

const BASE = `FROM documents d JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id`;

export function unitNames(db: Db): string[] {
  return (db.prepare('SELECT name AS n FROM units UNION SELECT alias FROM unit_aliases').all() as { n: string }[]).map((r) => r.n);
}

export function search(db: Db, req: SearchRequest, parsed: ParsedQuery = parseQuery(req.q, unitNames(db))): SearchResult {
  const pageSize = Math.min(Math.max(req.pageSize ?? 10, 1), 100);
  const page = Math.max(req.page ?? 1, 1);
  const params: Record<string, unknown> = { today: req.today ?? new Date().toISOString().slice(0, 10) };
  const where = filterSql(req, params);
  const empty = { year: [], issuer: [], category: [], status: [], unit: [] };
  let relaxed = false;
  let match: string | null = null;
  let total = 0;
  const count = (m: string) =>
    (db.prepare(`SELECT count(*) AS n ${BASE} WHERE d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH :m) AND ${where}`).get({ ...params, m }) as { n: number }).n;
  for (const [k, candidate] of parsed.candidates.entries()) {
    match = candidate;
    total = count(candidate);
    if (total > 0) {
      relaxed = k > 0;
      break;
    }
  }
  const pinned = parsed.docNumbers.length
    ? (db.prepare(`SELECT d.id ${BASE} WHERE d.doc_number IN (SELECT value FROM json_each(:nums)) AND ${where}`).all({ ...params, nums: JSON.stringify(parsed.docNumbers) }) as { id: number }[]).map((r) => r.id)
    : [];
  if (!match && !pinned.length) return { query: req.q, total: 0, page, pageSize, hits: [], facets: empty, suggestions: parsed.suggestions, relaxed };

  // A year typed into the query (`县水利局 2022年`) lifts that year's documents unless a year filter is set.
  const typedYear = req.year ? undefined : parsed.suggestions.find((s) => s.kind === 'year')?.value;
  if (typedYear) params.qyear = typedYear;
  const yearFirst = typedYear ? '(coalesce(substr(d.date, 1, 4), CAST(i.year AS TEXT)) = :qyear) DESC, ' : '';
  const order = req.sort === 'date' ? 'd.date DESC, d.id DESC' : `${yearFirst}score ASC, d.date DESC`;
  const idsSql = match
    ? `SELECT d.id, bm25(doc_fts, ${WEIGHTS}) AS score FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid JOIN issues i ON i.id = d.issue_id
       LEFT JOIN validity v ON v.doc_id = d.id WHERE doc_fts MATCH :m AND ${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`
    : null;
  const offset = (page - 1) * pageSize;
  const pinnedOnPage = page === 1 ? pinned : [];
  const rows = idsSql
    ? (db.prepare(idsSql).all({ ...params, m: match, limit: pageSize + pinnedOnPage.length, offset: page === 1 ? 0 : offset }) as { id: number; score: number }[])
    : [];
  const ordered = [...pinnedOnPage.map((id) => ({ id, score: -1000 })), ...rows.filter((r) => !pinnedOnPage.includes(r.id))].slice(0, pageSize);
  const hits = ordered.map((r) => hydrate(db, r.id, r.score, params.today as string, parsed.terms));
  const totalAll = total + pinned.filter((id) => !match || !isMatch(db, id, match)).length;
  return { query: req.q, total: totalAll, page, pageSize, hits, facets: match ? facets(db, match, where, params) : empty, suggestions: parsed.suggestions, relaxed };
}

function isMatch(db: Db, id: number, m: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM doc_fts WHERE doc_fts MATCH ? AND rowid = ?').get(m, id));
}

function hydrate(db: Db, id: number, score: number, today: string, terms: string[]): SearchHit {
  const d = db.prepare(`SELECT d.id, d.doc_number, d.title, d.issuer, d.date, d.category, d.text, ${STATUS_SQL} AS status ${BASE} WHERE d.id = :id`).get({ id, today }) as {
    id: number; doc_number: string | null; title: string; issuer: string | null; date: string | null; category: string | null; text: string; status: ValidityStatus;
  };
  return {
    id: d.id, docNumber: d.doc_number, title: d.title, issuer: d.issuer, date: d.date, category: d.category, status: d.status,
    score: Math.round(-score * 1000) / 1000, snippet: buildSnippet(d.text, terms), url: `/documents/${d.id}`,
  };
}

function facets(db: Db, match: string, where: string, params: Record<string, unknown>): SearchResult['facets'] {
  const p = { ...params, m: match };
  const matched = `d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH :m) AND ${where}`;
  const group = (expr: string) =>
    (db.prepare(`SELECT ${expr} AS value, count(*) AS count ${BASE} WHERE ${matched} AND ${expr} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`).all(p) as FacetValue[]).map(
      (r) => ({ value: String(r.value), count: r.count }),
    );
  const unit = db.prepare(`SELECT ru.unit_id AS value, count(DISTINCT d.id) AS count ${BASE}
      JOIN responsibilities r ON r.doc_id = d.id JOIN responsibility_units ru ON ru.responsibility_id = r.id
      WHERE ${matched} AND ru.role <> 'inherited' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`).all(p) as FacetValue[];
  return {
    year: group('coalesce(substr(d.date, 1, 4), CAST(i.year AS TEXT))'),
    issuer: group('d.issuer'),
    category: group('d.category'),
    status: group(STATUS_SQL),
    unit,
  };
}
