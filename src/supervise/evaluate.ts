// Evaluation (§四): a grade per task, a score per unit, a ranking per quarter
// or year, and the rule that a unit summoned twice or red-carded three times
// in a year cannot be rated 优秀. Formula (docs/SUPERVISION.md):
//   score = mean grade points + min(volumeBonusMax, volumeBonusPerTask × graded tasks)
//           − summonPenalty × summons − redCardPenalty × red cards   (all within the period)
import { GongbaoError } from '../errors.js';
import { chinaDay, endOfChinaDay, startOfChinaDay } from './calendar.js';
import type { Grade, Task } from './model.js';
import type { Supervision } from './service.js';
import { warnings as taskWarnings, type Warning } from './task-store.js';

export interface PeriodRange {
  label: string;
  from: string;
  to: string;
  year: number;
}

export function parsePeriod(spec: { quarter?: string; year?: string }): PeriodRange {
  if (spec.quarter) {
    const m = /^(\d{4})\s*[Qq]([1-4])$/.exec(spec.quarter.trim());
    if (!m) throw new GongbaoError('bad-argument', `季度格式应为 2022Q2：${spec.quarter}`);
    const y = Number(m[1]);
    const q = Number(m[2]);
    const from = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    const to = `${y}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
    return { label: `${y}年第${q}季度`, from, to, year: y };
  }
  if (spec.year && /^\d{4}$/.test(spec.year.trim())) {
    const y = Number(spec.year);
    return { label: `${y}年度`, from: `${y}-01-01`, to: `${y}-12-31`, year: y };
  }
  throw new GongbaoError('bad-argument', '请指定 --quarter 2022Q2 或 --year 2022');
}

export interface GradeExplained {
  grade: Grade | null;
  /** How the grade was reached, in the words of 8号 §四（一）. */
  reasons: string[];
}

/**
 * The automatic grade by 五政办发〔2022〕8号 §四（一）, with the reasons:
 *   落实好    only a leader's override (it needs 表扬、批示肯定 the system cannot see);
 *   落实较好  "提前按要求完成": closed before the original due date, never extended,
 *             accepted and reported on time, never overdue;
 *   基本落实  "在规定时限内按要求基本完成…能及时报告进展情况": closed by the (extended) due date;
 *   落实不力  closed late, or still open after the due date ("经督查督办后仍未按要求完成");
 *   落实较差  "工作进度严重滞后且不及时报告": late with a red card or escalation, and no report since the due date.
 * Warnings are kept whatever happens later: an approved extension does not erase lateness before it.
 */
export function explainGrade(t: Task, ws: Warning[], today: string): GradeExplained {
  if (t.gradeOverride) return { grade: t.gradeOverride.grade, reasons: [`${t.gradeOverride.by}评定：${t.gradeOverride.reason}`] };
  if (t.status === 'cancelled') return { grade: null, reasons: ['任务已撤销，不评定'] };
  const has = (kind: string) => ws.some((w) => w.kind === kind);
  const reasons: string[] = [];
  const lateAccept = has('accept-overdue');
  const lateReport = has('report-overdue');
  const wasOverdue = has('overdue') || has('supervision-notice');
  const severe = has('red-card') || has('escalated');
  if (lateAccept) reasons.push('承办超过一个工作日的时限');
  if (lateReport) reasons.push('未按时反馈进展情况');
  if (t.extensions > 0) reasons.push(`经批准延期 ${t.extensions} 次（原期限 ${t.originalDue}，现期限 ${t.due}）`);
  if (wasOverdue) reasons.push('曾超过办结期限（超期预警或督办通知书）');
  if (severe) reasons.push(has('red-card') ? '受到红牌警告' : '已提请升级督办');
  const closed = t.closedAt ? chinaDay(new Date(t.closedAt)) : null;
  if (closed) {
    if (closed < t.originalDue && t.extensions === 0 && !lateAccept && !lateReport && !wasOverdue) {
      return { grade: '落实较好', reasons: [`${closed} 办结，早于期限 ${t.originalDue}（提前按要求完成），按时承办和反馈`] };
    }
    if (closed <= t.due && !wasOverdue) {
      return { grade: '基本落实', reasons: [`${closed} 办结，在规定时限 ${t.due} 内`, ...reasons] };
    }
    return { grade: '落实不力', reasons: [`${closed} 办结，晚于期限 ${t.due}`, ...reasons] };
  }
  if (today <= t.due && !wasOverdue) return { grade: null, reasons: [`尚未到期（期限 ${t.due}），暂不评定`] };
  const reportedSinceDue = t.lastReportAt !== null && chinaDay(new Date(t.lastReportAt)) > t.due;
  if (severe && !reportedSinceDue) return { grade: '落实较差', reasons: [`超过期限 ${t.due} 仍未办结，进度严重滞后且期限后未报告`, ...reasons] };
  return { grade: '落实不力', reasons: [`超过期限 ${t.due} 仍未办结（经督办仍未按要求完成）`, ...reasons] };
}

/** The automatic grade alone. */
export function autoGrade(t: Task, ws: Warning[], today: string): Grade | null {
  return explainGrade(t, ws, today).grade;
}

export interface UnitEvaluation {
  rank: number;
  unit: string;
  tasks: number;
  graded: number;
  onTime: number;
  overdue: number;
  extended: number;
  summons: number;
  redCards: number;
  summonsInYear: number;
  redCardsInYear: number;
  grades: Record<Grade, number>;
  score: number;
  rating: '优秀' | '良好' | '一般' | '较差' | '未评';
  /** Why the rating is capped below 优秀, when it is. */
  capped: string | null;
}

export function evaluate(sv: Supervision, period: PeriodRange): { period: PeriodRange; units: UnitEvaluation[]; tasks: { id: number; unit: string; title: string; grade: Grade | null; reasons: string[] }[] } {
  const p = sv.profile;
  const today = sv.today();
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
  const tasks = sv.list().filter((t) => t.status !== 'cancelled' && inPeriod(t.due));
  const graded = tasks.map((t) => {
    const ws = taskWarnings(sv.db, t.id);
    const g = explainGrade(t, ws, today);
    return { t, ws, grade: g.grade, reasons: g.reasons };
  });
  // Instants are stored in UTC: a period runs from 00:00 China time on its first day to the end of its last.
  const count = (sql: string, unit: string, from: string, to: string) =>
    (sv.db.prepare(sql).get({ unit, from: startOfChinaDay(from).toISOString(), to: endOfChinaDay(to).toISOString() }) as { n: number }).n;
  const summonsSql = 'SELECT count(*) AS n FROM summons WHERE unit = :unit AND at >= :from AND at <= :to';
  const redSql = "SELECT count(*) AS n FROM task_warnings WHERE unit = :unit AND kind = 'red-card' AND raised_at >= :from AND raised_at <= :to";
  const units = [...new Set(graded.map((g) => g.t.leadUnit))].map((unit): UnitEvaluation => {
    const mine = graded.filter((g) => g.t.leadUnit === unit);
    const withGrade = mine.filter((g) => g.grade);
    const grades = { 落实好: 0, 落实较好: 0, 基本落实: 0, 落实不力: 0, 落实较差: 0 } as Record<Grade, number>;
    for (const g of withGrade) grades[g.grade!]++;
    const summons = count(summonsSql, unit, period.from, period.to);
    const redCards = count(redSql, unit, period.from, period.to);
    const summonsInYear = count(summonsSql, unit, `${period.year}-01-01`, `${period.year}-12-31`);
    const redCardsInYear = count(redSql, unit, `${period.year}-01-01`, `${period.year}-12-31`);
    const mean = withGrade.length ? withGrade.reduce((s, g) => s + p.gradePoints[g.grade!], 0) / withGrade.length : 0;
    const score = withGrade.length
      ? Math.round((mean + Math.min(p.volumeBonusMax, p.volumeBonusPerTask * withGrade.length) - p.summonPenalty * summons - p.redCardPenalty * redCards) * 10) / 10
      : 0;
    let rating: UnitEvaluation['rating'] = !withGrade.length ? '未评' : score >= p.ratingThresholds.优秀 ? '优秀' : score >= p.ratingThresholds.良好 ? '良好' : score >= p.ratingThresholds.一般 ? '一般' : '较差';
    let capped: string | null = null;
    if (summonsInYear >= p.notExcellent.summonsPerYear || redCardsInYear >= p.notExcellent.redCardsPerYear) {
      capped = `本年度被约谈 ${summonsInYear} 次、红牌警告 ${redCardsInYear} 次，不得评为优秀`;
      if (rating === '优秀') rating = '良好';
    }
    const closedOnTime = (g: (typeof mine)[number]) => g.t.closedAt && chinaDay(new Date(g.t.closedAt)) <= g.t.due;
    return {
      rank: 0, unit, tasks: mine.length, graded: withGrade.length,
      onTime: mine.filter(closedOnTime).length,
      overdue: mine.filter((g) => !closedOnTime(g) && (g.t.closedAt || today > g.t.due)).length,
      extended: mine.filter((g) => g.t.extensions > 0).length,
      summons, redCards, summonsInYear, redCardsInYear, grades, score, rating, capped,
    };
  });
  units.sort((a, b) => b.score - a.score || b.tasks - a.tasks || a.unit.localeCompare(b.unit, 'zh'));
  units.forEach((u, i) => (u.rank = i + 1));
  return { period, units, tasks: graded.map((g) => ({ id: g.t.id, unit: g.t.leadUnit, title: g.t.title, grade: g.grade, reasons: g.reasons })) };
}
