// Run a search over the library: BM25 with field boosts, filters, facets,
// highlighted snippets, sorting and pagination. A 文号 in the query pins
// that document first; if the AND of all words finds nothing, the OR does.
import { chinaToday } from '../time.js';
import { issueGeneration, statement, type Db } from '../store/db.js';
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
  /** False when counting stopped at COUNT_LIMIT: there are at least `total` matches. */
  totalExact: boolean;
  /** Ranking and facets covered only `ranked` of the matches of a very broad query (see FULL_RANK_LIMIT). */
  approximate?: boolean;
  /** How many matches were ranked (pages beyond them are empty). */
  ranked: number;
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

export function unitNames(db: Db): string[] {
  return (statement(db, 'SELECT name AS n FROM units UNION SELECT alias FROM unit_aliases').all() as { n: string }[]).map((r) => r.n);
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

/** How far a search ranks and counts (FULL_RANK_LIMIT, COUNT_LIMIT); tests lower them. */
export interface SearchLimits {
  rank: number;
  count: number;
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
  let relaxed = false;
  let rows: MatchRow[] = [];
  let matched = 0;
  for (const [k, candidate] of parsed.candidates.entries()) {
    // One MATCH pass gives the rows; only a query with more matches than it ranks needs a count.
    rows = matchRows(db, candidate, where, params, limits.rank, req.sort === 'date' ? 'date' : 'ingest');
    if (rows.length) {
      matched = rows.length < limits.rank ? rows.length : countMatches(db, candidate, where, params, limits.count);
      relaxed = k > 0;
      break;
    }
  }
  const pinned = parsed.docNumbers.length
    ? (statement(db, `SELECT d.id ${BASE} WHERE d.doc_number IN (SELECT value FROM json_each(:nums)) AND ${where}`).all({ ...params, nums: JSON.stringify(parsed.docNumbers) }) as { id: number }[]).map((r) => r.id)
    : [];
  if (!rows.length && !pinned.length) return { query: req.q, total: 0, totalExact: true, page, pageSize, hits: [], facets: empty, suggestions: parsed.suggestions, relaxed, ranked: 0 };

  // A year typed into the query (`县水利局 2022年`) lifts that year's documents unless a year filter is set.
  const typedYear = req.year ? undefined : parsed.suggestions.find((s) => s.kind === 'year')?.value;
  const ranked = rank(rows, req.sort === 'date' ? 'date' : 'relevance', typedYear);
  const offset = (page - 1) * pageSize;
  const pinnedOnPage = page === 1 ? pinned : [];
  const rest = ranked.filter((r) => !pinnedOnPage.includes(r.id));
  const pageRows = page === 1 ? rest.slice(0, pageSize) : rest.slice(offset - pinned.length, offset - pinned.length + pageSize);
  const ordered = [...pinnedOnPage.map((id) => ({ id, score: -1000 })), ...pageRows].slice(0, pageSize);
  const hits = ordered.map((r) => hydrate(db, r.id, r.score, params.today as string, parsed.terms));
  const matchedIds = new Set(rows.map((r) => r.id));
  const extra = pinned.filter((id) => !matchedIds.has(id)).length;
  const totalExact = matched <= limits.count;
  const total = Math.min(matched, limits.count) + extra;
  const approximate = matched > rows.length;
  return { query: req.q, total, totalExact, page, pageSize, hits, facets: rows.length ? facets(db, rows) : empty, suggestions: parsed.suggestions, relaxed, approximate, ranked: rows.length + extra };
}

/** One row per matching document: what ranking and facets need, from a single FTS5 MATCH. */
interface MatchRow {
  id: number;
  score: number;
  date: string | null;
  year: string | null;
  issuer: string | null;
  category: string | null;
  status: string;
}

/**
 * Above this many matches, ranking and facets use FULL_RANK_LIMIT matches
 * only, the latest ingested or, sorted by date, the latest signed (and say
 * so: `approximate`): bm25 costs about 6 µs per row for a multi-word query,
 * so scoring every match of a query that hits most of a 100k library costs
 * half a second. A gazette's newer documents are the likelier answer.
 */
const FULL_RANK_LIMIT = 300;

/**
 * Counting stops here (`totalExact: false`): counting every match of a query
 * that hits most of a large library costs as much as the search itself, and
 * nobody pages through ten thousand results.
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
 * At most rankLimit matches (all of them when fewer) with what ranking and facets need: the
 * latest ingested (rowid order, which FTS5 walks without sorting), or for a date sort the latest
 * by signing date. Those are found by walking the date index down and keeping the rows that
 * match, so a broad query stops after rankLimit rows instead of sorting every match; they are
 * not scored (score 0): bm25 for chosen rows would cost a pass over every match again.
 */
function matchRows(db: Db, m: string, where: string, params: Record<string, unknown>, rankLimit: number, window: 'ingest' | 'date'): MatchRow[] {
  const latest = scoredRows(db, m, where, params, ` ORDER BY doc_fts.rowid DESC LIMIT ${rankLimit}`);
  if (window === 'ingest' || latest.length < rankLimit) return latest;
  const raw = statement(db, `SELECT d.id, 0, d.date, ${YEAR_SQL}, d.issuer, d.category, ${STATUS_SQL}
    FROM documents d INDEXED BY documents_date JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id
    WHERE d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH :m) AND ${where} ORDER BY d.date DESC, d.id DESC LIMIT ${rankLimit}`).raw().all({ ...params, m }) as RawRow[];
  return raw.map(toMatchRow);
}

type RawRow = [number, number, string | null, string | null, string | null, string | null, string];
const toMatchRow = ([id, score, date, year, issuer, category, status]: RawRow): MatchRow => ({ id, score, date, year, issuer, category, status });

function scoredRows(db: Db, m: string, where: string, params: Record<string, unknown>, tail: string): MatchRow[] {
  // One pass gives ranking and four facets; bm25 is computed only for the rows it returns.
  const raw = statement(db, `SELECT d.id, bm25(doc_fts, ${WEIGHTS}), d.date, ${YEAR_SQL}, d.issuer, d.category, ${STATUS_SQL}
    FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id
    WHERE doc_fts MATCH :m AND ${where}${tail}`).raw().all({ ...params, m }) as RawRow[];
  return raw.map(toMatchRow);
}

function rank(rows: MatchRow[], sort: 'relevance' | 'date', typedYear: string | undefined): MatchRow[] {
  const byDate = (a: MatchRow, b: MatchRow) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id;
  if (sort === 'date') return [...rows].sort(byDate);
  const lift = (r: MatchRow) => (typedYear && r.year === typedYear ? 0 : 1);
  return [...rows].sort((a, b) => lift(a) - lift(b) || a.score - b.score || byDate(a, b));
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

/** Facets over the matches that were ranked; the unit facet from each document's distinct units (document_units). */
function facets(db: Db, rows: MatchRow[]): SearchResult['facets'] {
  const group = (key: (r: MatchRow) => string | null): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const v = key(r);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 20);
  };
  const unit = statement(db, `SELECT unit_id AS value, count(*) AS count FROM document_units
      WHERE doc_id IN (SELECT value FROM json_each(:ids)) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`).all({ ids: JSON.stringify(rows.map((r) => r.id)) }) as FacetValue[];
  return { year: group((r) => r.year), issuer: group((r) => r.issuer), category: group((r) => r.category), status: group((r) => r.status), unit };
}
