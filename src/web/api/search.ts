// /api/search (the CLI's `search --json` object) and /api/search.csv (every
// hit of a search, up to EXPORT_LIMIT rows).
import type { Hono } from 'hono';
import type { Env } from '../env.js';
import { COUNT_LIMIT, searchUncached, type SearchHit, type SearchRequest } from '../../search/search.js';
import { chinaToday } from '../../time.js';
import { browseDocuments, findDocuments, hasFilters } from '../services/browse.js';
import type { Db } from '../../store/db.js';
import { csvResponse } from './csv.js';
import { DOCUMENT_CSV_HEADER } from './documents.js';
import { presentSearch } from './presenters.js';
import { queryOf, searchExportQuery, searchQuery, validate } from './schemas.js';

export const EXPORT_LIMIT = 1000;

/** Every hit of a search, page by page, capped at `limit`: the export ranks `limit` matches, not a page's window. */
export function allHits(db: Db, req: SearchRequest, limit = EXPORT_LIMIT): SearchHit[] {
  if (!req.q.trim() && hasFilters(req)) return browseDocuments(db, { ...req, page: 1, pageSize: limit, today: req.today ?? chinaToday() }).hits;
  const hits: SearchHit[] = [];
  for (let page = 1; hits.length < limit; page++) {
    const r = searchUncached(db, { ...req, page, pageSize: 100 }, { rank: limit, count: COUNT_LIMIT });
    hits.push(...r.hits);
    if (r.hits.length < 100 || hits.length >= r.total) break;
  }
  return hits.slice(0, limit);
}

export function registerSearch(app: Hono<Env>): void {
  app.get('/api/search', (c) => {
    const req = validate(searchQuery, queryOf(c));
    return c.json(presentSearch(findDocuments(c.get('deps').db, { ...req, today: c.get('today') })));
  });

  app.get('/api/search.csv', (c) => {
    const req = validate(searchExportQuery, queryOf(c));
    const hits = allHits(c.get('deps').db, { ...req, today: c.get('today') });
    const rows = hits.map((h) => [h.docNumber, h.title, h.issuer, h.date, h.category, h.status, h.url]);
    return csvResponse(c, `公报通-检索-${req.q.replace(/[\\/:*?"<>|\s\x00-\x1f]+/g, '_').slice(0, 30) || '全部'}.csv`, 'search.csv', [...DOCUMENT_CSV_HEADER, '公文地址'], rows);
  });
}
