// The 政务数据共享 pages under /supervise/share (GET) and their forms (POST,
// after the supervision CSRF check). A form that succeeds redirects
// (post/redirect/get) with a fixed note; one the user can fix shows its page
// again with the error; refusals are audited 403s.
import type { Hono } from 'hono';
import { GongbaoError } from '../../errors.js';
import { renderPage } from '../pages/layout.js';
import { idParams, paramsOf, queryOf, validate } from '../api/schemas.js';
import { fromForm, periodQuery } from '../supervise/schemas.js';
import { periodOf } from '../supervise/api.js';
import { toLogin } from '../supervise/pages.js';
import type { SvContext, SvEnv } from '../supervise/context.js';
import type { Flash } from '../supervise/ui/frame.js';
import { actsForProvider, addResource, recordTrigger, resources, triggers } from '../../share/catalogue.js';
import { actOnRequest, listRequests, showRequest, stepsFor, submitRequest } from '../../share/requests.js';
import { completeCorrection, listCorrections, reportCorrection, showCorrection } from '../../share/corrections.js';
import { shareTick } from '../../share/sweep.js';
import { board, evaluateSharing } from '../../share/board.js';
import type { ShareRequest } from '../../share/model.js';
import { resourceInput } from './api.js';
import { shareOf } from './context.js';
import { actionBody, correctionBody, correctionDoneBody, REQUEST_STEPS, requestBody, resourceBody, triggerBody, type RequestStep } from './schemas.js';
import { CataloguePage, CorrectionPage, EvaluationPage, OverviewPage, RequestPage, type ShareFrame } from './ui.js';

const DONE: Record<string, string> = {
  request: '申请已提交。', 'catalogue-add': '资源已登记到目录。', change: '已记录，请在 15 个工作日内更新本部门目录。', correction: '已反馈提供部门。',
  'correction-done': '已记录校核更正。', step: '已办理。', tick: '扫描完成。',
};

function frame(c: SvContext, flash?: Flash | null): ShareFrame {
  const { ctx, actor } = shareOf(c);
  const done = c.req.query('done');
  const role = ctx.roleOf(actor);
  return { session: c.get('session')!, flash: flash ?? (done && DONE[done] ? { kind: 'ok', text: DONE[done] } : null), overseer: role !== 'department', manager: role === 'manager' };
}

const fixable = (e: unknown): e is GongbaoError => e instanceof GongbaoError && (e.code === 'bad-argument' || e.code === 'conflict');

function overview(c: SvContext, flash?: Flash) {
  const { ctx, actor } = shareOf(c);
  const all = listRequests(ctx, actor);
  const todo = all.filter((q) => stepsFor(ctx, q, actor).some((s) => s !== 'withdraw' && s !== 'negotiate'));
  const corrections = listCorrections(ctx, actor).filter((x) => x.status === 'reported' && actsForProvider(ctx, x.resourceId, actor));
  return <OverviewPage {...frame(c, flash)} todo={todo} mine={all.filter((q) => q.userUnit === actor.unit)} corrections={corrections} board={board(ctx, actor)} today={ctx.today()} />;
}

function catalogue(c: SvContext, flash?: Flash) {
  const { ctx, actor } = shareOf(c);
  const items = triggers(ctx).filter((t) => ctx.roleOf(actor) !== 'department' || t.unit === actor.unit);
  return <CataloguePage {...frame(c, flash)} items={resources(ctx)} triggers={items} today={ctx.today()} />;
}

function requestPage(c: SvContext, id: number, flash?: Flash) {
  const { ctx, actor } = shareOf(c);
  const { history, warnings, ...q } = showRequest(ctx, id, actor);
  return <RequestPage {...frame(c, flash)} q={q as ShareRequest} history={history} warnings={warnings} steps={stepsFor(ctx, q as ShareRequest, actor) as RequestStep[]} />;
}

function correctionPage(c: SvContext, id: number, flash?: Flash) {
  const { ctx, actor } = shareOf(c);
  const { history, warnings, ...x } = showCorrection(ctx, id, actor);
  return <CorrectionPage {...frame(c, flash)} c={x} history={history} warnings={warnings} canFix={actsForProvider(ctx, x.resourceId, actor)} />;
}

export function registerSharePages(app: Hono<SvEnv>): void {
  const page = (path: string, render: (c: SvContext) => ReturnType<typeof overview>) =>
    app.get(path, (c) => (c.get('session') ? c.html(renderPage(render(c))) : toLogin(c)));
  page('/supervise/share', (c) => overview(c));
  page('/supervise/share/catalogue', (c) => catalogue(c));
  page('/supervise/share/requests/:id', (c) => requestPage(c, validate(idParams, paramsOf(c)).id));
  page('/supervise/share/corrections/:id', (c) => correctionPage(c, validate(idParams, paramsOf(c)).id));
  page('/supervise/share/evaluation', (c) => {
    const { ctx, actor } = shareOf(c);
    if (ctx.roleOf(actor) === 'department') ctx.refuse(actor, 'evaluate', 'share', `考核评估由政务数据共享管理部门（${ctx.manager}）开展`);
    const q = validate(periodQuery, queryOf(c));
    const query = q.quarter ? `?quarter=${encodeURIComponent(q.quarter)}` : q.year ? `?year=${encodeURIComponent(q.year)}` : '';
    return <EvaluationPage {...frame(c)} e={evaluateSharing(ctx, periodOf(c, q))} query={query} />;
  });

  /** Validate the form, act, redirect; a fixable error shows `again` with the message. */
  const post = (path: string, act: (c: SvContext, form: Record<string, unknown>) => string, again: (c: SvContext, flash: Flash) => ReturnType<typeof overview>) =>
    app.post(path, async (c) => {
      const form = fromForm(await c.req.parseBody({ all: true }));
      try {
        return c.redirect(act(c, form), 303);
      } catch (e) {
        if (!fixable(e)) throw e;
        return c.html(renderPage(again(c, { kind: 'error', text: e.message })), e.code === 'conflict' ? 409 : 400);
      }
    });
  post('/supervise/share/catalogue', (c, f) => {
    const { ctx, actor } = shareOf(c);
    addResource(ctx, resourceInput(validate(resourceBody, f)), actor);
    return '/supervise/share/catalogue?done=catalogue-add';
  }, catalogue);
  post('/supervise/share/catalogue/changes', (c, f) => {
    const { ctx, actor } = shareOf(c);
    const b = validate(triggerBody, f);
    recordTrigger(ctx, { kind: b.kind, changedOn: b.changedOn, ...(b.note ? { note: b.note } : {}), ...(b.unit ? { unit: b.unit } : {}) }, actor);
    return '/supervise/share/catalogue?done=change';
  }, catalogue);
  post('/supervise/share/requests', (c, f) => {
    const { ctx, actor } = shareOf(c);
    const b = validate(requestBody, f);
    const q = submitRequest(ctx, { resourceId: b.resourceId, purpose: b.purpose, ...(b.scene ? { scene: b.scene } : {}) }, actor);
    return `/supervise/share/requests/${q.id}?done=request`;
  }, catalogue);
  post('/supervise/share/requests/:id/:step', (c, f) => {
    const { id } = validate(idParams, paramsOf(c));
    const step = c.req.param('step') as RequestStep;
    if (!REQUEST_STEPS.includes(step)) throw new GongbaoError('not-found', '没有这个操作');
    const { ctx, actor } = shareOf(c);
    const b = validate(actionBody, f);
    actOnRequest(ctx, id, step, actor, { ...(b.reason ? { reason: b.reason } : {}), ...(b.comment ? { comment: b.comment } : {}) });
    return `/supervise/share/requests/${id}?done=step`;
  }, (c, flash) => requestPage(c, validate(idParams, paramsOf(c)).id, flash));
  post('/supervise/share/corrections', (c, f) => {
    const { ctx, actor } = shareOf(c);
    const x = reportCorrection(ctx, validate(correctionBody, f), actor);
    return `/supervise/share/corrections/${x.id}?done=correction`;
  }, catalogue);
  post('/supervise/share/corrections/:id/done', (c, f) => {
    const { id } = validate(idParams, paramsOf(c));
    const { ctx, actor } = shareOf(c);
    completeCorrection(ctx, id, validate(correctionDoneBody, f).note, actor);
    return `/supervise/share/corrections/${id}?done=correction-done`;
  }, (c, flash) => correctionPage(c, validate(idParams, paramsOf(c)).id, flash));
  post('/supervise/share/tick', (c) => {
    const { ctx, actor } = shareOf(c);
    if (ctx.roleOf(actor) !== 'manager' && actor.role !== 'office') ctx.refuse(actor, 'tick', 'share', `${actor.unit}无权执行扫描`);
    shareTick(ctx);
    return '/supervise/share?done=tick';
  }, overview);
}
