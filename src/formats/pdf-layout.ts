// PDF page layout → the lines the text path reads. Pure functions on positioned
// text runs (pdf.ts gets them from pdfjs, ocr.ts from Tesseract), so every rule
// is testable on hand-made pages. What positions tell:
//   - runs on one baseline form a line; a wide gap inside a line is a cell
//     boundary (a tab, as the text path writes table rows);
//   - a page with an empty vertical band down its middle is read left column
//     first (two-column pages);
//   - a short line in the top or bottom band of the page, set smaller than the
//     body or shaped like a page number, or repeated at the same place on many
//     pages, is the running header or footer, not content;
//   - a line that reaches the right margin continues into a next line that
//     starts at the left margin: visual lines are joined into paragraphs, on
//     the same page or across a page break;
//   - lines set clearly larger than the body are a title (`# `, as the
//     converters of the text path write it); consecutive title lines are one.
//   - table rows are assembled from their columns (pdf-tables.ts).
// Every output line keeps the page and the line on that page it starts at.

import { assembleTables } from './pdf-tables.js';

export type { PdfRun, PdfPage, PdfLine, Segment } from './pdf-types.js';
import type { PdfRun, PdfPage, PdfLine, Segment } from './pdf-types.js';

export interface SourcePosition {
  page: number;
  line: number;
}

export interface LaidOutText {
  text: string;
  /** Per output line (index = line number − 1): where it starts in the PDF, or null for a blank line. */
  positions: (SourcePosition | null)[];
  /** Lines dropped as running headers, footers or page numbers. */
  furniture: number;
  /** Per PDF page (index = page − 1), the page number printed on it, where one is. */
  printedPages: (number | null)[];
}

/** A gap this many font sizes wide inside a line separates cells or columns. */
const CELL_GAP = 1.2;
const LATIN_END = /[A-Za-z0-9.,%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** Runs on one baseline form one line; wide gaps become segments. Linear after the sort. */
export function pageLines(page: PdfPage): PdfLine[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfRun[][] = [];
  for (const r of runs) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (g && ref && Math.abs(r.y - ref.y) <= 0.35 * Math.min(r.size, ref.size)) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => toLine(page.no, g.sort((a, b) => a.x - b.x)));
}

/** Runs → pieces, a new piece wherever the gap is at least `gap` font sizes. */
function split(runs: PdfRun[], gap: number): Segment[] {
  const out: Segment[] = [];
  for (const r of runs) {
    const str = r.str.replace(/\s+/g, ' ');
    const last = out[out.length - 1];
    const g = last ? r.x - last.x1 : Infinity;
    if (last && g < gap * r.size) {
      const space = g > 0.2 * r.size && LATIN_END.test(last.text) && LATIN_START.test(str.trimStart()) ? ' ' : '';
      last.text += space + str;
      last.x1 = Math.max(last.x1, r.x + r.w);
    } else {
      out.push({ x0: r.x, x1: r.x + r.w, text: str });
    }
  }
  for (const s of out) s.text = s.text.trim();
  return out;
}

function toLine(page: number, runs: PdfRun[]): PdfLine {
  const segments = split(runs, CELL_GAP);
  const sizes = new Map<number, number>();
  for (const r of runs) {
    const k = Math.round(r.size * 2) / 2;
    sizes.set(k, (sizes.get(k) ?? 0) + r.str.trim().length);
  }
  const size = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? runs[0]!.size;
  return {
    pieces: split(runs, 0.5),
    page,
    x0: segments[0]!.x0,
    x1: segments[segments.length - 1]!.x1,
    y: runs[0]!.y,
    size,
    text: segments.map((s) => s.text).join('\t'),
    segments,
  };
}

/** The gutter of a two-column page, or null: an empty band in the middle third with justified text on both sides. */
export function findGutter(lines: PdfLine[], width: number): number | null {
  if (lines.length < 8) return null;
  const bin = 2;
  const n = Math.ceil(width / bin);
  const cover = new Array<number>(n).fill(0);
  for (const l of lines) for (const s of l.segments) for (let b = Math.max(0, Math.floor(s.x0 / bin)); b < Math.min(n, Math.ceil(s.x1 / bin)); b++) cover[b]!++;
  let best: [number, number] | null = null;
  for (let b = Math.floor(n * 0.3); b < Math.ceil(n * 0.7); b++) {
    if (cover[b]! > lines.length * 0.12) continue;
    let e = b;
    while (e + 1 < n && cover[e + 1]! <= lines.length * 0.12) e++;
    if (!best || e - b > best[1] - best[0]) best = [b, e];
    b = e;
  }
  if (!best) return null;
  const gutter = ((best[0] + best[1] + 1) / 2) * bin;
  const left = lines.flatMap((l) => l.segments.filter((s) => s.x1 <= gutter));
  const right = lines.flatMap((l) => l.segments.filter((s) => s.x0 >= gutter));
  if (left.length < lines.length * 0.5 || right.length < lines.length * 0.5) return null;
  // Justified columns: most left pieces end at one edge, most right pieces start at one.
  const aligned = (xs: number[], size: number) => {
    const edge = Math.max(...xs);
    return xs.filter((x) => Math.abs(x - edge) <= size).length >= xs.length * 0.5;
  };
  const size = median(lines.map((l) => l.size));
  if (!aligned(left.map((s) => s.x1), size) || !aligned(right.map((s) => -s.x0), size)) return null;
  return gutter;
}

/** A two-column page read left column, then right; other pages unchanged. */
export function readingOrder(lines: PdfLine[], width: number): PdfLine[] {
  const gutter = findGutter(lines, width);
  if (gutter === null) return lines;
  const side = (l: PdfLine, left: boolean): PdfLine | null => {
    const segs = l.segments.filter((s) => (left ? s.x1 <= gutter : s.x0 >= gutter));
    return segs.length ? { ...l, column: left ? 0 : 1, segments: segs, x0: segs[0]!.x0, x1: segs[segs.length - 1]!.x1, text: segs.map((s) => s.text).join('\t') } : null;
  };
  // A line crossing the gutter (a heading over both columns) stays where it is, before the columns.
  const across = lines.filter((l) => l.segments.some((s) => s.x0 < gutter && s.x1 > gutter));
  const rest = lines.filter((l) => !across.includes(l));
  return [...across, ...rest.map((l) => side(l, true)).filter((l) => l !== null), ...rest.map((l) => side(l, false)).filter((l) => l !== null)];
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The text block's left and right edges: the outermost end that several lines
 * share (full lines of justified paragraphs), and the leftmost start that
 * another line shares (continuation lines of paragraphs), so that one stray
 * line does not move them.
 */
export function margins(lines: PdfLine[]): { left: number; right: number } {
  if (!lines.length) return { left: 0, right: Infinity };
  const count = new Map<number, number>();
  for (const l of lines) count.set(Math.round(l.x1 / 2) * 2, (count.get(Math.round(l.x1 / 2) * 2) ?? 0) + 1);
  const shared = [...count].filter(([, c]) => c >= 2).map(([k]) => k);
  const right = shared.length ? Math.max(...shared) : Math.max(...lines.map((l) => l.x1));
  // The leftmost start that another line shares (one stray line does not move it); on a short page, the leftmost.
  const xs = lines.map((l) => l.x0).sort((a, b) => a - b);
  const size = lines[0]!.size;
  const k = lines.length < 10 ? 0 : xs.findIndex((x, i) => i + 1 < xs.length && xs[i + 1]! - x <= size * 0.5);
  return { left: xs[Math.max(0, k)]!, right };
}

/** The usual distance between consecutive body lines: the most common one, to a tenth of a point. */
export function linePitch(pages: PdfLine[][], body: number): number {
  const count = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const d = Math.round((lines[i]!.y - lines[i - 1]!.y) * 2) / 2;
      if (d > body * 0.8 && d < body * 3) count.set(d, (count.get(d) ?? 0) + 1);
    }
  }
  return [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? body * 1.6;
}

/** The body size: the size most characters are set in. */
export function bodySize(lines: PdfLine[]): number {
  const count = new Map<number, number>();
  for (const l of lines) count.set(l.size, (count.get(l.size) ?? 0) + l.text.length);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

const PAGE_NUMBER = /^[-—–－_·•\s]*(?:第\s*)?[0-9０-９IVXivx]{1,5}(?:\s*页)?(?:\s*[/／共]\s*[0-9]{1,5}\s*页?)?[-—–－_·•\s]*$/;
const furnitureKey = (t: string): string => t.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');

/**
 * Running headers, footers and page numbers: lines in the outer band of their
 * page (the first or last two lines, within 9% of the edge, set a line's gap apart)
 * that are page-number shaped, set smaller than the body, or repeated at the
 * same place on at least three pages and 40% of them.
 */
export function furniture(pages: { page: PdfPage; lines: PdfLine[] }[], body: number): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const band = (l: PdfLine, p: PdfPage) => (l.y < p.height * 0.09 ? 'top' : l.y > p.height * 0.91 ? 'bottom' : null);
  // Set apart from the text block by at least a line's gap (or alone on its page).
  const apart = (a: PdfLine, b: PdfLine | undefined) => !b || Math.abs(b.y - a.y) >= body * 1.6;
  const outer = (lines: PdfLine[], p: PdfPage) => {
    const cands: { l: PdfLine; where: 'top' | 'bottom' }[] = [];
    const byY = [...lines].sort((a, b) => a.y - b.y);
    byY.slice(0, 2).forEach((l, i) => band(l, p) === 'top' && apart(l, byY[i + 1]) && cands.push({ l, where: 'top' }));
    byY.slice(-2).forEach((l, i, last) => band(l, p) === 'bottom' && apart(l, i === 0 ? byY[byY.length - 3] : last[0]) && cands.push({ l, where: 'bottom' }));
    return cands.filter((c) => c.l.text.replace(/\s/g, '').length <= 40);
  };
  const repeated = new Map<string, number>();
  const all = pages.map(({ page, lines }) => outer(lines, page));
  for (const cands of all) {
    const seen = new Set<string>();
    for (const c of cands) {
      const k = `${c.where}|${furnitureKey(c.l.text)}`;
      if (!seen.has(k)) (seen.add(k), repeated.set(k, (repeated.get(k) ?? 0) + 1));
    }
  }
  const often = Math.max(3, pages.length * 0.4);
  for (const cands of all) {
    for (const c of cands) {
      const t = c.l.text.trim();
      if (PAGE_NUMBER.test(t) || c.l.size < body * 0.85 || (repeated.get(`${c.where}|${furnitureKey(t)}`) ?? 0) >= often) out.add(c.l);
    }
  }
  return out;
}

const TOC_TAIL = /(?:[.…·．。\-—_]{2,}|\s)\s*[（(]?\s*\d{1,4}\s*[）)]?$/;
const MARKER_START = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[、.．]|第[一二三四五六七八九十百零〇\d]+[章节条款])/;
const SENTENCE_END = /[。；：！？!?;:]$/;

/**
 * A letter-spaced heading (`目　　录`, `第一章　总　　则`) has wide gaps but is
 * not a table row: pieces of one to three characters, on a line that no other
 * multi-piece line touches, are one piece joined by an ideographic space.
 */
export function joinLetterSpaced(lines: PdfLine[]): PdfLine[] {
  const spaced = (l: PdfLine | undefined) => !!l && l.segments.length >= 2 && l.segments.length <= 6 && l.segments.every((s) => [...s.text].length <= 3);
  const multi = (l: PdfLine | undefined) => !!l && l.segments.length >= 2;
  return lines.map((l, i) => {
    if (!spaced(l) || multi(lines[i - 1]) || multi(lines[i + 1])) return l;
    const text = l.segments.map((s) => s.text).join('\u3000');
    return { ...l, text, segments: [{ x0: l.x0, x1: l.x1, text }], pieces: [{ x0: l.x0, x1: l.x1, text }] };
  });
}

/** Lay out a document's pages as the text path's lines: paragraphs one per line, blank lines between. */
export function layOut(pages: PdfPage[]): LaidOutText {
  const perPage = pages.map((page) => ({ page, lines: readingOrder(pageLines(page), page.width) }));
  const body = bodySize(perPage.flatMap((p) => p.lines));
  const drop = furniture(perPage, body);
  const kept = perPage.map(({ page, lines }) => ({
    page,
    lines: assembleTables(joinLetterSpaced(lines.filter((l) => !drop.has(l)).map((l, i) => ({ ...l, no: i + 1 })))),
  }));
  const isBody = (l: PdfLine) => Math.abs(l.size - body) <= body * 0.1 && l.segments.length === 1;
  const isFrameBody = (l: PdfLine) => isBody(l) && l.column === undefined;
  const whole = margins(kept.flatMap((p) => p.lines).filter(isFrameBody));
  // Odd and even pages may have mirrored margins (for binding): each parity has its own when they differ.
  const parityLines = [0, 1].map((r) => kept.filter((p) => p.page.no % 2 === r).flatMap((p) => p.lines).filter(isFrameBody));
  const parity = parityLines.map(margins);
  const differ = parityLines.every((ls) => ls.length >= 12) &&
    (Math.abs(parity[0]!.left - parity[1]!.left) > body || Math.abs(parity[0]!.right - parity[1]!.right) > body);
  const pageMargins = new Map(kept.map(({ page }) => [page.no, differ ? parity[page.no % 2]! : whole] as const));
  const all = kept.flatMap((p) => p.lines);
  const columns = [0, 1].map((c) => margins(all.filter((l) => l.column === c && isBody(l))));
  const marginsOf = (l: PdfLine) => (l.column === undefined ? pageMargins.get(l.page)! : columns[l.column]!);
  const isTitle = (l: PdfLine) => l.size >= body * 1.2 && l.segments.length === 1;
  const pitch = linePitch(kept.map((p) => p.lines.filter(isBody)), body);

  const continues = (prev: PdfLine, next: PdfLine, samePage: boolean): boolean => {
    if (prev.segments.length > 1 || next.segments.length > 1) return false;
    if (isTitle(prev) || isTitle(next)) {
      return isTitle(prev) && isTitle(next) && samePage && Math.abs(prev.size - next.size) <= 0.1 * prev.size && next.y - prev.y <= prev.size * 2.2;
    }
    if (Math.abs(prev.size - next.size) > 0.15 * prev.size) return false;
    // Paragraphs set apart by space rather than indentation: a gap clearly wider than the usual line pitch.
    if (samePage && next.y - prev.y > Math.min(prev.size * 2.6, pitch * 1.3)) return false;
    const m = marginsOf(prev);
    const n = marginsOf(next);
    if (prev.x1 < m.right - 1.2 * prev.size || prev.x0 < m.left - 0.5 * prev.size) return false;
    // A line starting well right of the paragraph indent is centred or flush right (a signature, a date): it stands alone.
    if (prev.x0 > m.left + 3 * prev.size) return false;
    if (Math.abs(next.x0 - n.left) > 0.5 * next.size) return false;
    if (TOC_TAIL.test(prev.text)) return false;
    if (SENTENCE_END.test(prev.text) && MARKER_START.test(next.text)) return false;
    return true;
  };

  const out: string[] = [];
  const positions: (SourcePosition | null)[] = [];
  const blank = () => {
    if (out.length && out[out.length - 1] !== '') (out.push(''), positions.push(null));
  };
  let para: { text: string; at: SourcePosition; title: boolean } | null = null;
  let prev: PdfLine | null = null;
  const flush = () => {
    if (para) (out.push(para.title ? `# ${para.text}` : para.text), positions.push(para.at));
    para = null;
  };
  for (const { page, lines } of kept) {
    lines.forEach((l) => {
      const at = { page: page.no, line: l.no ?? 1 };
      if (para && prev && continues(prev, l, prev.page === l.page)) {
        const join = LATIN_END.test(para.text) && LATIN_START.test(l.text) ? ' ' : '';
        para.text += join + l.text;
      } else {
        flush();
        if (l.segments.length > 1) {
          if (prev && prev.segments.length === 1) blank();
          out.push(l.text);
          positions.push(at);
        } else {
          blank();
          para = { text: l.text, at, title: isTitle(l) };
        }
      }
      prev = l;
    });
  }
  flush();
  const printedPages = perPage.map(({ lines }) => {
    const number = lines.find((l) => drop.has(l) && PAGE_NUMBER.test(l.text.trim()) && /\d/.test(l.text));
    return number ? Number(/\d+/.exec(number.text.normalize('NFKC'))![0]) : null;
  });
  return { text: out.length ? `${out.join('\n')}\n` : '', positions, furniture: drop.size, printedPages };
}
