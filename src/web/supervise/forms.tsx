// The 督办 form posts: login/logout, 立项, task actions, the sweep and bulk
// registration. Each succeeds with a 303 redirect (post/redirect/get) or
// shows the same page again with the error and what was typed; refusals
// are audited 403s. The CSRF check runs before any of these (routes.tsx).
import type { Hono } from 'hono';
import { GongbaoError } from '../../errors.js';
import { actorOf, endSession, login } from '../../supervise/auth.js';
import { registerProposalsReport } from '../../supervise/propose.js';
import { sweepAll } from '../../share/sweep.js';
import { shareOf } from '../share/context.js';
import { renderPage } from '../pages/layout.js';
import { idParams, paramsOf, validate } from '../api/schemas.js';
import { checkLoginForm, clientAddress, endSessionCookie, loginFormToken, requireRole, requireSession, ROLE_GROUPS, startSession, visibleTask, type SvContext, type SvEnv } from './context.js';
import { homeOf, safeNext, taskView } from './pages.js';
import { ACTION_BODIES, createTaskBody, editBody, fromForm, loginBody, parseForm, proposalOptions, proposalsBody, serviceCall, WEB_ACTIONS, type WebAction } from './schemas.js';
import { LoginPage } from './ui/login.js';
import { NewTaskPage } from './ui/new-task.js';
import { TaskPage } from './ui/task.js';

const form = async (c: SvContext) => c.req.parseBody({ all: true });

/** Errors a user can fix by changing the form: shown on the page, not as an error page. */
const fixable = (e: unknown): e is GongbaoError => e instanceof GongbaoError && (e.code === 'bad-argument' || e.code === 'conflict');

export function registerSupervisionForms(app: Hono<SvEnv>): void {
  app.post('/supervise/login', async (c) => {
    const f = await form(c);
    const next = safeNext(f.next);
    const username = typeof f.username === 'string' ? f.username.slice(0, 64) : '';
    const again = (error: string, status: 400 | 401 | 403 | 429) =>
      c.html(renderPage(<LoginPage formToken={loginFormToken(c)} next={next ?? ''} username={username} error={error} />), status);
    try {
      checkLoginForm(c, f._login);
    } catch (e) {
      return again((e as Error).message, 403);
    }
    const parsed = loginBody.safeParse(fromForm(f));
    if (!parsed.success) return again('请输入用户名和密码。', 400);
    try {
      const { token, session } = await login(c.get('deps').db, parsed.data.username, parsed.data.password, clientAddress(c), c.get('deps').now());
      endSession(c.get('deps').db, c.get('token'));
      startSession(c, token);
      return c.redirect(next ?? homeOf(session), 303);
    } catch (e) {
      if (e instanceof GongbaoError && (e.code === 'unauthorized' || e.code === 'too-many-requests')) {
        if (e.code === 'too-many-requests') c.header('Retry-After', '900');
        return again(e.message, e.code === 'unauthorized' ? 401 : 429);
      }
      throw e;
    }
  });

  app.post('/supervise/logout', (c) => {
    endSession(c.get('deps').db, c.get('token'));
    endSessionCookie(c);
    return c.redirect('/supervise/login', 303);
  });

  app.post('/supervise/tasks', async (c) => {
    const s = requireRole(c, ROLE_GROUPS.staff, 'register');
    const values = fromForm(await form(c));
    try {
      const task = c.get('sv').create(parseForm(createTaskBody, values), actorOf(s.user));
      return c.redirect(`/supervise/tasks/${task.id}?done=register`, 303);
    } catch (e) {
      if (!fixable(e)) throw e;
      return c.html(renderPage(<NewTaskPage session={s} units={c.get('sv').units.names()} values={values} flash={{ kind: 'error', text: e.message }} />), 400);
    }
  });

  app.post('/supervise/tasks/:id/edit', async (c) => {
    const s = requireRole(c, ROLE_GROUPS.office, 'edit');
    const { id } = validate(idParams, paramsOf(c));
    const values = fromForm(await form(c));
    try {
      c.get('sv').edit(id, parseForm(editBody, { ...values, major: values.major === true }), actorOf(s.user));
      return c.redirect(`/supervise/tasks/${id}?done=edit`, 303);
    } catch (e) {
      if (!fixable(e)) throw e;
      const page = <TaskPage session={s} view={taskView(c, id)} flash={{ kind: 'error', text: e.message }} failed={{ action: 'edit', values }} />;
      return c.html(renderPage(page), e.code === 'conflict' ? 409 : 400);
    }
  });

  app.post('/supervise/tasks/:id/:action', async (c) => {
    const s = requireSession(c);
    const { id } = validate(idParams, paramsOf(c));
    const name = c.req.param('action') as WebAction;
    if (!WEB_ACTIONS.includes(name)) throw new GongbaoError('not-found', '没有这个操作');
    const f = await form(c);
    const values = fromForm(f);
    try {
      const body = parseForm(ACTION_BODIES[name], values) as Record<string, unknown>;
      const call = serviceCall(name, body);
      const current = visibleTask(c, id, call.action);
      // A form shows one version of the task; if someone acted since, ask the user to look again.
      if (typeof f.version === 'string' && Number(f.version) !== current.version) throw new GongbaoError('conflict', '任务已被他人处理，请查看最新情况后再操作。');
      c.get('sv').act(id, call.action, actorOf(s.user), call.input);
      return c.redirect(f.back === 'inbox' && s.user.role === 'unit' ? `/supervise/inbox?done=${name}` : `/supervise/tasks/${id}?done=${name}`, 303);
    } catch (e) {
      if (!fixable(e)) throw e;
      const page = <TaskPage session={s} view={taskView(c, id)} flash={{ kind: 'error', text: e.message }} failed={{ action: name, values }} />;
      return c.html(renderPage(page), e.code === 'conflict' ? 409 : 400);
    }
  });

  app.post('/supervise/tick', (c) => {
    requireRole(c, ROLE_GROUPS.office, 'tick');
    const { raised, sharing } = sweepAll(shareOf(c).ctx);
    const n = raised.length + sharing.length;
    return c.redirect(`/supervise?done=tick&n=${n}`, 303);
  });

  app.post('/supervise/propose', async (c) => {
    const s = requireRole(c, ROLE_GROUPS.office, 'propose');
    const values = fromForm(await form(c));
    const body = validate(proposalsBody, values);
    if (!body.only?.length) throw new GongbaoError('bad-argument', '请至少勾选一项任务建议。');
    const { created, skipped } = registerProposalsReport(c.get('sv'), body.from, proposalOptions(body, actorOf(s.user)));
    return c.redirect(`/supervise/propose?from=${encodeURIComponent(body.from)}&done=propose&n=${created.length}&skipped=${skipped.length}`, 303);
  });
}
