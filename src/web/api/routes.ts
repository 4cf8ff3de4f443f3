// JSON API under /api (placeholder: filled in by the API module).
import type { Hono } from 'hono';
import type { Env } from '../app.js';

export function registerApi(app: Hono<Env>): void {
  app.get('/api', (c) => c.json({ name: '公报通 API' }));
}
