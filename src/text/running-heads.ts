// Running headers and footers, learned from the input itself: a short line
// that stands beside most page breaks (a page-number line such as `— 3 —`)
// is the page's furniture (`中华人民共和国国务院公报`, `2019年第5号`), not
// content. Its occurrences beside page breaks are blanked before paragraphs
// are joined, so they are never spliced into a sentence. One pass to find
// the page breaks, one to count, one to blank: linear.
import type { SourceLine } from './source-line.js';

/** How many printed lines on each side of a page number belong to the page break (a head and a foot line). */
const REACH = 2;
const MAX_LEN = 40;
/** A line must stand at this many page breaks, and at this share of them, to be learned. */
const MIN_BREAKS = 3;
const MIN_SHARE = 0.4;

const isPageNumber = (l: SourceLine) => l.blank && /\d/.test(l.raw) && l.raw.trim().length <= 16;
const keyOf = (l: SourceLine): string | null => {
  if (l.blank || l.cells !== null || l.text.length > MAX_LEN || /[。；！？，,：:]$/.test(l.text)) return null;
  return l.text.replace(/\s+/g, '');
};

/** For each page break, the indices of the printed lines around it. */
function neighbourhoods(lines: SourceLine[], breaks: number[]): number[][] {
  return breaks.map((b) => {
    const near: number[] = [];
    for (let j = b - 1, n = 0; j >= 0 && n < REACH && !isPageNumber(lines[j]!); j--) if (!lines[j]!.blank) (near.push(j), n++);
    for (let j = b + 1, n = 0; j < lines.length && n < REACH && !isPageNumber(lines[j]!); j++) if (!lines[j]!.blank) (near.push(j), n++);
    return near;
  });
}

/** Blank the learned running heads; returns the lines (changed ones replaced) and what was learned. */
export function removeRunningHeads(lines: SourceLine[]): { lines: SourceLine[]; learned: string[] } {
  const breaks: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isPageNumber(lines[i]!)) breaks.push(i);
  if (breaks.length < MIN_BREAKS) return { lines, learned: [] };
  const near = neighbourhoods(lines, breaks);
  const count = new Map<string, number>();
  for (const idx of near) {
    const seen = new Set<string>();
    for (const j of idx) {
      const k = keyOf(lines[j]!);
      if (k && !seen.has(k)) (seen.add(k), count.set(k, (count.get(k) ?? 0) + 1));
    }
  }
  const learned = new Set([...count].filter(([, n]) => n >= MIN_BREAKS && n >= breaks.length * MIN_SHARE).map(([k]) => k));
  if (!learned.size) return { lines, learned: [] };
  const out = lines.slice();
  for (const idx of near) {
    for (const j of idx) {
      const k = keyOf(out[j]!);
      if (k && learned.has(k)) out[j] = { ...out[j]!, text: '', blank: true, runningHead: true };
    }
  }
  return { lines: out, learned: [...learned] };
}
