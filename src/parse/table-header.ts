// Header analysis for tab-separated tables: which leading rows are header
// rows, how a spanning parent (`资金来源` over six children) combines with its
// children into one flat header (or into merged cells for display), and which
// later rows are page-break repeats.

/** Whitespace-free form of a row's non-empty cells: page-break repeats of a
 * header are printed with shifted or re-spaced cells, so positions are ignored. */
export function rowSignature(cells: readonly string[]): string {
  return cells
    .map((c) => c.replace(/\s+/g, ''))
    .filter(Boolean)
    .join('\u0001');
}

export const nonEmptyCount = (cells: readonly string[]): number => cells.reduce((n, c) => (c ? n + 1 : n), 0);

/** Numbers and `≥85`/`>90`/`12%`: data, never a header label. */
export function isNumericCell(c: string): boolean {
  return /^[<>≥≤＞＜]?[-+]?\d+(?:[.,]\d+)*%?$/.test(c.replace(/\s+/g, ''));
}

// A year stands in headers (`2025年`, `2021`) as often as in data.
const isYear = (c: string): boolean => /^(?:19|20)\d{2}年?$/.test(c.replace(/\s+/g, ''));

/**
 * The first row is data, not a header, when it carries a number in a column
 * that is numeric in most other rows too (a 目录 of `title<TAB>page`, a list
 * that starts right at row 1).
 */
export function isHeaderless(rows: readonly string[][]): boolean {
  const first = rows[0];
  if (!first || rows.length < 2) return false;
  for (let j = 0; j < first.length; j++) {
    const c = first[j] ?? '';
    if (!isNumericCell(c) || isYear(c)) continue;
    let numeric = 0;
    for (let i = 1; i < rows.length; i++) if (isNumericCell(rows[i]![j] ?? '')) numeric++;
    if (numeric * 2 >= rows.length - 1) return true;
  }
  return false;
}

/**
 * A child header row sits under a spanning parent: its first column is empty
 * (the row-spanning labels sit above), it holds labels only, and at least one
 * label stands under an empty cell between two parent labels: inside a span.
 */
export function isChildHeaderRow(row: readonly string[], above: readonly string[]): boolean {
  if (row[0] || nonEmptyCount(row) < 2) return false;
  // A trailing empty label is only a trailing tab, not the rest of a span.
  let lastLabel = above.length - 1;
  while (lastLabel >= 0 && !above[lastLabel]) lastLabel--;
  let underSpan = false;
  for (let j = 0; j < row.length; j++) {
    const c = row[j] ?? '';
    if (!c) continue;
    if (isNumericCell(c)) return false;
    if (!above[j] && j < lastLabel) underSpan = true;
  }
  return underSpan;
}

export interface FlatHeader {
  header: string[];
  /** Children found with no parent above them: the sign of a shifted header. */
  orphans: number;
}

/**
 * One label per column: `parent/child` under a span, else the single label.
 * A parent spans to the right only when its own column has a child below it;
 * a label with nothing below is a row-spanning header and carries nothing.
 */
export function flattenHeader(headerRows: readonly string[][], width: number): FlatHeader {
  const levels = headerRows.length;
  const carry: (string | null)[] = new Array<string | null>(levels).fill(null);
  const header: string[] = [];
  let orphans = 0;
  for (let j = 0; j < width; j++) {
    const parts: string[] = [];
    for (let l = 0; l < levels; l++) {
      const c = headerRows[l]![j] ?? '';
      const below = headerRows.slice(l + 1).some((r) => Boolean(r[j]));
      if (c) {
        parts.push(c);
        carry[l] = l + 1 < levels && headerRows[l + 1]![j] ? c : null;
        for (let d = l + 1; d < levels; d++) carry[d] = null;
      } else if (below) {
        const p = carry[l];
        if (p) parts.push(p);
        else if (l === 0) orphans++;
      } else {
        // A column blank from here down ends the span: a merged cell is one run of columns.
        carry[l] = null;
      }
    }
    header.push(parts.join('/'));
  }
  return { header, orphans };
}

export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * The header rows as merged cells, one array per row, for `<th colspan rowspan>`.
 * Spans follow flattenHeader, so that reading a column's cells top to bottom
 * gives its flat label: a parent with a child right below it spans the
 * following columns that are empty at its level, have a label below and none
 * above; a cell with nothing below runs down to the last row. Positions
 * covered by a span are omitted; the cells tile `levels × width` exactly.
 */
export function headerGrid(headerRows: readonly string[][], width: number): HeaderCell[][] {
  const levels = headerRows.length;
  const at = (l: number, j: number): string => headerRows[l]?.[j] ?? '';
  const labelIn = (from: number, to: number, j: number): boolean => headerRows.slice(from, to).some((r) => Boolean(r[j]));
  const covered = headerRows.map(() => new Array<boolean>(width).fill(false));
  return headerRows.map((_, l) => {
    const cells: HeaderCell[] = [];
    for (let j = 0; j < width; j++) {
      if (covered[l]![j]) continue;
      const text = at(l, j);
      let colspan = 1;
      if (text && at(l + 1, j)) {
        const continues = (k: number): boolean => !at(l, k) && !covered[l]![k] && labelIn(l + 1, levels, k) && !labelIn(0, l, k);
        while (j + colspan < width && continues(j + colspan)) colspan++;
      }
      // A label (or a blank) with nothing below spans down; an empty cell above a child is an orphan's missing parent.
      const rowspan = labelIn(l + 1, levels, j) ? 1 : levels - l;
      for (let d = l; d < l + rowspan; d++) covered[d]!.fill(true, j, j + colspan);
      cells.push({ text, colspan, rowspan });
    }
    return cells;
  });
}

export interface HeaderPlan {
  /** Index of the first header row in the run (after an in-table caption row). */
  start: number;
  /** Number of header rows at `start`; 0 for a table without a header. */
  count: number;
  /** Signatures of header rows: any row matching one is a page-break repeat. */
  signatures: Set<string>;
}

/** Finds the header rows at `start`; a child row needs a spanning parent above it. */
export function planHeader(rows: readonly string[][], start: number): HeaderPlan {
  const body = rows.slice(start);
  if (isHeaderless(body)) return { start, count: 0, signatures: new Set() };
  let count = 1;
  // Two child levels at most: deeper stacks are data rows that merely look like labels.
  while (count < 3 && start + count < rows.length - 1 && isChildHeaderRow(rows[start + count]!, rows[start + count - 1]!)) count++;
  const signatures = new Set<string>();
  for (let i = start; i < start + count; i++) signatures.add(rowSignature(rows[i]!));
  return { start, count, signatures };
}

/**
 * Each page repeats the header, sometimes shifted by a column. Of all printed
 * copies the one whose spans line up (fewest orphans) is taken; ties go to the first.
 */
export function chooseHeaderRows(copies: readonly string[][][], width: number): string[][] {
  let best = copies[0] ?? [];
  let bestOrphans = Infinity;
  for (const copy of copies) {
    const { orphans } = flattenHeader(copy, width);
    if (orphans < bestOrphans) {
      best = copy;
      bestOrphans = orphans;
    }
  }
  return best;
}
