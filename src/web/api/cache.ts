// HTTP caching for the API, feeds, sitemap and robots.txt: a weak ETag (SHA-1
// of the body) and a short public max-age on successful GETs; a matching
// If-None-Match turns the response into 304 Not Modified.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Env } from '../env.js';

export const CACHE_CONTROL = 'public, max-age=60';

export function weakEtag(body: ArrayBuffer | Uint8Array | string): string {
  const bytes = typeof body === 'string' ? body : new Uint8Array(body);
  return `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored; `*` matches anything. */
export function etagMatches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || strip(t) === strip(tag));
}

export const httpCache: MiddlewareHandler<Env> = async (c, next) => {
  await next();
  if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200 || !c.res.body) return;
  const tag = weakEtag(await c.res.clone().arrayBuffer());
  c.header('ETag', tag);
  c.header('Cache-Control', CACHE_CONTROL);
  if (!etagMatches(c.req.header('if-none-match'), tag)) return;
  const headers = new Headers(c.res.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  c.res = undefined;
  c.res = new Response(null, { status: 304, headers });
};
