// The 政务数据共享 JSON API under /api/supervision/share: the session and
// CSRF rules of the supervision API (routes.tsx of supervise), thin routes
// over the share service: validate, call, present. Departments see and act
// on their own catalogue, requests and corrections; refusals are audited 403s.
import type { Hono } from 'hono';
import { GongbaoError } from '../../errors.js';
import { addResource, recordTrigger, resources, triggers, updateResource } from '../../share/catalogue.js';
import { actOnRequest, listRequests, showRequest, submitRequest } from '../../share/requests.js';
import { completeCorrection, listCorrections, reportCorrection, showCorrection } from '../../share/corrections.js';
import { shareTick } from '../../share/sweep.js';
import { board, BOARD_HEADER, boardRows, evaluateSharing, EVALUATION_HEADER, evaluationRows } from '../../share/board.js';
import { REQUEST_STATUS_LABEL, requireShareType, type ShareRequest } from '../../share/model.js';
import { idParams, paramsOf, queryOf, validate } from '../api/schemas.js';
import { attachment, csvResponse } from '../api/csv.js';
import { tableXlsx, XLSX_TYPE } from '../api/xlsx.js';
import type { SvContext, SvEnv } from '../supervise/context.js';
import { shareOf } from './context.js';
import { jsonBody, periodOf } from '../supervise/api.js';
import { periodQuery } from '../supervise/schemas.js';
import {
  actionBody, catalogueQuery, correctionBody, correctionDoneBody, REQUEST_STEPS, requestBody, requestListQuery, resourceBody, resourceUpdateBody, triggerBody, type RequestStep,
} from './schemas.js';

export const presentRequest = (q: ShareRequest) => ({ ...q, statusLabel: REQUEST_STATUS_LABEL[q.status], url: `/supervise/share/requests/${q.id}` });

/** The body of a resource change as the service takes it. */
export function resourceInput(b: Partial<ReturnType<typeof resourceBody.parse>> & { withdraw?: boolean; comment?: string | undefined }) {
  return {
    ...(b.resource !== undefined ? { name: b.resource } : {}), ...(b.type ? { type: requireShareType(b.type, b.exclusive) } : {}), ...(b.exclusive ? { exclusive: b.exclusive } : {}),
    ...(b.reason !== undefined ? { reason: b.reason } : {}), ...(b.basis !== undefined ? { basis: b.basis } : {}),
    ...(b.agent !== undefined ? { agent: b.agent || null } : {}), ...(b.description !== undefined ? { description: b.description } : {}),
    ...(b.provider ? { provider: b.provider } : {}), ...(b.withdraw ? { withdraw: true } : {}), ...(b.comment ? { comment: b.comment } : {}),
  };
}

export async function exportTable(c: SvContext, kind: 'csv' | 'xlsx', title: string, name: string, header: string[], rows: (string | number)[][]): Promise<Response> {
  if (kind === 'csv') return csvResponse(c, `${name}.csv`, 'sharing.csv', header, rows);
  const body = await tableXlsx({ title, sheet: '政务数据共享', header, rows, widths: { 部门: 24, 情况: 60 } });
  return c.body(body, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': attachment(`${name}.xlsx`, 'sharing.xlsx') });
}

export function registerShareApi(app: Hono<SvEnv>): void {
  const base = '/api/supervision/share';
  app.get(`${base}/catalogue`, (c) => {
    const { ctx } = shareOf(c);
    const q = validate(catalogueQuery, queryOf(c));
    const items = resources(ctx, { ...(q.unit ? { unit: q.unit } : {}), ...(q.type ? { type: q.type } : {}) });
    return c.json({ total: items.length, items });
  });
  app.post(`${base}/catalogue`, async (c) => {
    const { ctx, actor } = shareOf(c);
    return c.json(addResource(ctx, resourceInput(validate(resourceBody, await jsonBody(c))), actor), 201);
  });
  app.post(`${base}/catalogue/changes`, async (c) => {
    const { ctx, actor } = shareOf(c);
    const b = validate(triggerBody, await jsonBody(c));
    return c.json(recordTrigger(ctx, { kind: b.kind, changedOn: b.changedOn, ...(b.note ? { note: b.note } : {}), ...(b.unit ? { unit: b.unit } : {}) }, actor), 201);
  });
  app.get(`${base}/catalogue/changes`, (c) => {
    const { ctx, actor } = shareOf(c);
    const items = triggers(ctx).filter((t) => ctx.roleOf(actor) !== 'department' || t.unit === actor.unit);
    return c.json({ total: items.length, items });
  });
  app.post(`${base}/catalogue/:id`, async (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const { ctx, actor } = shareOf(c);
    return c.json(updateResource(ctx, id, resourceInput(validate(resourceUpdateBody, await jsonBody(c))), actor));
  });

  app.get(`${base}/requests`, (c) => {
    const { ctx, actor } = shareOf(c);
    const q = validate(requestListQuery, queryOf(c));
    const items = listRequests(ctx, actor, { ...(q.status ? { status: q.status } : {}), ...(q.unit ? { unit: q.unit } : {}) });
    return c.json({ total: items.length, items: items.map(presentRequest) });
  });
  app.post(`${base}/requests`, async (c) => {
    const { ctx, actor } = shareOf(c);
    const b = validate(requestBody, await jsonBody(c));
    return c.json(presentRequest(submitRequest(ctx, { resourceId: b.resourceId, purpose: b.purpose, ...(b.scene ? { scene: b.scene } : {}) }, actor)), 201);
  });
  app.get(`${base}/requests/:id`, (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const { ctx, actor } = shareOf(c);
    return c.json(presentRequest(showRequest(ctx, id, actor)));
  });
  app.post(`${base}/requests/:id/:action`, async (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const step = c.req.param('action');
    if (!REQUEST_STEPS.includes(step as RequestStep)) throw new GongbaoError('not-found', `没有这个操作：${step.slice(0, 40)}`);
    const { ctx, actor } = shareOf(c);
    const b = validate(actionBody, await jsonBody(c));
    actOnRequest(ctx, id, step as RequestStep, actor, { ...(b.reason ? { reason: b.reason } : {}), ...(b.comment ? { comment: b.comment } : {}) });
    return c.json(presentRequest(showRequest(ctx, id, actor)));
  });

  app.get(`${base}/corrections`, (c) => {
    const { ctx, actor } = shareOf(c);
    const items = listCorrections(ctx, actor);
    return c.json({ total: items.length, items });
  });
  app.post(`${base}/corrections`, async (c) => {
    const { ctx, actor } = shareOf(c);
    return c.json(reportCorrection(ctx, validate(correctionBody, await jsonBody(c)), actor), 201);
  });
  app.get(`${base}/corrections/:id`, (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const { ctx, actor } = shareOf(c);
    return c.json(showCorrection(ctx, id, actor));
  });
  app.post(`${base}/corrections/:id/done`, async (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const { ctx, actor } = shareOf(c);
    return c.json(completeCorrection(ctx, id, validate(correctionDoneBody, await jsonBody(c)).note, actor));
  });

  app.post(`${base}/tick`, (c) => {
    const { ctx, actor } = shareOf(c);
    if (ctx.roleOf(actor) !== 'manager' && actor.role !== 'office') ctx.refuse(actor, 'tick', 'share', `${actor.unit}无权执行扫描`);
    return c.json({ raised: shareTick(ctx) });
  });

  const boardOf = (c: SvContext) => {
    const { ctx, actor } = shareOf(c);
    return { ctx, rows: board(ctx, actor) };
  };
  app.get(`${base}/board`, (c) => c.json({ today: shareOf(c).ctx.today(), units: boardOf(c).rows }));
  for (const kind of ['csv', 'xlsx'] as const) {
    app.get(`${base}/board.${kind}`, (c) => {
      const { ctx, rows } = boardOf(c);
      return exportTable(c, kind, `政务数据共享情况（截至 ${ctx.today()}）`, `政务数据共享情况-${ctx.today()}`, BOARD_HEADER, boardRows(rows));
    });
    app.get(`${base}/evaluation.${kind}`, (c) => {
      const e = evaluation(c);
      return exportTable(c, kind, `${e.period.label}政务数据共享考核评估（${e.period.from} 至 ${e.period.to}）`, `${e.period.label}政务数据共享考核评估`, EVALUATION_HEADER, evaluationRows(e));
    });
  }
  const evaluation = (c: SvContext) => {
    const { ctx, actor } = shareOf(c);
    if (ctx.roleOf(actor) === 'department') ctx.refuse(actor, 'evaluate', 'share', `考核评估由政务数据共享管理部门（${ctx.manager}）开展`);
    return evaluateSharing(ctx, periodOf(c, validate(periodQuery, queryOf(c))));
  };
  app.get(`${base}/evaluation`, (c) => c.json(evaluation(c)));
}
