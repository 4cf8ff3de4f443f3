// 政务数据资源目录 (10号 三、四): each department lists its resources with a
// share type; 不予共享 needs its reason (and basis); 专用 names the
// departments it serves; a 授权代理方 may answer requests for the provider.
// A change in law or in a department's duties is recorded as a trigger: the
// department's catalogue is due for an update within 15 working days, and
// any change it makes to its catalogue after the trigger answers it.
import { GongbaoError } from '../errors.js';
import type { Actor } from '../supervise/model.js';
import { isRealDay } from '../supervise/calendar.js';
import type { ShareContext } from './context.js';
import { parseShareType, SHARE_TYPE_HINT, SHARE_TYPE_LABEL, TRIGGER_KINDS, type CatalogueTrigger, type Resource, type ShareType, type TriggerKind } from './model.js';
import { append, insert, list, load, save, subjectOf } from './store.js';

export interface ResourceInput {
  name?: string;
  type?: ShareType;
  /** 专用: the departments the resource serves. */
  exclusive?: string[];
  reason?: string;
  basis?: string;
  agent?: string | null;
  description?: string;
  /** The 管理部门 may list a resource for a department. */
  provider?: string;
}

/** Who may change a department's catalogue: the department itself, or the 管理部门. */
function ownerOf(ctx: ShareContext, actor: Actor, provider: string | undefined): string {
  const role = ctx.roleOf(actor);
  if (role === 'viewer') throw new GongbaoError('forbidden', `${actor.unit}不编制政务数据资源目录，目录由各政务部门编制`);
  if (provider && role !== 'manager') {
    const named = ctx.unit(provider, '提供部门');
    if (named !== actor.unit) throw new GongbaoError('forbidden', `${actor.unit}只能编制本部门的政务数据资源目录`);
  }
  return provider ? ctx.unit(provider, '提供部门') : actor.unit;
}

/** The rules a resource must meet whatever its change: 不予共享 gives a reason, 专用 is not 不予共享. */
function checkResource(r: Omit<Resource, 'id'>): void {
  if (r.type === 'none' && !r.reason) throw new GongbaoError('bad-argument', '不予共享类资源须说明理由和依据（--reason，10号 四（二）3：提供部门应当对不予共享提出充分合理的理由和依据）');
  if (r.type === 'none' && r.exclusiveUnits.length) throw new GongbaoError('bad-argument', '不予共享类资源不能标注“专用”');
  if (r.exclusiveUnits.includes(r.providerUnit)) throw new GongbaoError('bad-argument', '专用部门名单不应包含提供部门自己');
  if (r.agentUnit === r.providerUnit) throw new GongbaoError('bad-argument', '授权代理方应是提供部门以外的单位');
  if (!r.name) throw new GongbaoError('bad-argument', '请填写资源名称（--resource）');
}

const units = (ctx: ShareContext, names: string[] | undefined, what: string) => [...new Set((names ?? []).map((n) => n.trim()).filter(Boolean).map((n) => ctx.unit(n, what)))];

export function addResource(ctx: ShareContext, input: ResourceInput, actor: Actor): Resource {
  return ctx.run(actor, 'catalogue-add', 'catalogue', (at) => {
    const provider = ownerOf(ctx, actor, input.provider);
    if (!input.type) throw new GongbaoError('bad-argument', '请指定共享类型（--type 无条件|有条件|不予共享|专用）');
    const name = ctx.text(input.name, '资源名称（--resource）', 200);
    const state: Omit<Resource, 'id'> = {
      name, providerUnit: provider, type: input.type, exclusiveUnits: units(ctx, input.exclusive, '专用部门'),
      reason: input.reason?.trim() || null, basis: input.basis?.trim() || null,
      agentUnit: input.agent ? ctx.unit(input.agent, '授权代理方') : null, description: input.description?.trim() || null,
      createdAt: at, updatedAt: at, withdrawn: false,
    };
    checkResource(state);
    if (list<Resource>(ctx.db, 'share_resources', 'provider_unit = :p AND name = :n AND withdrawn = 0', { p: provider, n: name }).length) {
      throw new GongbaoError('conflict', `${provider}的目录中已有“${name.slice(0, 40)}”，修改请用 catalogue update`);
    }
    const r = insert<Resource & { version: number }>(ctx.db, 'share_resources', { provider_unit: provider, name }, { ...state, version: 1 });
    append(ctx.db, subjectOf('share_resources', r.id), { action: 'catalogue-add', from: null, to: r.type, actor, at, comment: null, refs: { resource: r } });
    answerTriggers(ctx, provider, at, actor, `目录新增：${name}`);
    return strip(r);
  });
}

export function updateResource(ctx: ShareContext, id: number, input: ResourceInput & { withdraw?: boolean; comment?: string }, actor: Actor): Resource {
  return ctx.run(actor, 'catalogue-update', `resource:${id}`, (at) => {
    const old = load<Resource & { version: number }>(ctx.db, 'share_resources', id);
    ownerOf(ctx, actor, old.providerUnit === actor.unit ? undefined : old.providerUnit);
    if (old.withdrawn) throw new GongbaoError('conflict', '该资源已从目录中撤下');
    ctx.checkTime(subjectOf('share_resources', id), at);
    const next: Resource & { version: number } = {
      ...old,
      ...(input.name !== undefined ? { name: ctx.text(input.name, '资源名称', 200) } : {}),
      ...(input.type ? { type: input.type } : {}),
      ...(input.exclusive ? { exclusiveUnits: units(ctx, input.exclusive, '专用部门') } : {}),
      ...(input.reason !== undefined ? { reason: input.reason.trim() || null } : {}),
      ...(input.basis !== undefined ? { basis: input.basis.trim() || null } : {}),
      ...(input.agent !== undefined ? { agentUnit: input.agent ? ctx.unit(input.agent, '授权代理方') : null } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() || null } : {}),
      ...(input.withdraw ? { withdrawn: true } : {}),
      updatedAt: at, version: old.version + 1,
    };
    // A new type without a new reason drops the old type's reason.
    if (input.type && input.type !== old.type && input.reason === undefined) next.reason = null;
    checkResource(next);
    const changed = Object.keys(next).filter((k) => k !== 'updatedAt' && k !== 'version' && JSON.stringify(next[k as keyof Resource]) !== JSON.stringify(old[k as keyof Resource]));
    if (!changed.length) throw new GongbaoError('bad-argument', '没有需要修改的内容');
    save(ctx.db, 'share_resources', next, old.version, { name: next.name, withdrawn: next.withdrawn ? 1 : 0 });
    const before = Object.fromEntries(changed.map((k) => [k, old[k as keyof Resource]]));
    const after = Object.fromEntries(changed.map((k) => [k, next[k as keyof Resource]]));
    append(ctx.db, subjectOf('share_resources', id), { action: next.withdrawn ? 'catalogue-withdraw' : 'catalogue-update', from: old.type, to: next.type, actor, at, comment: input.comment ?? null, refs: { before, after } });
    answerTriggers(ctx, old.providerUnit, at, actor, `目录${next.withdrawn ? '撤下' : '更新'}：${next.name}`);
    return strip(next);
  });
}

const strip = ({ version: _v, ...r }: Resource & { version: number }): Resource => r;

/** The listed resources, of one provider and of one type as typed (`专用`: those with a list of departments). */
export function resources(ctx: ShareContext, filter: { unit?: string; type?: string } = {}): Resource[] {
  const params: Record<string, unknown> = {};
  const type = filter.type ? parseShareType(filter.type) : null;
  if (filter.type && !type) throw new GongbaoError('bad-argument', `${SHARE_TYPE_HINT}：${filter.type.slice(0, 20)}`);
  if (filter.unit) params.u = ctx.unit(filter.unit, '提供部门');
  return list<Resource & { version: number }>(ctx.db, 'share_resources', `withdrawn = 0${filter.unit ? ' AND provider_unit = :u' : ''}`, params)
    .filter((r) => !type || (type.exclusive ? r.exclusiveUnits.length > 0 : r.type === type.type))
    .map(strip);
}

/** Who acts for a resource's provider: the provider itself, or its 授权代理方 (10号 五（四）1), whose decisions count as the provider's. */
export function actsForProvider(ctx: ShareContext, resourceId: number, actor: Actor): boolean {
  const r = load<Resource>(ctx.db, 'share_resources', resourceId);
  return actor.unit === r.providerUnit || (r.agentUnit !== null && actor.unit === r.agentUnit);
}

/** The label a resource shows: its type, and 专用 with its departments. */
export const typeLabel = (r: Resource) => `${SHARE_TYPE_LABEL[r.type]}${r.exclusiveUnits.length ? `（专用：${r.exclusiveUnits.join('、')}）` : ''}`;

// ───────────── catalogue-update triggers (三（二）) ─────────────

export function recordTrigger(ctx: ShareContext, input: { kind: TriggerKind; changedOn: string; note?: string; unit?: string }, actor: Actor): CatalogueTrigger {
  return ctx.run(actor, 'catalogue-change', 'catalogue', (at) => {
    const unit = ownerOf(ctx, actor, input.unit);
    if (!(input.kind in TRIGGER_KINDS)) throw new GongbaoError('bad-argument', '变化类型应为 law（法律法规修订）或 duty（职能变化）');
    if (!isRealDay(input.changedOn)) throw new GongbaoError('bad-argument', `发生变化的日期不是有效的日期：${input.changedOn.slice(0, 20)}`);
    if (input.changedOn > ctx.today()) throw new GongbaoError('bad-argument', `发生变化的日期 ${input.changedOn} 晚于今天`);
    const { due, confirmed } = ctx.due(input.changedOn, ctx.profile.catalogueUpdateWithinWorkdays);
    const t = insert<CatalogueTrigger & { version: number }>(ctx.db, 'share_triggers', { unit }, {
      unit, kind: input.kind, note: input.note?.trim() || null, changedOn: input.changedOn, due, recordedAt: at, updatedAt: null, late: false,
      calendarConfirmed: confirmed, version: 1,
    });
    append(ctx.db, subjectOf('share_triggers', t.id), { action: 'catalogue-change', from: null, to: 'open', actor, at, comment: t.note, refs: { kind: t.kind, changedOn: t.changedOn, due } });
    return t;
  });
}

/** Open triggers of a unit are answered by a catalogue change made after they were recorded. */
function answerTriggers(ctx: ShareContext, unit: string, at: string, actor: Actor, what: string): void {
  for (const t of list<CatalogueTrigger & { version: number }>(ctx.db, 'share_triggers', 'unit = :u', { u: unit })) {
    if (t.updatedAt || t.recordedAt > at) continue;
    const late = ctx.today() > t.due;
    const next = { ...t, updatedAt: at, late, version: t.version + 1 };
    save(ctx.db, 'share_triggers', next, t.version);
    append(ctx.db, subjectOf('share_triggers', t.id), { action: 'catalogue-updated', from: 'open', to: 'updated', actor, at, comment: what, refs: { late } });
  }
}

export function triggers(ctx: ShareContext, unit?: string): CatalogueTrigger[] {
  return list<CatalogueTrigger>(ctx.db, 'share_triggers', unit ? 'unit = :u' : '', unit ? { u: unit } : {});
}
