// /api/stats, /api/changes (incremental sync by opaque cursor, no deep
// paging) and /api/openapi.json.
import type { Hono } from 'hono';
import type { Env } from '../env.js';
import { changes, stats } from '../services/insights.js';
import { openApiDocument } from './openapi.js';
import { changesQuery, queryOf, validate } from './schemas.js';

export function registerMeta(app: Hono<Env>): void {
  app.get('/api/stats', (c) => c.json(stats(c.get('deps').db, c.get('today'))));

  app.get('/api/changes', (c) => {
    const q = validate(changesQuery, queryOf(c));
    return c.json(changes(c.get('deps').db, q.since, q.limit));
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
}
