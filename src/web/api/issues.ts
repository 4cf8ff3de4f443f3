// /api/issues and /api/issues/:id: the gazette's issues, each with its table
// of contents linked to the library's documents.
import type { Hono } from 'hono';
import type { Env } from '../env.js';
import { getIssue, listIssues } from '../services/library.js';
import { presentIssue, presentIssueDetail } from './presenters.js';
import { idParams, paramsOf, validate } from './schemas.js';

export function registerIssues(app: Hono<Env>): void {
  app.get('/api/issues', (c) => {
    const items = listIssues(c.get('deps').db).map(presentIssue);
    return c.json({ total: items.length, items });
  });

  app.get('/api/issues/:id', (c) => {
    const { id } = validate(idParams, paramsOf(c));
    return c.json(presentIssueDetail(getIssue(c.get('deps').db, id, c.get('today'))));
  });
}
