// Oversight of the sharing workflow: a board per department (what it lists,
// what it was asked and answered, what it asked for, corrections, catalogue
// updates, open warnings) and the 管理部门's evaluation of a period (10号 七
// 监督检查): every missed limit counted against the department that missed
// it, and, where the count reaches the profile's threshold, a suggested
// 书面通报 (七（三）: “由本级政务信息管理部门根据实际情况予以书面通报”).
import type { Actor } from '../supervise/model.js';
import { chinaDay } from '../supervise/calendar.js';
import type { PeriodRange } from '../supervise/evaluate.js';
import type { ShareContext } from './context.js';
import type { CatalogueTrigger, Correction, Resource, ShareRequest } from './model.js';
import { list, warningsOf } from './store.js';

export interface UnitBoard {
  unit: string;
  resources: { total: number; unconditional: number; conditional: number; none: number; exclusive: number };
  asProvider: { received: number; pending: number; granted: number; refused: number; late: number };
  asUser: { requests: number; pending: number; granted: number; refused: number; rejected: number };
  corrections: { received: number; open: number; late: number };
  catalogue: { triggers: number; open: number; late: number };
  warnings: number;
}

interface All {
  resources: Resource[];
  requests: ShareRequest[];
  corrections: Correction[];
  triggers: CatalogueTrigger[];
}

const all = (ctx: ShareContext): All => ({
  resources: list<Resource>(ctx.db, 'share_resources', 'withdrawn = 0'),
  requests: list<ShareRequest>(ctx.db, 'share_requests'),
  corrections: list<Correction>(ctx.db, 'share_corrections'),
  triggers: list<CatalogueTrigger>(ctx.db, 'share_triggers'),
});

/** Late as of `asOf`: done after its due day, or not done and the due day has passed. */
const lateBy = (due: string | null, doneAt: string | null, asOf: string) => due !== null && (doneAt ? chinaDay(new Date(doneAt)) > due : asOf > due);

/** The board of every department that takes part (a department sees only its own row). */
export function board(ctx: ShareContext, actor: Actor): UnitBoard[] {
  const a = all(ctx);
  const today = ctx.today();
  const units = new Set<string>([
    ...a.resources.map((r) => r.providerUnit), ...a.requests.flatMap((q) => [q.providerUnit, q.userUnit]),
    ...a.corrections.map((c) => c.providerUnit), ...a.triggers.map((t) => t.unit),
  ]);
  const warned = new Map<string, number>();
  for (const w of warningsOf(ctx.db, "kind <> 'reminder'")) warned.set(w.unit, (warned.get(w.unit) ?? 0) + 1);
  const rows = [...units].sort((x, y) => x.localeCompare(y, 'zh')).map((unit): UnitBoard => {
    const res = a.resources.filter((r) => r.providerUnit === unit);
    const given = a.requests.filter((q) => q.providerUnit === unit && q.responseDue !== null);
    const asked = a.requests.filter((q) => q.userUnit === unit);
    const corr = a.corrections.filter((c) => c.providerUnit === unit);
    const trig = a.triggers.filter((t) => t.unit === unit);
    return {
      unit,
      resources: {
        total: res.length, unconditional: res.filter((r) => r.type === 'unconditional').length, conditional: res.filter((r) => r.type === 'conditional').length,
        none: res.filter((r) => r.type === 'none').length, exclusive: res.filter((r) => r.exclusiveUnits.length).length,
      },
      asProvider: {
        received: given.length, pending: given.filter((q) => q.status === 'awaiting_provider' || q.status === 'negotiating').length,
        granted: given.filter((q) => q.status === 'granted').length, refused: given.filter((q) => q.status === 'refused').length,
        late: given.filter((q) => lateBy(q.responseDue, q.respondedAt, today)).length,
      },
      asUser: {
        requests: asked.length, pending: asked.filter((q) => ['submitted', 'awaiting_provider', 'negotiating', 'coordinating'].includes(q.status)).length,
        granted: asked.filter((q) => q.status === 'granted').length, refused: asked.filter((q) => q.status === 'refused').length,
        rejected: asked.filter((q) => q.status === 'rejected').length,
      },
      corrections: { received: corr.length, open: corr.filter((c) => c.status === 'reported').length, late: corr.filter((c) => lateBy(c.due, c.correctedAt, today)).length },
      catalogue: { triggers: trig.length, open: trig.filter((t) => !t.updatedAt).length, late: trig.filter((t) => lateBy(t.due, t.updatedAt, today)).length },
      warnings: warned.get(unit) ?? 0,
    };
  });
  return ctx.roleOf(actor) === 'department' ? rows.filter((r) => r.unit === actor.unit) : rows;
}

export interface UnitEvaluation {
  rank: number;
  unit: string;
  reviews: number;
  lateReviews: number;
  received: number;
  lateResponses: number;
  refused: number;
  corrections: number;
  lateCorrections: number;
  catalogueUpdates: number;
  lateCatalogue: number;
  lateItems: number;
  result: '按时' | '有逾期' | '建议书面通报';
  findings: string[];
}

export interface SharingEvaluation {
  period: PeriodRange;
  asOf: string;
  units: UnitEvaluation[];
}

/**
 * The 管理部门's evaluation of a period: the items whose limit fell in the
 * period, as of the period's end (or today, if earlier), each missed limit
 * counted against the department that missed it.
 */
export function evaluateSharing(ctx: ShareContext, period: PeriodRange): SharingEvaluation {
  const a = all(ctx);
  const today = ctx.today();
  const asOf = period.to < today ? period.to : today;
  const inPeriod = (due: string | null) => due !== null && due >= period.from && due <= period.to;
  const rows = new Map<string, Omit<UnitEvaluation, 'rank' | 'result' | 'lateItems'>>();
  const row = (unit: string) => {
    let r = rows.get(unit);
    if (!r) rows.set(unit, (r = { unit, reviews: 0, lateReviews: 0, received: 0, lateResponses: 0, refused: 0, corrections: 0, lateCorrections: 0, catalogueUpdates: 0, lateCatalogue: 0, findings: [] }));
    return r;
  };
  for (const q of a.requests) {
    if (inPeriod(q.reviewDue)) {
      const r = row(ctx.manager);
      r.reviews++;
      if (lateBy(q.reviewDue, q.reviewedAt, asOf)) (r.lateReviews++, r.findings.push(`申请 #${q.id} 符合性审查逾期（时限 ${q.reviewDue}）`));
    }
    if (inPeriod(q.responseDue)) {
      const r = row(q.providerUnit);
      r.received++;
      if (lateBy(q.responseDue, q.respondedAt, asOf)) (r.lateResponses++, r.findings.push(`申请 #${q.id} 答复逾期（时限 ${q.responseDue}）`));
      if (q.status === 'refused') r.refused++;
    }
  }
  for (const c of a.corrections.filter((x) => inPeriod(x.due))) {
    const r = row(c.providerUnit);
    r.corrections++;
    if (lateBy(c.due, c.correctedAt, asOf)) (r.lateCorrections++, r.findings.push(`纠错反馈 #${c.id} 校核更正逾期（时限 ${c.due}）`));
  }
  for (const t of a.triggers.filter((x) => inPeriod(x.due))) {
    const r = row(t.unit);
    r.catalogueUpdates++;
    if (lateBy(t.due, t.updatedAt, asOf)) (r.lateCatalogue++, r.findings.push(`未按时更新政务数据资源目录（时限 ${t.due}）`));
  }
  const scored = [...rows.values()].map((r) => {
    const lateItems = r.lateReviews + r.lateResponses + r.lateCorrections + r.lateCatalogue;
    const result: UnitEvaluation['result'] = lateItems === 0 ? '按时' : lateItems >= ctx.profile.reportAfterLateItems ? '建议书面通报' : '有逾期';
    return { ...r, lateItems, result };
  });
  scored.sort((x, y) => x.lateItems - y.lateItems || x.unit.localeCompare(y.unit, 'zh'));
  let rank = 0;
  const units = scored.map((r, i) => ({ ...r, rank: i > 0 && scored[i - 1]!.lateItems === r.lateItems ? rank : (rank = i + 1) }));
  return { period, asOf, units };
}

export const EVALUATION_HEADER = ['排名', '部门', '符合性审查', '审查逾期', '收到申请', '答复逾期', '不予提供', '纠错反馈', '更正逾期', '目录更新', '目录更新逾期', '逾期合计', '评估结果', '情况'];

export const evaluationRows = (e: SharingEvaluation): (string | number)[][] =>
  e.units.map((u) => [u.rank, u.unit, u.reviews, u.lateReviews, u.received, u.lateResponses, u.refused, u.corrections, u.lateCorrections, u.catalogueUpdates, u.lateCatalogue, u.lateItems, u.result, u.findings.join('；')]);

export const BOARD_HEADER = ['部门', '目录资源', '无条件', '有条件', '不予共享', '专用', '收到申请', '待答复', '已提供', '不予提供', '答复逾期', '提出申请', '待办', '获得共享', '被拒', '未通过审查', '纠错反馈', '待更正', '更正逾期', '目录更新事项', '待更新', '更新逾期', '预警'];

export const boardRows = (b: UnitBoard[]): (string | number)[][] =>
  b.map((u) => [u.unit, u.resources.total, u.resources.unconditional, u.resources.conditional, u.resources.none, u.resources.exclusive,
    u.asProvider.received, u.asProvider.pending, u.asProvider.granted, u.asProvider.refused, u.asProvider.late,
    u.asUser.requests, u.asUser.pending, u.asUser.granted, u.asUser.refused, u.asUser.rejected,
    u.corrections.received, u.corrections.open, u.corrections.late, u.catalogue.triggers, u.catalogue.open, u.catalogue.late, u.warnings]);
