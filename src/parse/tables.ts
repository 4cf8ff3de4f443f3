// Tables: runs of tab-separated lines. Conversion splits a printed table at
// every page break (blank lines, a footer, the header printed again), wraps
// long cells, merges cells into empty fields and sometimes shifts a row; this
// module puts one table back together and leaves every source line traceable.
import type { SourceLine } from '../text/lines.js';
import {
  chooseHeaderRows,
  flattenHeader,
  nonEmptyCount,
  planHeader,
  rowSignature,
} from './table-header.js';
import {
  INTERLEAVED_THRESHOLD,
  appendToLastCell,
  fitRow,
  interleavedScore,
  isCaptionText,
  isUnitNote,
  isWrappedCellText,
  stripLeader,
  withUnit,
} from './table-layout.js';
import type { Diagnostic, Table } from './types.js';

export interface TableScan {
  tables: Table[];
  /** Source line numbers that belong to a table (rows, repeated headers, caption, unit note). */
  consumed: Set<number>;
  diagnostics: Diagnostic[];
}

interface RunRow {
  no: number;
  cells: string[];
}

interface Run {
  rows: RunRow[];
  /** Every content line of the run: tab rows and wrapped cell text. */
  lineNos: number[];
  /** Index in `lines` of the run's last content line. */
  end: number;
}

/** A tab line whose cells are all empty carries no content, like a blank line. */
const isTabRow = (l: SourceLine): boolean => l.cells !== null && !l.blank;
const isGap = (l: SourceLine): boolean => l.blank;

/** A few consecutive wrapped lines are plausible; more means body text has resumed. */
const MAX_WRAPPED_LINES = 2;

function collectRun(lines: readonly SourceLine[], start: number): Run {
  const first = lines[start]!;
  const rows: RunRow[] = [{ no: first.no, cells: first.cells!.map(stripLeader) }];
  const lineNos = [first.no];
  const headSigs = new Set([rowSignature(rows[0]!.cells)]);
  let end = start;
  let wrapped = 0;
  let k = start + 1;
  while (k < lines.length) {
    let m = k;
    while (m < lines.length && isGap(lines[m]!)) m++;
    if (m >= lines.length) break;
    const gap = m > k;
    const l = lines[m]!;
    const prev = rows[rows.length - 1]!;
    if (isTabRow(l)) {
      const cells = l.cells!.map(stripLeader);
      // Across a page break the table continues only with rows of its own
      // shape or a reprinted header; anything else is the next table.
      const sameShape = cells.length === rows[0]!.cells.length || cells.length === prev.cells.length;
      if (gap && !sameShape && !headSigs.has(rowSignature(cells))) break;
      rows.push({ no: l.no, cells });
      if (rows.length <= 4) headSigs.add(rowSignature(cells));
      lineNos.push(l.no);
      end = m;
      k = m + 1;
      wrapped = 0;
      continue;
    }
    if (!gap && wrapped < MAX_WRAPPED_LINES && isWrappedCellText(l) && nextIsRowOfWidth(lines, m + 1, prev.cells.length)) {
      appendToLastCell(prev.cells, l.text);
      lineNos.push(l.no);
      end = m;
      k = m + 1;
      wrapped++;
      continue;
    }
    break;
  }
  return { rows, lineNos, end };
}

function nextIsRowOfWidth(lines: readonly SourceLine[], from: number, width: number): boolean {
  let m = from;
  while (m < lines.length && isGap(lines[m]!)) m++;
  const l = lines[m];
  return l !== undefined && isTabRow(l) && l.cells!.length === width;
}

interface CaptionFound {
  title: string | null;
  unit: string | null;
  lineNos: number[];
}

/** The caption and unit note printed just above the table, nearest first. */
function findCaption(lines: readonly SourceLine[], start: number, consumed: Set<number>): CaptionFound {
  const prevContent = (from: number): number => {
    let k = from;
    while (k >= 0 && isGap(lines[k]!)) k--;
    return k >= 0 && lines[k]!.cells === null && !consumed.has(lines[k]!.no) ? k : -1;
  };
  const found: CaptionFound = { title: null, unit: null, lineNos: [] };
  let k = prevContent(start - 1);
  if (k >= 0 && isUnitNote(lines[k]!.text)) {
    found.unit = lines[k]!.text;
    found.lineNos.push(lines[k]!.no);
    k = prevContent(k - 1);
  }
  if (k >= 0 && isCaptionText(lines[k]!.text)) {
    found.title = lines[k]!.text;
    found.lineNos.push(lines[k]!.no);
  }
  return found;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount || (c === bestCount && v > best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The header's printed width, trailing empty labels included (the last
 * column of 表5-1 has none). Rows wider than that are shifted or overlong,
 * unless most rows agree on a wider shape: then the header lost its tail.
 */
function tableWidth(headerRows: readonly string[][], widths: readonly number[]): number {
  const common = mode(widths);
  if (!headerRows.length) return Math.max(1, common);
  const header = Math.max(...headerRows.map((r) => r.length));
  const agreeing = widths.filter((w) => w === common).length;
  return common > header && agreeing * 2 > widths.length ? common : header;
}

function buildTable(
  run: Run,
  lines: readonly SourceLine[],
  runStart: number,
  scan: TableScan,
): void {
  const cells = run.rows.map((r) => r.cells);
  const firstNo = run.rows[0]!.no;
  const lastNo = run.lineNos[run.lineNos.length - 1]!;
  // A lone tab line, or tab lines that hold one field each, is text with stray tabs.
  if (cells.filter((c) => nonEmptyCount(c) >= 2).length < 2) return;

  if (interleavedScore(cells) >= INTERLEAVED_THRESHOLD) {
    scan.diagnostics.push({
      severity: 'warning',
      code: 'interleaved-columns',
      message: `第${firstNo}—${lastNo}行疑似双栏排版（名单与正文并排）转换后交错拼接的文字，未作为表格处理，已按正文保留，请人工核对`,
      line: firstNo,
    });
    return;
  }

  // A first row with a single field above a wider row is a title printed inside the table (`专栏 1 …`).
  const titleRow = cells.length >= 3 && nonEmptyCount(cells[0]!) === 1 && Boolean(cells[0]![0]) && nonEmptyCount(cells[1]!) >= 2;
  const start = titleRow ? 1 : 0;
  const plan = planHeader(cells, start);
  const headerRows = cells.slice(start, start + plan.count);
  const skip = new Set(plan.signatures);
  if (titleRow) skip.add(rowSignature(cells[0]!));

  const copies: string[][][] = [headerRows];
  const data: RunRow[] = [];
  const firstSig = headerRows[0] ? rowSignature(headerRows[0]) : null;
  const childSigs = new Set(headerRows.slice(1).map(rowSignature));
  for (let i = start + plan.count; i < run.rows.length; i++) {
    const row = run.rows[i]!;
    const sig = rowSignature(row.cells);
    if (!skip.has(sig)) {
      data.push(row);
      continue;
    }
    if (sig === firstSig) copies.push([row.cells]);
    else if (childSigs.has(sig) && copies.length > 1) copies[copies.length - 1]!.push(row.cells);
  }

  let width = tableWidth(headerRows, data.map((r) => r.cells.length));
  // Only complete copies compete: a page break can cut a reprinted header short.
  const chosen = chooseHeaderRows(copies.filter((c) => c.length === plan.count), width);
  let header = plan.count ? flattenHeader(chosen, width).header : new Array<string>(width).fill('');
  let rows = data.map((r) => {
    const fitted = fitRow(r.cells, width);
    if (fitted.overflow) {
      scan.diagnostics.push({
        severity: 'info',
        code: 'table-row-overflow',
        message: `表格行的单元格多于表头的${width}列，多出的内容已并入最后一列`,
        line: r.no,
      });
    }
    return fitted.row;
  });
  let extraHeader = plan.count > 1 ? chosen.map((r) => fitRow(r, width).row) : undefined;

  // Trailing columns with neither a label nor a value are only trailing tabs.
  while (width > 1 && !header[width - 1] && rows.every((r) => !r[width - 1])) width--;
  if (width < header.length) {
    header = header.slice(0, width);
    rows = rows.map((r) => r.slice(0, width));
    extraHeader = extraHeader?.map((r) => r.slice(0, width));
  }

  const found = findCaption(lines, runStart, scan.consumed);
  let unit = found.unit;
  let title = found.title;
  if (titleRow) {
    const inner = cells[0]![0]!;
    if (isUnitNote(inner)) unit ??= inner;
    else title ??= inner;
  }
  // A unit note is the caption only when nothing better is printed.
  const caption = title && unit ? withUnit(title, unit) : (title ?? unit);
  const table: Table = { caption, header, rows, lines: [Math.min(firstNo, ...found.lineNos), lastNo] };
  if (extraHeader) table.headerRows = extraHeader;
  scan.tables.push(table);
  for (const no of [...found.lineNos, ...run.lineNos]) scan.consumed.add(no);
}

/**
 * Finds the tables in one document's lines. Two-column page layouts that
 * conversion joined with tabs are reported (`interleaved-columns`) and left
 * as text; so is a single tab line.
 */
export function extractTables(lines: SourceLine[]): TableScan {
  const scan: TableScan = { tables: [], consumed: new Set(), diagnostics: [] };
  let i = 0;
  while (i < lines.length) {
    if (!isTabRow(lines[i]!)) {
      i++;
      continue;
    }
    const run = collectRun(lines, i);
    buildTable(run, lines, i, scan);
    i = run.end + 1;
  }
  return scan;
}
