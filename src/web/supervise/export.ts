// The quarterly/yearly evaluation as a table: CSV (UTF-8 with BOM, via the
// API's CSV writer) and XLSX (api/xlsx.ts), with the same columns.
import type { Context } from 'hono';
import { GRADES } from '../../supervise/model.js';
import type { evaluate } from '../../supervise/evaluate.js';
import { attachment, csvResponse } from '../api/csv.js';
import { tableXlsx, XLSX_TYPE } from '../api/xlsx.js';

type Evaluation = ReturnType<typeof evaluate>;

export const EVALUATION_HEADER = [
  '排名', '单位', '任务数', '已评定', '按时办结', '超期', '延期', ...GRADES, '本期约谈', '本期红牌', '本年约谈', '本年红牌', '得分', '评定结果', '备注',
];

export function evaluationRows(r: Evaluation): (string | number)[][] {
  return r.units.map((u) => [
    u.rank, u.unit, u.tasks, u.graded, u.onTime, u.overdue, u.extended, ...GRADES.map((g) => u.grades[g]),
    u.summons, u.redCards, u.summonsInYear, u.redCardsInYear, u.score, u.rating, u.capped ?? '',
  ]);
}

const fileName = (r: Evaluation, ext: string) => `${r.period.label}抓落实考核评价.${ext}`;
const asciiName = (r: Evaluation, ext: string) => `evaluation-${r.period.from}-${r.period.to}.${ext}`;

export function evaluationCsv(c: Context, r: Evaluation): Response {
  return csvResponse(c, fileName(r, 'csv'), asciiName(r, 'csv'), EVALUATION_HEADER, evaluationRows(r));
}

export async function evaluationXlsx(c: Context, r: Evaluation): Promise<Response> {
  const body = await tableXlsx({
    title: `${r.period.label}抓落实考核评价排名（${r.period.from} 至 ${r.period.to}）`, sheet: '考核评价', header: EVALUATION_HEADER,
    rows: evaluationRows(r), widths: { 单位: 24, 备注: 44 },
  });
  return c.body(body, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': attachment(fileName(r, 'xlsx'), asciiName(r, 'xlsx')) });
}
