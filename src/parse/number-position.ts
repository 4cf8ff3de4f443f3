// A 文号 printed above the title (as republished pages often do): the
// number line comes first, then the title, then the recipients or the body.
// Only 文号 lines no other header has used are tried, each once.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import { normalizeDocNumber, parseDocNumber } from './docnumber.js';
import { parseDateLine } from './dates.js';
import { DOC_TYPE_END, issuerFromTitle } from './organs.js';
import { nextNonBlankWithin, type DocHeader } from './doc-header.js';

const MAX_TITLE_LINES = 4;

const numberOnly = (l: SourceLine): string | null =>
  l.blank || l.cells !== null || l.text.length > 40 ? null : parseDocNumber(compact(l.text)) ? normalizeDocNumber(compact(l.text)) : null;

const titleLike = (l: SourceLine) => l.cells === null && l.text.length <= 80 && !/[。；：:]$/.test(l.text.trim()) && parseDateLine(l.text) === null;

/** Headers whose 文号 stands above the title, added to those already found. */
export function findNumberBelow(lines: SourceLine[], found: DocHeader[], from: number, to: number): DocHeader[] {
  const used = new Set<number>();
  // A title found without a number (by its recipients) takes the 文号 printed above it.
  const unnumbered = new Map<number, DocHeader>();
  for (const h of found) {
    if (h.numberLine < 0 && !h.docNumber) unnumbered.set(h.titleLines[0]!, h);
    else used.add(h.numberLine);
    for (const k of h.titleLines) used.add(k);
  }
  const out = [...found];
  for (let i = from; i < to; i++) {
    if (used.has(i)) continue;
    const docNumber = numberOnly(lines[i]!);
    if (!docNumber) continue;
    const below = unnumbered.get(nextNonBlankWithin(lines, i, to));
    if (below) {
      Object.assign(below, { start: i, numberLine: i, docNumber, repaired: parseDocNumber(compact(lines[i]!.text))!.repaired });
      continue;
    }
    const titleLines: number[] = [];
    let acc = '';
    for (let k = nextNonBlankWithin(lines, i, to); k >= 0 && titleLines.length < MAX_TITLE_LINES; k = nextNonBlankWithin(lines, k, to)) {
      if (used.has(k) || !titleLike(lines[k]!)) break;
      titleLines.push(k);
      acc += compact(lines[k]!.text);
      if (DOC_TYPE_END.test(acc)) break;
    }
    if (!titleLines.length || !DOC_TYPE_END.test(acc) || !(issuerFromTitle(acc) || acc.startsWith('关于'))) continue;
    out.push({ start: i, titleLines, numberLine: i, title: acc, docNumber, repaired: parseDocNumber(compact(lines[i]!.text))!.repaired });
    for (const k of titleLines) used.add(k);
  }
  return out.sort((a, b) => a.start - b.start);
}
