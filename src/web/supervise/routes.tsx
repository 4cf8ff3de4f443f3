// Supervision (督办) on the web: the JSON API under /api/supervision and the
// pages under /supervise, in one sub-app whose routes all run behind the
// session loader and, for POSTs, the CSRF check.
import { Hono } from 'hono';
import type { Env } from '../env.js';
import { checkCsrf, loadSession, type SvEnv } from './context.js';
import { registerSupervisionApi } from './api.js';
import { registerSupervisionPages } from './pages.js';
import { registerSupervisionForms } from './forms.js';
import { registerUpload, UPLOAD_PATHS, uploadLimit } from './upload.js';
import { registerEditorial } from './editorial.js';
import { registerShareApi } from '../share/api.js';
import { registerSharePages } from '../share/pages.js';
import './openapi.js';
import '../share/openapi.js';

export function registerSupervision(app: Hono<Env>): void {
  const sv = new Hono<SvEnv>();
  for (const path of UPLOAD_PATHS) sv.use(path, uploadLimit);
  for (const path of ['/supervise', '/supervise/*', '/api/supervision/*']) sv.use(path, loadSession);
  sv.use('/supervise/*', async (c, next) => {
    if (c.req.method === 'POST' && c.req.path !== '/supervise/login') {
      // An expired session on a form: sign in again rather than an error page.
      if (!c.get('session')) return c.redirect('/supervise/login', 303);
      await checkCsrf(c);
    }
    return next();
  });
  registerSupervisionApi(sv);
  registerSupervisionPages(sv);
  registerSupervisionForms(sv);
  registerUpload(sv);
  registerEditorial(sv);
  registerShareApi(sv);
  registerSharePages(sv);
  app.route('/', sv as unknown as Hono<Env>);
}
