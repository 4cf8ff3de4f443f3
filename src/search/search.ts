// Run a search over the library: BM25 with field boosts over every match,
// filters, facets, highlighted snippets, sorting and pagination. A 文号 in
// the query pins that document first; if the AND of all words finds
// nothing, the OR does.
import { chinaToday } from '../time.js';
import { issueGeneration, statement, type Db } from '../store/db.js';
import { parseQuery, type ParsedQuery, type Suggestion } from './query.js';
import { buildSnippet } from './snippet.js';
import { STATUS_SQL, type ValidityStatus } from '../store/status.js';
import { best, ftsStats, rankAll, within, yearsOf, type Ranked } from './postings.js';

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
  /** False when counting stopped at COUNT_LIMIT: there are at least `total` matches. */
  totalExact: boolean;
  /** Kept for API stability: always false now that every match is ranked (issue #15). */
  approximate?: boolean;
  /** How many matches were ranked: every match, sorted by relevance. */
  ranked: number;
  /** False when the facet counts are estimated from a sample of the matches (more than FACET_LIMIT). */
  facetsExact: boolean;
}

/** Field weights for bm25(): title, headings, body, meta. */
const WEIGHTS = '10.0, 4.0, 1.0, 6.0';

const UNFILTERED = 'd.is_current = 1';
/** A document's year: its signing date's, else its issue's. */
export const YEAR_SQL = 'coalesce(substr(d.date, 1, 4), CAST(i.year AS TEXT))';

export function filterSql(f: SearchFilters, params: Record<string, unknown>): string {
  const where = [UNFILTERED];
  if (f.year) (where.push(`${YEAR_SQL} = :year`), (params.year = String(f.year)));
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

const unitNameCache = new WeakMap<Db, { generation: string; names: string[] }>();

/** Every unit name and alias the library knows (read again only when the library changes). */
export function unitNames(db: Db): string[] {
  const generation = generationOf(db);
  let c = unitNameCache.get(db);
  if (c?.generation !== generation) {
    const names = (statement(db, 'SELECT name AS n FROM units UNION SELECT alias FROM unit_aliases').all() as { n: string }[]).map((r) => r.n);
    unitNameCache.set(db, (c = { generation, names }));
  }
  return c.names;
}

/**
 * Recent results per library, keyed by the request and the library's issue
 * generation (any ingest changes it): portals see the same popular queries
 * over and over, and a repeated query should not rescore the index.
 */
const RESULT_CACHE_SIZE = 500;
const resultCache = new WeakMap<Db, { generation: string; entries: Map<string, SearchResult> }>();

function generationOf(db: Db): string {
  // Unit reviews change unit facets and filters without an ingest.
  const r = statement(db, 'SELECT count(*) AS n FROM unit_reviews').get() as { n: number };
  return `${issueGeneration(db)}:${r.n}`;
}

/** `GONGBAO_SEARCH_CACHE=0` turns the result cache off: what a cold-cache load benchmark runs. */
const CACHE_ENABLED = process.env.GONGBAO_SEARCH_CACHE !== '0';

export function search(db: Db, req: SearchRequest, parsed?: ParsedQuery): SearchResult {
  if (!CACHE_ENABLED) return runSearch(db, req, parsed ?? parseQuery(req.q, unitNames(db)));
  const key = JSON.stringify({ ...req, today: req.today ?? chinaToday() });
  const generation = generationOf(db);
  let cache = resultCache.get(db);
  if (!cache || cache.generation !== generation) resultCache.set(db, (cache = { generation, entries: new Map() }));
  const hit = cache.entries.get(key);
  if (hit) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit;
  }
  const result = runSearch(db, req, parsed ?? parseQuery(req.q, unitNames(db)));
  cache.entries.set(key, result);
  if (cache.entries.size > RESULT_CACHE_SIZE) cache.entries.delete(cache.entries.keys().next().value!);
  return result;
}

/**
 * How a search ranks and counts: up to `rank` matches are scored by FTS5,
 * more by the postings kept in memory (postings.ts); counting through FTS5
 * stops at `count`.
 */
export interface SearchLimits {
  rank: number;
  count: number;
  /** Facets exact up to this many matches (FACET_LIMIT). */
  facets?: number;
}

/** The search without the result cache: what benchmarks time. */
export function searchUncached(db: Db, req: SearchRequest, limits?: SearchLimits): SearchResult {
  return runSearch(db, req, parseQuery(req.q, unitNames(db)), limits);
}

function runSearch(db: Db, req: SearchRequest, parsed: ParsedQuery, limits: SearchLimits = { rank: FULL_RANK_LIMIT, count: COUNT_LIMIT }): SearchResult {
  const pageSize = Math.min(Math.max(req.pageSize ?? 10, 1), 100);
  const page = Math.max(req.page ?? 1, 1);
  const params: Record<string, unknown> = { today: req.today ?? chinaToday() };
  const where = filterSql(req, params);
  const empty = { year: [], issuer: [], category: [], status: [], unit: [] };
  const pinned = parsed.docNumbers.length
    ? (statement(db, `SELECT d.id ${BASE} WHERE d.doc_number IN (SELECT value FROM json_each(:nums)) AND ${where}`).all({ ...params, nums: JSON.stringify(parsed.docNumbers) }) as { id: number }[]).map((r) => r.id)
    : [];
  // A year typed into the query (`县水利局 2022年`) lifts that year's documents unless a year filter is set.
  const typedYear = req.year ? undefined : parsed.suggestions.find((s) => s.kind === 'year')?.value;
  const need = page * pageSize + pinned.length;
  let relaxed = false;
  let match: string | null = null;
  let matched = 0;
  // Without filters, counting past the ranking threshold is left to the ranking, which counts every match.
  const countTo = where === UNFILTERED ? limits.rank : limits.count;
  for (const [k, candidate] of parsed.candidates.entries()) {
    matched = countMatches(db, candidate, where, params, countTo);
    if (matched) {
      match = candidate;
      relaxed = k > 0;
      break;
    }
  }
  if (!match && !pinned.length) return { query: req.q, total: 0, totalExact: true, page, pageSize, hits: [], facets: empty, facetsExact: true, suggestions: parsed.suggestions, relaxed, ranked: 0 };

  // Both orders are exact over every match: by date, the date index walked down; by relevance, topRows.
  const top = match && req.sort !== 'date' ? topRows(db, match, where, params, matched, need, typedYear, limits) : null;
  const ordered = !match ? [] : top ? top.rows : dateRows(db, match, where, params, need);
  // Without filters the in-memory ranking holds every match: the count is exact and facets sample it.
  const all = top?.ranked && where === UNFILTERED ? top.ranked.ids : null;
  if (all) matched = all.length;
  else if (match && matched > countTo && countTo < limits.count) matched = countMatches(db, match, where, params, limits.count);
  const offset = (page - 1) * pageSize;
  const pinnedOnPage = page === 1 ? pinned : [];
  const rest = ordered.filter((r) => !pinnedOnPage.includes(r.id));
  const pageRows = page === 1 ? rest.slice(0, pageSize) : rest.slice(offset - pinned.length, offset - pinned.length + pageSize);
  const hits = [...pinnedOnPage.map((id) => ({ id, score: -1000 })), ...pageRows].slice(0, pageSize).map((r) => hydrate(db, r.id, r.score, params.today as string, parsed.terms));
  // Pinned 文号 documents that do not match the words add to the total (none pinned: nothing to look up).
  const extra = match && pinned.length ? (statement(db, `SELECT count(*) AS n FROM json_each(:ids) WHERE value NOT IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH :m)`).get({ ids: JSON.stringify(pinned), m: match }) as { n: number }).n : pinned.length;
  const totalExact = all !== null || matched <= limits.count;
  const total = (all ? matched : Math.min(matched, limits.count)) + extra;
  const cap = limits.facets ?? FACET_LIMIT;
  const f = !match ? { facets: empty, exact: true } : all ? facetsOfIds(db, all, params, cap) : facetsOver(db, match, where, params, matched, cap);
  return { query: req.q, total, totalExact, page, pageSize, hits, facets: f.facets, facetsExact: f.exact, suggestions: parsed.suggestions, relaxed, approximate: false, ranked: total };
}

/**
 * The best `need` matches by bm25 (a typed year's documents first), exactly,
 * over every match: FTS5 scores them when there are at most `limits.rank`;
 * beyond, the postings kept in memory do (postings.ts), and a filter is
 * checked document by document in score order. Also returns that ranking.
 */
function topRows(db: Db, m: string, where: string, params: Record<string, unknown>, matched: number, need: number, typedYear: string | undefined, limits: SearchLimits): { rows: { id: number; score: number }[]; ranked: Ranked | null } {
  const ranked = matched > limits.rank ? rankAll(db, m, WEIGHTS) : null;
  const keepWhere = (w: string, p: Record<string, unknown>) => {
    if (w === UNFILTERED) return undefined;
    const some = statement(db, `SELECT d.id FROM documents d JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id
      WHERE d.id IN (SELECT value FROM json_each(:ids)) AND ${w}`);
    return (ids: number[]) => new Set((some.all({ ...p, ids: JSON.stringify(ids) }) as { id: number }[]).map((r) => r.id));
  };
  const bestOf = (w: string, p: Record<string, unknown>): { id: number; score: number }[] =>
    ranked ? best(ranked, need, keepWhere(w, p)) : scoredRows(db, m, w, p).sort((a, b) => a.score - b.score || b.id - a.id).slice(0, need);
  if (!typedYear) return { rows: bestOf(where, params), ranked };
  if (ranked && where === UNFILTERED) {
    // Without other filters the year of every match is known in memory: no SQL per candidate.
    const years = yearsOf(db, YEAR_SQL);
    const y = Number(typedYear);
    const lifted = best(within(ranked, (id) => years[id] === y), need);
    if (lifted.length >= need) return { rows: lifted, ranked };
    // Then every other match, documents without a year included.
    return { rows: [...lifted, ...best(within(ranked, (id) => years[id] !== y), need)].slice(0, need), ranked };
  }
  const lifted = bestOf(`${where} AND ${YEAR_SQL} = :typedYear`, { ...params, typedYear });
  if (lifted.length >= need) return { rows: lifted, ranked };
  // `IS NOT`: a document without a year is among the others, not lost.
  return { rows: [...lifted, ...bestOf(`${where} AND ${YEAR_SQL} IS NOT :typedYear`, { ...params, typedYear })].slice(0, need), ranked };
}

/**
 * Up to this many matches FTS5 scores them itself (its bm25 costs 2–30 µs a
 * match, more with more phrases); above, the postings kept in memory rank
 * every match (postings.ts), which costs a first read of each phrase.
 */
const FULL_RANK_LIMIT = 300;

/**
 * Counting through FTS5 (filtered searches) stops here (`totalExact: false`):
 * counting every match of a query that hits most of a large library costs as
 * much as the search itself. Without filters the in-memory ranking counts
 * every match exactly.
 */
export const COUNT_LIMIT = 10_000;

/** The number of matches, counted up to countLimit + 1. */
function countMatches(db: Db, m: string, where: string, params: Record<string, unknown>, countLimit: number): number {
  // The index holds current documents only, so without filters it can count alone (no join per match).
  const limit = `LIMIT ${countLimit + 1}`;
  if (where === UNFILTERED) return (statement(db, `SELECT count(*) AS n FROM (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ? ${limit})`).get(m) as { n: number }).n;
  return (statement(db, `SELECT count(*) AS n FROM (SELECT d.id ${BASE} WHERE d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH :m) AND ${where} ${limit})`).get({ ...params, m }) as { n: number }).n;
}

/**
 * The latest `limit` matches by signing date, found by walking the date index
 * down and keeping the rows that match (a broad query stops after `limit`
 * rows instead of sorting every match); not scored (score 0).
 */
function dateRows(db: Db, m: string, where: string, params: Record<string, unknown>, limit: number): { id: number; score: number }[] {
  return statement(db, `SELECT d.id, 0 AS score FROM documents d INDEXED BY documents_date JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id
    WHERE d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH :m) AND ${where} ORDER BY d.date DESC, d.id DESC LIMIT ${limit}`).all({ ...params, m }) as { id: number; score: number }[];
}

/** Every match under the filter (or the given candidates), scored by bm25. */
function scoredRows(db: Db, m: string, where: string, params: Record<string, unknown>): { id: number; score: number }[] {
  // The index holds current documents only: without filters, no join per match.
  if (where === UNFILTERED) return statement(db, `SELECT rowid AS id, bm25(doc_fts, ${WEIGHTS}) AS score FROM doc_fts WHERE doc_fts MATCH :m`).all({ m }) as { id: number; score: number }[];
  return statement(db, `SELECT d.id, bm25(doc_fts, ${WEIGHTS}) AS score
    FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id
    WHERE doc_fts MATCH :m AND ${where}`).all({ ...params, m }) as { id: number; score: number }[];
}

function hydrate(db: Db, id: number, score: number, today: string, terms: string[]): SearchHit {
  const d = statement(db, `SELECT d.id, d.doc_number, d.title, d.issuer, d.date, d.category, d.text, ${STATUS_SQL} AS status ${BASE} WHERE d.id = :id`).get({ id, today }) as {
    id: number; doc_number: string | null; title: string; issuer: string | null; date: string | null; category: string | null; text: string; status: ValidityStatus;
  };
  return {
    id: d.id, docNumber: d.doc_number, title: d.title, issuer: d.issuer, date: d.date, category: d.category, status: d.status,
    score: Math.round(-score * 1000) / 1000, snippet: buildSnippet(d.text, terms), url: `/documents/${d.id}`,
  };
}

/** Facets are counted over every match up to this many; beyond, over a sample of about this many, scaled and labelled. */
export const FACET_LIMIT = 500;
/** The sample's windows of document ids, spread over the library. */
const FACET_WINDOWS = 16;

/**
 * Facets over every match (exact) when there are at most `cap`; else
 * estimated from the matches in FACET_WINDOWS windows of document ids spread
 * evenly over the library (ids run through the years, so the windows do
 * too), holding about `cap` matches; counts scaled by the share of ids the
 * windows cover. FTS5 reads a window of ids without walking every match.
 */
type FacetRow = { id: number; year: string | null; issuer: string | null; category: string | null; status: string };
const FACET_COLUMNS = `d.id, ${YEAR_SQL} AS year, d.issuer, d.category, ${STATUS_SQL} AS status`;

function facetsOver(db: Db, m: string, where: string, params: Record<string, unknown>, matched: number, cap: number): { facets: SearchResult['facets']; exact: boolean } {
  const cols = `SELECT ${FACET_COLUMNS}
    FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id
    WHERE doc_fts MATCH :m AND ${where}`;
  if (matched <= cap) return { facets: groupFacets(db, statement(db, cols).all({ ...params, m }) as FacetRow[], 1), exact: true };
  const span = { lo: 1, hi: ftsStats(db).maxId };
  const share = cap / matched;
  const stride = (span.hi - span.lo + 1) / FACET_WINDOWS;
  const width = Math.max(1, Math.floor(stride * share));
  const windowed = statement(db, `${cols} AND doc_fts.rowid BETWEEN :a AND :b`);
  const rows: FacetRow[] = [];
  for (let w = 0; w < FACET_WINDOWS; w++) {
    const a = Math.floor(span.lo + w * stride);
    rows.push(...(windowed.all({ ...params, m, a, b: a + width - 1 }) as FacetRow[]));
  }
  return { facets: groupFacets(db, rows, (span.hi - span.lo + 1) / (width * FACET_WINDOWS)), exact: false };
}

/**
 * Facets of every match (ids from the in-memory ranking): all of them up to
 * `cap`, else every step-th of them, half `cap` in all, scaled (labelled as
 * estimates either way; half the sample halves their cost, about 5 ms at 100k).
 */
function facetsOfIds(db: Db, ids: Int32Array, params: Record<string, unknown>, cap: number): { facets: SearchResult['facets']; exact: boolean } {
  const step = ids.length > cap ? ids.length / Math.ceil(cap / 2) : 1;
  const sample: number[] = [];
  for (let x = 0; x < ids.length; x += step) sample.push(ids[Math.floor(x)]!);
  const rows = statement(db, `SELECT ${FACET_COLUMNS} FROM documents d JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id
    WHERE d.id IN (SELECT value FROM json_each(:ids))`).all({ ...params, ids: JSON.stringify(sample) }) as FacetRow[];
  return { facets: groupFacets(db, rows, ids.length / sample.length), exact: step === 1 };
}

/** Counts per value, scaled from a sample by `scale` (1 when every match was read). */
function groupFacets(db: Db, rows: FacetRow[], scale: number): SearchResult['facets'] {
  const group = (key: (r: FacetRow) => string | null): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const v = key(r);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].map(([value, count]) => ({ value, count: Math.round(count * scale) })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 20);
  };
  const unit = (statement(db, `SELECT unit_id AS value, count(*) AS count FROM document_units
      WHERE doc_id IN (SELECT value FROM json_each(:ids)) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`).all({ ids: JSON.stringify(rows.map((r) => r.id)) }) as FacetValue[])
    .map((u) => ({ ...u, count: Math.round(u.count * scale) }));
  return { year: group((r) => r.year), issuer: group((r) => r.issuer), category: group((r) => r.category), status: group((r) => r.status), unit };
}
