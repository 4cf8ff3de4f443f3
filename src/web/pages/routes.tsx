// Portal pages (placeholder: filled in by the pages module).
import type { Hono } from 'hono';
import type { Env } from '../app.js';

export function renderErrorPage(status: number, title: string, message: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${status} ${title}</title></head><body><h1>${title}</h1><p>${message}</p></body></html>`;
}

export function registerPages(app: Hono<Env>): void {
  app.get('/', (c) => c.html('<!doctype html><html lang="zh-CN"><body>公报通</body></html>'));
}
