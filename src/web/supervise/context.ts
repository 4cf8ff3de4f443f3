// Who is asking, and may they: the session cookie, the CSRF check on every
// POST, role guards and the audited refusal. Every supervision route (pages
// under /supervise, JSON under /api/supervision) runs behind `loadSession`.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import type { AppDeps, Env } from '../env.js';
import { GongbaoError } from '../../errors.js';
import { Supervision } from '../../supervise/service.js';
import { actorOf, findSession, sameSecret, SESSION_HOURS, type Session } from '../../supervise/auth.js';
import type { Role, Task } from '../../supervise/model.js';
import { audit } from '../../supervise/task-store.js';

export type SvEnv = { Variables: Env['Variables'] & { session: Session | null; token: string | undefined; sv: Supervision } };
export type SvContext = Context<SvEnv>;

export const SESSION_COOKIE = 'gb_session';
/** The login form's double-submit token (there is no session yet to hold one). */
export const LOGIN_COOKIE = 'gb_login';

/** One Supervision per app (its clock is the app's injectable clock). */
const services = new WeakMap<Required<AppDeps>, Supervision>();

export const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** The client's address for the login rate limit (the socket's, never a header a client could set). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export const loadSession: MiddlewareHandler<SvEnv> = async (c, next) => {
  const deps = c.get('deps');
  let sv = services.get(deps);
  if (!sv) services.set(deps, (sv = new Supervision({ db: deps.db, now: deps.now })));
  const token = getCookie(c, SESSION_COOKIE);
  c.set('sv', sv);
  c.set('token', token);
  const session = findSession(deps.db, token, deps.now());
  // A unit account created under another name of its unit (县住建局) acts as the canonical unit.
  if (session?.user.role === 'unit') session.user.unit = sv.canonical(actorOf(session.user)).unit;
  c.set('session', session);
  await next();
  // Private, per-user pages and data: never stored by a browser or proxy cache.
  c.header('Cache-Control', 'no-store');
  c.header('Vary', 'Cookie');
};

export function startSession(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isHttps(c), maxAge: SESSION_HOURS * 3600 });
}

export function endSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}

/** A fresh token for the login form, also set as a short-lived cookie. */
export function loginFormToken(c: Context): string {
  const t = randomBytes(18).toString('base64url');
  setCookie(c, LOGIN_COOKIE, t, { httpOnly: true, sameSite: 'Strict', path: '/supervise/login', secure: isHttps(c), maxAge: 3600 });
  return t;
}

export function checkLoginForm(c: Context, sent: unknown): void {
  const cookie = getCookie(c, LOGIN_COOKIE);
  if (!cookie || typeof sent !== 'string' || !sameSecret(cookie, sent)) throw new GongbaoError('forbidden', '页面已过期，请刷新登录页后重试');
}

/** The session, or 401 (the API) — pages redirect before calling this. */
export function requireSession(c: SvContext): Session {
  const s = c.get('session');
  if (!s) throw new GongbaoError('unauthorized', '请先登录督办系统');
  return s;
}

/** Write the refusal to the audit log and answer 403. */
export function deny(c: SvContext, action: string, target: string, message: string): never {
  const s = c.get('session');
  audit(c.get('deps').db, c.get('deps').now().toISOString(), s ? actorOf(s.user) : null, action, target, false, message);
  throw new GongbaoError('forbidden', message);
}

export const ROLE_GROUPS = {
  staff: ['office', 'leader', 'principal'] as Role[],
  office: ['office'] as Role[],
};

/** The session of a user in one of `roles`, or an audited 403. */
export function requireRole(c: SvContext, roles: Role[], action: string): Session {
  const s = requireSession(c);
  if (!roles.includes(s.user.role)) deny(c, action, c.req.path, `${s.user.unit}（${s.user.username}）无权访问此功能`);
  return s;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

/**
 * The CSRF token of a POST: the X-CSRF-Token header (API) or the `_csrf`
 * form field (pages). A cross-site Origin is refused too.
 */
export async function checkCsrf(c: SvContext): Promise<void> {
  const s = requireSession(c);
  const origin = c.req.header('origin');
  if (origin && hostOf(origin) !== new URL(c.req.url).host) deny(c, 'csrf', c.req.path, '跨站请求已被拒绝');
  let sent = c.req.header('x-csrf-token');
  const type = c.req.header('content-type') ?? '';
  if (!sent && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
    const field = (await c.req.parseBody())._csrf;
    sent = typeof field === 'string' ? field : undefined;
  }
  if (!sent || !sameSecret(sent, s.csrf)) deny(c, 'csrf', c.req.path, '安全校验失败：缺少或无效的 CSRF 令牌，请刷新页面后重试');
}

/** A task the session's user may see (units: their own, lead or assist), or an audited 403. */
export function visibleTask(c: SvContext, id: number, action = 'view'): ReturnType<Supervision['show']> {
  const s = requireSession(c);
  const sv = c.get('sv');
  const task = sv.show(id);
  if (!sv.canSee(task, actorOf(s.user))) deny(c, action, `task:${id}`, `${s.user.unit}不是本任务的牵头或协办单位，无权${action === 'view' ? '查看' : '办理'}`);
  return task;
}

/** Tasks the user may see, filtered. */
export function visibleTasks(c: SvContext, filter: Parameters<Supervision['list']>[0] = {}): Task[] {
  const s = requireSession(c);
  return c.get('sv').list(s.user.role === 'unit' ? { ...filter, unit: s.user.unit } : filter);
}
