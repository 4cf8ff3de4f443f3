// Corrections (10号 五（五）): a using department reports a doubt or an error
// in shared data; the provider (or its 授权代理方) checks and corrects it
// within 5 working days of receiving the report. A correction made after
// that is recorded as late.
import { GongbaoError } from '../errors.js';
import type { Actor } from '../supervise/model.js';
import type { ShareContext } from './context.js';
import { actsForProvider } from './catalogue.js';
import type { Correction, Resource } from './model.js';
import { append, events, insert, list, load, save, subjectOf, warningsOf, type ShareEvent, type ShareWarning } from './store.js';

const subject = (id: number) => subjectOf('share_corrections', id);

export function reportCorrection(ctx: ShareContext, input: { resourceId: number; problem?: string }, actor: Actor): Correction {
  return ctx.run(actor, 'correction-report', `resource:${input.resourceId}`, (at) => {
    if (ctx.roleOf(actor) === 'viewer') throw new GongbaoError('forbidden', `${actor.unit}不是使用部门，不能反馈数据错误`);
    const r = load<Resource>(ctx.db, 'share_resources', input.resourceId);
    if (r.providerUnit === actor.unit) throw new GongbaoError('bad-argument', '这是本部门自己的资源，请直接校核更正');
    const problem = ctx.text(input.problem, '疑义或错误情况（--problem）');
    const { due, confirmed } = ctx.due(ctx.today(), ctx.profile.correctionWithinWorkdays);
    const c = insert<Correction>(ctx.db, 'share_corrections', { resource_id: r.id, provider_unit: r.providerUnit, user_unit: actor.unit, status: 'reported' }, {
      resourceId: r.id, resourceName: r.name, providerUnit: r.providerUnit, userUnit: actor.unit, problem, status: 'reported',
      receivedAt: at, due, correctedAt: null, note: null, late: false, calendarConfirmed: confirmed, version: 1,
    });
    append(ctx.db, subject(c.id), { action: 'correction-report', from: null, to: 'reported', actor, at, comment: problem, refs: { due } });
    return c;
  });
}

export function completeCorrection(ctx: ShareContext, id: number, note: string | undefined, actor: Actor): Correction {
  return ctx.run(actor, 'correction-done', subject(id), (at) => {
    const c = load<Correction>(ctx.db, 'share_corrections', id);
    if (!actsForProvider(ctx, c.resourceId, actor)) throw new GongbaoError('forbidden', `${actor.unit}无权办理此项（应由提供部门${c.providerUnit}校核更正）`);
    if (c.status !== 'reported') throw new GongbaoError('conflict', '该反馈已校核更正');
    ctx.checkTime(subject(id), at);
    const late = ctx.today() > c.due;
    const next: Correction = { ...c, status: 'corrected', correctedAt: at, note: note?.trim() || null, late, version: c.version + 1 };
    save(ctx.db, 'share_corrections', next, c.version, { status: 'corrected' });
    append(ctx.db, subject(id), { action: 'correction-done', from: 'reported', to: 'corrected', actor, at, comment: next.note, refs: { late, ...(actor.unit !== c.providerUnit ? { onBehalfOf: c.providerUnit } : {}) } });
    return next;
  });
}

export function canSeeCorrection(ctx: ShareContext, c: Correction, actor: Actor): boolean {
  if (ctx.roleOf(actor) !== 'department') return true;
  return actor.unit === c.userUnit || actsForProvider(ctx, c.resourceId, actor);
}

export function showCorrection(ctx: ShareContext, id: number, actor: Actor): Correction & { history: ShareEvent[]; warnings: ShareWarning[] } {
  const c = load<Correction>(ctx.db, 'share_corrections', id);
  if (!canSeeCorrection(ctx, c, actor)) ctx.refuse(actor, 'show', subject(id), `${actor.unit}无权查看此纠错反馈`);
  return { ...c, history: events(ctx.db, subject(id)), warnings: warningsOf(ctx.db, 'subject = :s', { s: subject(id) }) };
}

export function listCorrections(ctx: ShareContext, actor: Actor): Correction[] {
  return list<Correction>(ctx.db, 'share_corrections').filter((c) => canSeeCorrection(ctx, c, actor));
}
