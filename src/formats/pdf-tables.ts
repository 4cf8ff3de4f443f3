// Table rows from positioned lines. A ruled table prints each row's cells on
// one baseline, and a cell too narrow for its text wraps onto further lines.
// Cells are told by their columns: the column starts are the left edges the
// table's fullest lines share. A line with text in the first column starts a
// row; a line without it continues the row above, each piece appended to the
// cell of its column. Rows come out as one line each, cells separated by tabs
// (the form the text path reads tables in).
import type { PdfLine } from './pdf-types.js';


/** Column starts: left edges of the pieces of the lines with the most pieces, merged within a character. */
export function columnStarts(lines: PdfLine[]): number[] {
  const most = Math.max(...lines.map((l) => l.segments.length));
  const xs = lines.filter((l) => l.segments.length >= Math.max(2, most - 1)).flatMap((l) => l.segments.map((s) => s.x0)).sort((a, b) => a - b);
  const size = lines[0]?.size ?? 10;
  const starts: number[] = [];
  for (const x of xs) if (!starts.length || x - starts[starts.length - 1]! > size) starts.push(x);
  return starts;
}

const columnOf = (starts: number[], x: number, size: number): number => {
  let k = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= x + size * 0.6) k = i;
  return k;
};

/** Is `l` part of the table whose columns are `starts` (a wrapped piece in one column also is)? */
function inTable(l: PdfLine, prev: PdfLine, starts: number[]): boolean {
  if (l.size > prev.size * 1.15 || l.y - prev.y > prev.size * 3) return false;
  if (l.segments.length > 1) return true;
  const k = columnOf(starts, l.x0, l.size);
  return k > 0 && Math.abs(starts[k]! - l.x0) <= l.size * 0.6;
}

/** Merge each table's wrapped lines into rows; other lines pass through. Lines keep the page line (`no`) they start at. */
export function assembleTables(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (let i = 0; i < lines.length; ) {
    const l = lines[i]!;
    if (l.segments.length < 2) {
      out.push(l);
      i++;
      continue;
    }
    let j = i + 1;
    let starts = columnStarts([l]);
    while (j < lines.length && inTable(lines[j]!, lines[j - 1]!, starts)) {
      j++;
      starts = columnStarts(lines.slice(i, j));
    }
    // Inside a table, narrower gaps separate cells too.
    const block = lines.slice(i, j).map((t) => (t.pieces && t.pieces.length > t.segments.length ? { ...t, segments: t.pieces } : t));
    out.push(...rows(block, columnStarts(block)));
    i = j;
  }
  return out;
}

function rows(block: PdfLine[], starts: number[]): PdfLine[] {
  const out: { line: PdfLine; cells: string[] }[] = [];
  for (const l of block) {
    const ks = l.segments.map((s) => columnOf(starts, s.x0, l.size));
    const row = out[out.length - 1];
    if (!row || ks[0] === 0) {
      const cells = new Array<string>(starts.length).fill('');
      l.segments.forEach((s, n) => (cells[ks[n]!] += s.text));
      out.push({ line: l, cells });
    } else {
      l.segments.forEach((s, n) => (row.cells[ks[n]!] += s.text));
    }
  }
  return out.map(({ line, cells }) => {
    const segments = cells.map((text, k) => ({ x0: starts[k]!, x1: starts[k + 1] ?? line.x1, text }));
    return { ...line, segments, text: cells.join('\t') };
  });
}
