// The quarterly/yearly evaluation as a table: CSV (UTF-8 with BOM, via the
// API's CSV writer) and XLSX (write-excel-file), with the same columns.
import type { Context } from 'hono';
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { GRADES } from '../../supervise/model.js';
import type { evaluate } from '../../supervise/evaluate.js';
import { attachment, csvResponse } from '../api/csv.js';

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
  const title: Cell[] = [{ value: `${r.period.label}抓落实考核评价排名（${r.period.from} 至 ${r.period.to}）`, fontWeight: 'bold', fontSize: 14, columnSpan: EVALUATION_HEADER.length }, ...EVALUATION_HEADER.slice(1).map(() => null)];
  const head: Cell[] = EVALUATION_HEADER.map((h) => ({ value: h, fontWeight: 'bold', backgroundColor: '#EEF2F7', align: 'center', borderStyle: 'thin' }));
  // Strings are written as text cells: nothing a user typed can become a formula.
  const rows: Cell[][] = evaluationRows(r).map((row) => row.map((v) => (typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String })));
  const buffer = await writeXlsxFile([title, head, ...rows], {
    sheet: '考核评价',
    columns: EVALUATION_HEADER.map((h) => ({ width: h === '单位' ? 24 : h === '备注' ? 44 : 10 })),
    stickyRowsCount: 2,
  }, { fontFamily: '宋体', fontSize: 11 }).toBuffer();
  return c.body(new Uint8Array(buffer), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': attachment(fileName(r, 'xlsx'), asciiName(r, 'xlsx')),
  });
}
