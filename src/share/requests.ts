// Requests for shared data (10号 五（三）（四）): a department asks for a
// resource with its use and scene; the 管理部门 does the 符合性审查 within 2
// working days; unconditional data is granted on review, conditional data
// goes to the provider (or its 授权代理方), who answers within 5 working
// days and gives its reason when it refuses; a refusal can go to 协商, then
// to the 管理部门's coordination. A department on a 专用 resource's list is
// granted at once, without review.
import { GongbaoError } from '../errors.js';
import type { Actor } from '../supervise/model.js';
import type { ShareContext } from './context.js';
import { actsForProvider, typeLabel } from './catalogue.js';
import { OPEN_REQUEST, REQUEST_ACTION_LABEL, REQUEST_STATUS_LABEL, type RequestAction, type RequestStatus, type Resource, type ShareRequest } from './model.js';
import { append, events, insert, list, load, save, subjectOf, warningsOf, type ShareEvent, type ShareWarning } from './store.js';

const subject = (id: number) => subjectOf('share_requests', id);

export function submitRequest(ctx: ShareContext, input: { resourceId: number; purpose?: string; scene?: string }, actor: Actor): ShareRequest {
  return ctx.run(actor, 'request', `resource:${input.resourceId}`, (at) => {
    if (ctx.roleOf(actor) === 'viewer') throw new GongbaoError('forbidden', `${actor.unit}不是政务部门，不能申请共享数据`);
    const r = load<Resource>(ctx.db, 'share_resources', input.resourceId);
    if (r.withdrawn) throw new GongbaoError('conflict', `资源“${r.name}”已从目录中撤下`);
    if (r.providerUnit === actor.unit) throw new GongbaoError('bad-argument', '这是本部门自己的资源，无需申请共享');
    if (r.type === 'none') {
      throw new GongbaoError('conflict', `“${r.name}”属于不予共享类，不能申请（提供部门的理由：${r.reason ?? '未填写'}${r.basis ? `；依据：${r.basis}` : ''}）`);
    }
    const purpose = ctx.text(input.purpose, '使用用途（--purpose）');
    const scene = input.scene?.trim() || null;
    const today = ctx.today();
    const exclusive = r.exclusiveUnits.includes(actor.unit);
    const review = exclusive ? null : ctx.due(today, ctx.profile.reviewWithinWorkdays);
    const state: Omit<ShareRequest, 'id'> = {
      resourceId: r.id, resourceName: r.name, type: r.type, exclusive, providerUnit: r.providerUnit, userUnit: actor.unit, purpose, scene,
      status: exclusive ? 'granted' : 'submitted', submittedAt: at, reviewDue: review?.due ?? null, reviewedAt: null, responseDue: null,
      respondedAt: null, respondedBy: null, decidedAt: exclusive ? at : null, reason: null, reviewLate: false, responseLate: false,
      calendarConfirmed: review?.confirmed ?? true, version: 1,
    };
    const req = insert<ShareRequest>(ctx.db, 'share_requests', { resource_id: r.id, provider_unit: r.providerUnit, user_unit: actor.unit, status: state.status }, state);
    append(ctx.db, subject(req.id), { action: 'submit', from: null, to: 'submitted', actor, at, comment: purpose, refs: { scene, resource: typeLabel(r) } });
    if (exclusive) append(ctx.db, subject(req.id), { action: 'grant-exclusive', from: 'submitted', to: 'granted', actor, at, comment: `专用范围内的使用部门无需走申请审核流程（10号 五（四）4）`, refs: {} });
    return req;
  });
}

interface Step {
  action: RequestAction;
  /** Who may act: the 管理部门, the using department, the provider (or its 授权代理方). */
  by: 'manager' | 'user' | 'provider';
  from: RequestStatus[];
}

const STEPS: Record<string, Step> = {
  'approve-review': { action: 'approve-review', by: 'manager', from: ['submitted'] },
  'reject-review': { action: 'reject-review', by: 'manager', from: ['submitted'] },
  approve: { action: 'approve', by: 'provider', from: ['awaiting_provider', 'negotiating'] },
  refuse: { action: 'refuse', by: 'provider', from: ['awaiting_provider', 'negotiating'] },
  negotiate: { action: 'negotiate', by: 'user', from: ['refused'] },
  escalate: { action: 'escalate', by: 'user', from: ['negotiating'] },
  'coordinate-grant': { action: 'coordinate-grant', by: 'manager', from: ['coordinating'] },
  'coordinate-uphold': { action: 'coordinate-uphold', by: 'manager', from: ['coordinating'] },
  withdraw: { action: 'withdraw', by: 'user', from: OPEN_REQUEST },
};

const WHO: Record<Step['by'], string> = { manager: '政务数据共享管理部门', user: '使用部门', provider: '提供部门（或其授权代理方）' };

/** May this actor take this step? The provider's 授权代理方 acts as the provider (10号 五（四）1). */
function allowed(ctx: ShareContext, req: ShareRequest, step: Step, actor: Actor): { onBehalfOf?: string } | null {
  const role = ctx.roleOf(actor);
  if (step.by === 'manager') return role === 'manager' ? {} : null;
  if (step.by === 'user') return actor.unit === req.userUnit ? {} : null;
  if (!actsForProvider(ctx, req.resourceId, actor)) return null;
  return actor.unit === req.providerUnit ? {} : { onBehalfOf: req.providerUnit };
}

export function actOnRequest(ctx: ShareContext, id: number, name: keyof typeof STEPS, actor: Actor, input: { reason?: string; comment?: string } = {}): ShareRequest {
  const step = STEPS[name];
  if (!step) throw new GongbaoError('bad-argument', `未知的办理动作：${String(name).slice(0, 20)}`);
  return ctx.run(actor, name, subject(id), (at) => {
    const req = load<ShareRequest>(ctx.db, 'share_requests', id);
    const who = allowed(ctx, req, step, actor);
    if (!who) throw new GongbaoError('forbidden', `${actor.unit}无权办理此项（应由${WHO[step.by]}办理）`);
    if (!step.from.includes(req.status)) throw new GongbaoError('conflict', `申请当前状态为“${REQUEST_STATUS_LABEL[req.status]}”，不能${REQUEST_ACTION_LABEL[step.action]}`);
    ctx.checkTime(subject(id), at);
    const today = ctx.today();
    const reason = input.reason?.trim() || null;
    const next: ShareRequest = { ...req, version: req.version + 1 };
    let to: RequestStatus = req.status;
    let late = false;
    switch (step.action) {
      case 'approve-review':
      case 'reject-review':
        late = req.reviewDue !== null && today > req.reviewDue;
        Object.assign(next, { reviewedAt: at, reviewLate: late });
        if (step.action === 'reject-review') (to = 'rejected'), Object.assign(next, { reason, decidedAt: at });
        else if (req.type === 'unconditional') (to = 'granted'), (next.decidedAt = at);
        else {
          const r = ctx.due(today, ctx.profile.responseWithinWorkdays);
          to = 'awaiting_provider';
          Object.assign(next, { responseDue: r.due, calendarConfirmed: req.calendarConfirmed && r.confirmed });
        }
        break;
      case 'approve':
      case 'refuse':
        if (step.action === 'refuse' && [...(reason ?? '').replace(/[\s\p{P}]/gu, '')].length < 2) {
          throw new GongbaoError('bad-argument', '不予提供须说明理由和依据（--reason，10号 五（三）2：对不予提供的，提供部门应说明理由；五（四）2：对驳回的申请要提供充分的依据）');
        }
        if (req.status === 'awaiting_provider') {
          late = req.responseDue !== null && today > req.responseDue;
          Object.assign(next, { respondedAt: at, responseLate: late });
        }
        to = step.action === 'approve' ? 'granted' : 'refused';
        Object.assign(next, { respondedBy: actor.unit, decidedAt: at, ...(reason ? { reason } : {}) });
        break;
      case 'negotiate':
        if (events(ctx.db, subject(id)).some((e) => e.action === 'coordinate-uphold')) throw new GongbaoError('conflict', '管理部门已协调并维持不予提供，不能再申请协商');
        to = 'negotiating';
        break;
      case 'escalate':
        to = 'coordinating';
        break;
      case 'coordinate-grant':
      case 'coordinate-uphold':
        if (!reason) throw new GongbaoError('bad-argument', '请写明协调意见（--reason）');
        to = step.action === 'coordinate-grant' ? 'granted' : 'refused';
        Object.assign(next, { decidedAt: at, reason });
        break;
      case 'withdraw':
        to = 'withdrawn';
        break;
      default:
        break;
    }
    next.status = to;
    save(ctx.db, 'share_requests', next, req.version, { status: to });
    append(ctx.db, subject(id), {
      action: step.action, from: req.status, to, actor, at, comment: reason ?? input.comment ?? null,
      refs: { ...(who.onBehalfOf ? { onBehalfOf: who.onBehalfOf } : {}), ...(late ? { late } : {}) },
    });
    return next;
  });
}

/** The steps this actor may take on this request now (for the pages). */
export function stepsFor(ctx: ShareContext, req: ShareRequest, actor: Actor): (keyof typeof STEPS)[] {
  const upheld = req.status === 'refused' && events(ctx.db, subject(req.id)).some((e) => e.action === 'coordinate-uphold');
  return (Object.keys(STEPS) as (keyof typeof STEPS)[]).filter((k) => {
    const step = STEPS[k]!;
    return step.from.includes(req.status) && !(k === 'negotiate' && upheld) && allowed(ctx, req, step, actor) !== null;
  });
}

/** Who may see a request: its two departments, the provider's agent, the 管理部门, the office and leaders. */
export function canSeeRequest(ctx: ShareContext, req: ShareRequest, actor: Actor): boolean {
  if (ctx.roleOf(actor) !== 'department') return true;
  return actor.unit === req.userUnit || actsForProvider(ctx, req.resourceId, actor);
}

export type RequestView = ShareRequest & { history: ShareEvent[]; warnings: ShareWarning[] };

export function showRequest(ctx: ShareContext, id: number, actor: Actor): RequestView {
  const req = load<ShareRequest>(ctx.db, 'share_requests', id);
  if (!canSeeRequest(ctx, req, actor)) ctx.refuse(actor, 'show', subject(id), `${actor.unit}无权查看此共享申请`);
  return { ...req, history: events(ctx.db, subject(id)), warnings: warningsOf(ctx.db, 'subject = :s', { s: subject(id) }) };
}

export function listRequests(ctx: ShareContext, actor: Actor, filter: { status?: RequestStatus; unit?: string } = {}): ShareRequest[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.status) (where.push('status = :s'), (params.s = filter.status));
  if (filter.unit) (where.push('(provider_unit = :u OR user_unit = :u)'), (params.u = ctx.unit(filter.unit, '部门')));
  return list<ShareRequest>(ctx.db, 'share_requests', where.join(' AND '), params).filter((r) => canSeeRequest(ctx, r, actor));
}
