// Browsing without a query: the portal's "by year / by category / by status"
// links are searches with filters and no words. search() needs words to
// match, so this lists the filtered documents (newest first) with the same
// result shape, facets included. Also the value lists for the filter form.
import { issueGeneration, type Db } from '../../store/db.js';
import { STATUS_SQL } from '../../store/status.js';
import { filterSql, search, YEAR_SQL, type FacetValue, type SearchFilters, type SearchRequest, type SearchResult } from '../../search/search.js';
import { buildSnippet } from '../../search/snippet.js';
import { UNIT_TASK } from './insights.js';

/** The filters a search can have besides its words. */
export const FILTER_KEYS = ['year', 'issue', 'issuer', 'category', 'unit', 'status', 'from', 'to'] as const;
export const hasFilters = (req: SearchFilters): boolean => FILTER_KEYS.some((k) => (req as Record<string, unknown>)[k] !== undefined);

/**
 * One answer for the page and the API: words search; filters without words
 * browse the filtered documents; nothing at all finds nothing.
 */
export function findDocuments(db: Db, req: SearchRequest & { page: number; pageSize: number; today: string }): SearchResult {
  return !req.q.trim() && hasFilters(req) ? browseDocuments(db, req) : search(db, req);
}

const BASE = 'FROM documents d JOIN issues i ON i.id = d.issue_id LEFT JOIN validity v ON v.doc_id = d.id';

export function browseDocuments(db: Db, req: SearchFilters & { page: number; pageSize: number; today: string }): SearchResult {
  const params: Record<string, unknown> = { today: req.today };
  const where = filterSql(req, params);
  const total = (db.prepare(`SELECT count(*) AS n ${BASE} WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT d.id, d.doc_number AS docNumber, d.title, d.issuer, d.date, d.category, d.text, ${STATUS_SQL} AS status
    ${BASE} WHERE ${where} ORDER BY d.date DESC, d.id DESC LIMIT :limit OFFSET :offset`)
    .all({ ...params, limit: req.pageSize, offset: (req.page - 1) * req.pageSize }) as (Omit<SearchResult['hits'][number], 'score' | 'snippet' | 'url'> & { text: string })[];
  const hits = rows.map(({ text, ...r }) => ({ ...r, score: 0, snippet: buildSnippet(text, []), url: `/documents/${r.id}` }));
  const group = (expr: string): FacetValue[] =>
    (db.prepare(`SELECT ${expr} AS value, count(*) AS count ${BASE} WHERE ${where} AND ${expr} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`).all(params) as FacetValue[])
      .map((r) => ({ value: String(r.value), count: r.count }));
  const unit = db.prepare(`SELECT ru.unit_id AS value, count(DISTINCT d.id) AS count ${BASE}
      JOIN responsibilities r ON r.doc_id = d.id JOIN responsibility_units ru ON ru.responsibility_id = r.id
      WHERE ${where} AND ${UNIT_TASK} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`).all(params) as FacetValue[];
  return {
    query: '', total, totalExact: true, facetsExact: true, ranked: total, page: req.page, pageSize: req.pageSize, hits, suggestions: [], relaxed: false,
    facets: { year: group(YEAR_SQL), issuer: group('d.issuer'), category: group('d.category'), status: group(STATUS_SQL), unit },
  };
}

export interface FilterChoices {
  years: string[];
  issuers: string[];
  categories: string[];
}

/** Filter choices change only when an issue is ingested: cached per library and issue generation. */
const choiceCache = new WeakMap<Db, { key: string; value: FilterChoices }>();

/** The values the filter form offers, from what the library holds. */
export function filterChoices(db: Db): FilterChoices {
  const key = issueGeneration(db);
  const hit = choiceCache.get(db);
  if (hit && hit.key === key) return hit.value;
  const value = computeFilterChoices(db);
  choiceCache.set(db, { key, value });
  return value;
}

function computeFilterChoices(db: Db): FilterChoices {
  const list = (expr: string, order: string) =>
    (db.prepare(`SELECT DISTINCT ${expr} AS v ${BASE} WHERE d.is_current = 1 AND ${expr} IS NOT NULL ORDER BY 1 ${order}`).all() as { v: string | number }[]).map((r) => String(r.v));
  return { years: [...new Set(list(YEAR_SQL, 'DESC'))], issuers: list('d.issuer', 'ASC'), categories: list('d.category', 'ASC') };
}
