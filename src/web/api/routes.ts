// The JSON API under /api, plus feeds, sitemap and robots.txt. Routes are
// thin: validate (zod, schemas.ts) → service → presenter. Every successful
// GET here gets a weak ETag and a short max-age (cache.ts).
import type { Hono } from 'hono';
import type { Env } from '../env.js';
import { httpCache } from './cache.js';
import { registerDocuments } from './documents.js';
import { registerFeeds } from './feeds.js';
import { registerIssues } from './issues.js';
import { registerMeta } from './meta.js';
import { registerSearch } from './search.js';
import { registerUnits } from './units.js';

export { openApiDocument, registerEndpoint, type EndpointSpec } from './openapi.js';

export function registerApi(app: Hono<Env>): void {
  for (const path of ['/api/*', '/feeds/*', '/sitemap.xml', '/robots.txt']) app.use(path, httpCache);
  app.get('/api', (c) => c.json({ name: '公报通 API', openapi: '/api/openapi.json' }));
  registerIssues(app);
  registerDocuments(app);
  registerSearch(app);
  registerUnits(app);
  registerMeta(app);
  registerFeeds(app);
}
