// The HTTP application: one Hono app serving the portal pages, the JSON API,
// feeds and static assets. Errors are translated to responses in one place
// (GongbaoError → status; anything else → 500 without details), every
// response carries a strict Content-Security-Policy, and each request is
// logged as one JSON line.
import { chinaDay } from '../time.js';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Hono, type Context } from 'hono';
import { isGongbaoError } from '../errors.js';
import type { AppDeps, Env } from './env.js';
import { packageRoot } from '../paths.js';
import { registerApi } from './api/routes.js';
import { registerPages, renderErrorPage } from './pages/routes.js';
import { registerSupervision } from './supervise/routes.js';

export type { AppDeps, Env } from './env.js';

export const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

const ASSET_TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

/** Static files: only names in the asset folder (and the bundled ECharts), never a path. */
function assetFile(name: string): string | null {
  if (!/^[a-z0-9][a-z0-9._-]{0,80}$/i.test(name) || name.includes('..')) return null;
  if (name === 'echarts.min.js') return createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  const file = join(packageRoot(), 'assets', name);
  return existsSync(file) ? file : null;
}

export const wantsJson = (c: Context) => c.req.path.startsWith('/api/') || c.req.path === '/api' || (c.req.header('accept') ?? '').startsWith('application/json');

export function createApp(deps: AppDeps): Hono<Env> {
  const full: Required<AppDeps> = {
    db: deps.db,
    now: deps.now ?? (() => new Date()),
    log: deps.log ?? ((e) => process.stdout.write(`${JSON.stringify(e)}\n`)),
  };
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('deps', full);
    c.set('today', chinaDay(full.now()));
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    full.log({ t: full.now().toISOString(), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  });

  app.get('/assets/:name', (c) => {
    const file = assetFile(c.req.param('name'));
    if (!file) return c.notFound();
    const ext = file.slice(file.lastIndexOf('.'));
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(readFileSync(file), 200, { 'Content-Type': ASSET_TYPES[ext] ?? 'application/octet-stream' });
  });

  // Supervision first: its private, per-user answers must not pass through the API's public cache headers.
  registerSupervision(app);
  registerApi(app);
  registerPages(app);

  app.notFound((c) => {
    if (wantsJson(c)) return c.json({ error: { code: 'not-found', message: '没有这个地址' } }, 404);
    return c.html(renderErrorPage(404, '页面不存在', '您访问的页面不存在，可能已被移动或删除。'), 404);
  });
  app.onError((err, c) => {
    if (isGongbaoError(err)) {
      const status = err.status as 400 | 401 | 403 | 404 | 409 | 422;
      if (wantsJson(c)) return c.json({ error: { code: err.code, message: err.message } }, status);
      return c.html(renderErrorPage(status, status === 404 ? '没有找到' : '请求有误', err.message), status);
    }
    full.log({ t: full.now().toISOString(), level: 'error', path: c.req.path, error: String(err instanceof Error ? err.stack : err) });
    if (wantsJson(c)) return c.json({ error: { code: 'internal', message: '服务器内部错误' } }, 500);
    return c.html(renderErrorPage(500, '服务器内部错误', '请稍后再试。'), 500);
  });
  return app;
}
