// The 督办 pages (GET): login, the office's board, a unit's inbox, a task,
// the create form, proposals from a document, evaluation and dashboard.
// Who may open what: units get their inbox and their own tasks; the office
// and leaders the rest; the proposals page is the office's.
import type { Context, Hono } from 'hono';
import { GongbaoError } from '../../errors.js';
import { actorOf, type Session } from '../../supervise/auth.js';
import { evaluate, explainGrade } from '../../supervise/evaluate.js';
import { propose } from '../../supervise/propose.js';
import { unconfirmedYears } from '../../supervise/calendar-view.js';
import { renderPage } from '../pages/layout.js';
import { idParams, paramsOf, queryOf, validate } from '../api/schemas.js';
import { loginFormToken, requireRole, ROLE_GROUPS, visibleTask, visibleTasks, type SvContext, type SvEnv } from './context.js';
import { availableActions, dashboard, documentsWithTasks, dueFilter, inbox, isOpen, isOverdue, statusCounts, timeline } from './data.js';
import { periodOf } from './api.js';
import { listQuery, periodQuery, WEB_ACTION_LABEL, WEB_ACTIONS, type WebAction } from './schemas.js';
import type { Flash } from './ui/frame.js';
import { LoginPage } from './ui/login.js';
import { BoardPage } from './ui/board.js';
import { InboxPage } from './ui/inbox.js';
import { TaskPage, type TaskView } from './ui/task.js';
import { NewTaskPage } from './ui/new-task.js';
import { ProposePage } from './ui/propose.js';
import { EvaluationPage } from './ui/evaluation.js';
import { DashboardPage } from './ui/dashboard.js';

/** Where a user lands after signing in. */
export const homeOf = (s: Session) => (s.user.role === 'unit' ? '/supervise/inbox' : '/supervise');

/** A safe place to return to after login: a /supervise path on this site, nothing else. */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 300 || !next.startsWith('/supervise') || /[\\\s]/.test(next)) return null;
  const url = new URL(next, 'http://local');
  const inside = url.pathname === '/supervise' || url.pathname.startsWith('/supervise/');
  return url.origin === 'http://local' && inside && url.pathname !== '/supervise/login' ? `${url.pathname}${url.search}` : null;
}

export const toLogin = (c: Context) => c.redirect(`/supervise/login?next=${encodeURIComponent(`${c.req.path}${new URL(c.req.url).search}`)}`, 302);

/** The success note after a redirect (`?done=accept`): fixed texts only. */
export function doneFlash(c: Context): Flash | null {
  const done = c.req.query('done');
  const n = Number(c.req.query('n') ?? 0) || 0;
  if (done === 'register') return { kind: 'ok', text: '已立项，督办通知已发送牵头单位。' };
  if (done === 'tick') return { kind: 'ok', text: n ? `扫描完成，新产生 ${n} 条提醒或预警。` : '扫描完成，没有新的提醒或预警。' };
  if (done === 'propose') {
    const skipped = Number(c.req.query('skipped') ?? 0) || 0;
    return { kind: 'ok', text: `已批量立项 ${n} 项任务。${skipped ? `另有 ${skipped} 项条文没有指明具体的牵头单位，未立项：请在该行填写牵头单位后再立项。` : ''}` };
  }
  if (done === 'edit') return { kind: 'ok', text: '任务已修改，修改内容已记入办理记录。' };
  if (WEB_ACTIONS.includes(done as WebAction)) return { kind: 'ok', text: `“${WEB_ACTION_LABEL[done as WebAction]}”已办理。` };
  return null;
}

export function taskView(c: SvContext, id: number): TaskView {
  const sv = c.get('sv');
  const t = visibleTask(c, id);
  const { warnings, history, ...task } = t;
  const today = sv.today();
  const user = c.get('session')!.user;
  const graded = explainGrade(task, warnings, today);
  const editable = user.role === 'office' && isOpen(task);
  return {
    task, timeline: timeline(history, warnings), actions: availableActions(task, actorOf(user)), grade: graded.grade, gradeReasons: graded.reasons, today,
    editUnits: editable ? sv.units.names() : null,
  };
}

const html = (c: Context, node: unknown, status: 200 | 400 | 401 | 409 | 429 = 200) => c.html(renderPage(node as never), status);

export function registerSupervisionPages(app: Hono<SvEnv>): void {
  app.get('/supervise/login', (c) => {
    const s = c.get('session');
    const next = safeNext(c.req.query('next'));
    if (s) return c.redirect(next ?? homeOf(s), 302);
    return html(c, <LoginPage formToken={loginFormToken(c)} next={next ?? ''} />);
  });

  app.get('/supervise', (c) => {
    const s = c.get('session');
    if (!s) return toLogin(c);
    if (s.user.role === 'unit') return c.redirect('/supervise/inbox', 302);
    const q = validate(listQuery, queryOf(c));
    const today = c.get('sv').today();
    const all = visibleTasks(c);
    const inUnit = q.unit ? all.filter((t) => t.leadUnit === q.unit || t.assistUnits.includes(q.unit!)) : all;
    const tasks = dueFilter(q.status ? inUnit.filter((t) => t.status === q.status) : inUnit, q.due, today);
    const units = [...new Set(all.flatMap((t) => [t.leadUnit, ...t.assistUnits]))].sort((a, b) => a.localeCompare(b, 'zh'));
    // This year and next, and any year an open task's deadline reaches.
    const reach = all.filter(isOpen).reduce((m, t) => (t.due > m ? t.due : m), `${Number(today.slice(0, 4)) + 1}-12-31`);
    const unconfirmed = unconfirmedYears(c.get('sv').calendar, today, reach);
    const data = { tasks, counts: statusCounts(inUnit), overdue: inUnit.filter((t) => isOverdue(t, today)).length, units, filter: q, today, unconfirmedYears: unconfirmed };
    return html(c, <BoardPage session={s} data={data} flash={doneFlash(c)} />);
  });

  app.get('/supervise/inbox', (c) => {
    const s = c.get('session');
    if (!s) return toLogin(c);
    if (s.user.role !== 'unit') return c.redirect('/supervise', 302);
    const today = c.get('sv').today();
    return html(c, <InboxPage session={s} box={inbox(visibleTasks(c), s.user.unit, today)} today={today} flash={doneFlash(c)} />);
  });

  app.get('/supervise/tasks/new', (c) => {
    if (!c.get('session')) return toLogin(c);
    const s = requireRole(c, ROLE_GROUPS.staff, 'register');
    return html(c, <NewTaskPage session={s} units={c.get('sv').units.names()} />);
  });

  app.get('/supervise/tasks/:id', (c) => {
    const s = c.get('session');
    if (!s) return toLogin(c);
    const { id } = validate(idParams, paramsOf(c));
    return html(c, <TaskPage session={s} view={taskView(c, id)} flash={doneFlash(c)} />);
  });

  app.get('/supervise/propose', (c) => {
    if (!c.get('session')) return toLogin(c);
    const s = requireRole(c, ROLE_GROUPS.office, 'propose');
    const sv = c.get('sv');
    const from = (c.req.query('from') ?? '').trim().slice(0, 60);
    let proposals = null;
    let flash = doneFlash(c);
    if (from) {
      try {
        proposals = propose(sv, from);
      } catch (e) {
        if (!(e instanceof GongbaoError) || e.code !== 'not-found') throw e;
        flash = { kind: 'error', text: e.message };
      }
    }
    return html(c, <ProposePage session={s} data={{ from, proposals, units: sv.units.names(), examples: documentsWithTasks(sv) }} flash={flash} />);
  });

  app.get('/supervise/evaluation', (c) => {
    if (!c.get('session')) return toLogin(c);
    const s = requireRole(c, ROLE_GROUPS.staff, 'evaluate');
    const sv = c.get('sv');
    const query = validate(periodQuery, queryOf(c));
    const result = evaluate(sv, periodOf(c, query));
    const today = sv.today();
    const firstYear = Math.min(Number(today.slice(0, 4)), ...sv.list().map((t) => Number(t.due.slice(0, 4))));
    const years: string[] = [];
    for (let y = Number(today.slice(0, 4)); y >= firstYear; y--) years.push(String(y));
    const quarters = years.flatMap((y) => ['4', '3', '2', '1'].map((q) => `${y}Q${q}`));
    const shown = query.quarter || query.year ? { ...query, quarter: query.quarter?.toUpperCase() } : { quarter: `${result.period.year}Q${Math.floor((Number(result.period.from.slice(5, 7)) - 1) / 3) + 1}` };
    return html(c, <EvaluationPage session={s} data={{ result, query: shown, quarters, years, profile: sv.profile, today }} />);
  });

  app.get('/supervise/dashboard', (c) => {
    if (!c.get('session')) return toLogin(c);
    const s = requireRole(c, ROLE_GROUPS.staff, 'dashboard');
    return html(c, <DashboardPage session={s} data={dashboard(c.get('sv'))} />);
  });
}
