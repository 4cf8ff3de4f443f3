// The supervision JSON API under /api/supervision. A session comes from
// POST /api/supervision/login (cookie + CSRF token in the answer); every
// other POST needs the X-CSRF-Token header. Units see and act on their own
// tasks only; every refusal is a 403 written to the audit log.
import type { Hono } from 'hono';
import { GongbaoError } from '../../errors.js';
import { actorOf, endSession, login, type Session } from '../../supervise/auth.js';
import { evaluate, parsePeriod } from '../../supervise/evaluate.js';
import { STATUS_LABEL, type Task } from '../../supervise/model.js';
import { propose, registerProposalsReport } from '../../supervise/propose.js';
import { sweepAll } from '../../share/sweep.js';
import { shareOf } from '../share/context.js';
import { idParams, paramsOf, queryOf, validate } from '../api/schemas.js';
import {
  checkCsrf, clientAddress, endSessionCookie, requireRole, requireSession, ROLE_GROUPS, startSession, visibleTask, visibleTasks, type SvContext, type SvEnv,
} from './context.js';
import { availableActions, dashboard, dueFilter, statusCounts } from './data.js';
import { evaluationCsv, evaluationXlsx } from './export.js';
import { ACTION_BODIES, createTaskBody, editBody, listQuery, loginBody, periodQuery, proposalOptions, proposalsBody, proposalsQuery, serviceCall, unitsQuery, WEB_ACTIONS, type WebAction } from './schemas.js';

export const presentTask = (t: Task) => ({ ...t, statusLabel: STATUS_LABEL[t.status], url: `/supervise/tasks/${t.id}` });
const presentSession = (s: Session) => ({ user: s.user, csrfToken: s.csrf, expiresAt: s.expiresAt });

export async function jsonBody(c: SvContext): Promise<unknown> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new GongbaoError('bad-argument', '请求体应为 JSON（Content-Type: application/json）');
  try {
    return await c.req.json();
  } catch {
    throw new GongbaoError('bad-argument', '请求体不是有效的 JSON');
  }
}

/** The period of an evaluation request: the quarter or year asked for, else the current quarter. */
export function periodOf(c: SvContext, q: { quarter?: string | undefined; year?: string | undefined }) {
  if (q.quarter || q.year) return parsePeriod({ ...(q.quarter ? { quarter: q.quarter } : {}), ...(q.year ? { year: q.year } : {}) });
  const today = c.get('sv').today();
  return parsePeriod({ quarter: `${today.slice(0, 4)}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}` });
}

export function registerSupervisionApi(app: Hono<SvEnv>): void {
  app.use('/api/supervision/*', async (c, next) => {
    if (c.req.method === 'POST' && c.req.path !== '/api/supervision/login') await checkCsrf(c);
    await next();
  });

  app.post('/api/supervision/login', async (c) => {
    const body = validate(loginBody, await jsonBody(c));
    const { db, now } = c.get('deps');
    try {
      const { token, session } = await login(db, body.username, body.password, clientAddress(c), now());
      endSession(db, c.get('token'));
      startSession(c, token);
      return c.json(presentSession(session));
    } catch (e) {
      if (e instanceof GongbaoError && e.code === 'too-many-requests') c.header('Retry-After', '900');
      throw e;
    }
  });

  app.post('/api/supervision/logout', (c) => {
    endSession(c.get('deps').db, c.get('token'));
    endSessionCookie(c);
    return c.json({ ok: true });
  });

  app.get('/api/supervision/me', (c) => c.json(presentSession(requireSession(c))));

  app.get('/api/supervision/tasks', (c) => {
    const q = validate(listQuery, queryOf(c));
    const today = c.get('sv').today();
    const all = visibleTasks(c, { ...(q.unit ? { unit: q.unit } : {}) });
    const items = dueFilter(q.status ? all.filter((t) => t.status === q.status) : all, q.due, today);
    return c.json({ total: items.length, counts: statusCounts(all), items: items.map(presentTask) });
  });

  app.post('/api/supervision/tasks', async (c) => {
    const s = requireRole(c, ROLE_GROUPS.staff, 'register');
    const body = validate(createTaskBody, await jsonBody(c));
    return c.json(presentTask(c.get('sv').create(body, actorOf(s.user))), 201);
  });

  app.get('/api/supervision/tasks/:id', (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const task = visibleTask(c, id);
    return c.json({ ...presentTask(task), warnings: task.warnings, history: task.history, actions: availableActions(task, actorOf(requireSession(c).user)) });
  });

  app.post('/api/supervision/tasks/:id/edit', async (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const s = requireRole(c, ROLE_GROUPS.office, 'edit');
    const body = validate(editBody, await jsonBody(c));
    return c.json(presentTask(c.get('sv').edit(id, body, actorOf(s.user))));
  });

  app.get('/api/supervision/units', (c) => {
    requireSession(c);
    const { q } = validate(unitsQuery, queryOf(c));
    const units = c.get('sv').units;
    const exact = q ? units.resolve(q) : null;
    return c.json({ q: q ?? '', unit: exact, suggestions: q ? (exact ? [exact] : units.suggest(q, 8)) : units.names() });
  });

  app.post('/api/supervision/tasks/:id/:action', async (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const name = c.req.param('action');
    if (!WEB_ACTIONS.includes(name as WebAction)) throw new GongbaoError('not-found', `没有这个操作：${name.slice(0, 40)}`);
    const s = requireSession(c);
    const body = validate(ACTION_BODIES[name as WebAction], await jsonBody(c)) as Record<string, unknown>;
    const call = serviceCall(name as WebAction, body);
    visibleTask(c, id, call.action);
    return c.json(presentTask(c.get('sv').act(id, call.action, actorOf(s.user), call.input)));
  });

  app.post('/api/supervision/tick', (c) => {
    requireRole(c, ROLE_GROUPS.office, 'tick');
    return c.json(sweepAll(shareOf(c).ctx));
  });

  app.get('/api/supervision/proposals', (c) => {
    requireRole(c, ROLE_GROUPS.office, 'propose');
    const q = validate(proposalsQuery, queryOf(c));
    const items = propose(c.get('sv'), q.from).map((p, i) => ({ no: i + 1, ...p }));
    return c.json({ from: q.from, total: items.length, items });
  });

  app.post('/api/supervision/proposals', async (c) => {
    requireRole(c, ROLE_GROUPS.office, 'propose');
    const body = validate(proposalsBody, await jsonBody(c));
    const { created, skipped } = registerProposalsReport(c.get('sv'), body.from, proposalOptions(body, actorOf(requireSession(c).user)));
    return c.json({ total: created.length, items: created.map(presentTask), skipped }, 201);
  });

  const evaluation = (c: SvContext) => {
    requireRole(c, ROLE_GROUPS.staff, 'evaluate');
    return evaluate(c.get('sv'), periodOf(c, validate(periodQuery, queryOf(c))));
  };
  app.get('/api/supervision/evaluation', (c) => c.json(evaluation(c)));
  app.get('/api/supervision/evaluation.csv', (c) => evaluationCsv(c, evaluation(c)));
  app.get('/api/supervision/evaluation.xlsx', (c) => evaluationXlsx(c, evaluation(c)));

  app.get('/api/supervision/dashboard', (c) => {
    requireRole(c, ROLE_GROUPS.staff, 'dashboard');
    return c.json(dashboard(c.get('sv')));
  });
}
