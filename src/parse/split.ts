// Where documents start. Nothing in the body marks a boundary, but every
// 公文 opens with its title followed by its 发文字号 on a line of its own
// (or, for a 令, its heading followed by `第N号`); the table of contents then
// confirms the title and recovers documents whose number is not printed.
// Every scan here is linear: lines are indexed once, never re-scanned per
// TOC entry or per header.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import type { TocEntry } from './types.js';
import { normalizeDocNumber, parseDocNumber } from './docnumber.js';
import { parseDateLine } from './dates.js';
import { DOC_TYPE_END, isOrganOnly } from './organs.js';
import { findRecipients } from './anatomy.js';
import { readOrderHeading } from './order.js';
import { findNumberBelow } from './number-position.js';
import { matchMarker } from './markers.js';
import { nextNonBlankWithin, prevNonBlank, type DocHeader } from './doc-header.js';

export { nextNonBlankWithin, prevNonBlank, type DocHeader };


const MAX_TITLE_LINES = 5;
const MAX_TITLE_CHARS = 160;
/** TOC recovery tries at most this many indexed candidate lines per entry. */
const MAX_CANDIDATES = 64;
/** A 文号 line may carry a 签发人 (signer) after the number. */
const SIGNER = /签发人[:：].*$/u;


const endsSentence = (t: string) => /[。；！？：:;!?]$/.test(t);
const plausibleTitleLine = (l: SourceLine) =>
  !l.blank && l.cells === null && l.text.length <= 80 && !endsSentence(l.text) && parseDateLine(l.text) === null;

/**
 * Walk up from a 文号 line and collect the title above it. `expected` is the
 * TOC title when one is known: it settles whether an organ-only line above a
 * `关于…` line belongs to this title or ends the previous document.
 */
export function collectTitle(lines: SourceLine[], numberLine: number, floor: number, expected?: string): number[] | null {
  const picked: number[] = [];
  let acc = '';
  let j = prevNonBlank(lines, numberLine, floor);
  while (j >= 0 && picked.length < MAX_TITLE_LINES) {
    const l = lines[j]!;
    if (!plausibleTitleLine(l)) break;
    const t = compact(l.text);
    if (acc.startsWith('关于') || acc === '') {
      // An organ-only line (one organ or a joint list) above `关于…` is the issuer's half of the title.
      if (acc.startsWith('关于') && isOrganOnly(l.text)) {
        if (expected && !expected.startsWith(t)) break;
        picked.unshift(j);
        acc = t + acc;
        break;
      }
      if (acc.startsWith('关于')) break;
    }
    if ((t + acc).length > MAX_TITLE_CHARS) break;
    picked.unshift(j);
    acc = t + acc;
    if (/关于/.test(acc) && !acc.startsWith('关于')) break;
    j = prevNonBlank(lines, j, floor);
  }
  if (!picked.length) return null;
  if (!/关于/.test(acc) && !DOC_TYPE_END.test(acc)) return null;
  return picked;
}

function docNumberOnLine(l: SourceLine): ReturnType<typeof parseDocNumber> {
  if (l.blank || l.cells !== null || l.text.length > 60) return null;
  return parseDocNumber(numberText(l));
}

/** The 文号 as printed on its line: a 签发人 dropped, a `（…）` around it removed. */
const numberText = (l: SourceLine): string => compact(l.text).replace(SIGNER, '').replace(/^[（(](.*)[）)]$/u, '$1');

const titleOf = (lines: SourceLine[], idx: number[]) => idx.map((k) => compact(lines[k]!.text)).join('');

/** Find every document header in `lines[from..to)`. */
export function findHeaders(lines: SourceLine[], from: number, toc: TocEntry[], to = lines.length): DocHeader[] {
  const tocTitles = new Map<string, string>();
  for (const e of toc) if (e.docNumber && !tocTitles.has(e.docNumber)) tocTitles.set(e.docNumber, e.title);
  const headers: DocHeader[] = [];
  let floor = from;
  for (let i = from; i < to; i++) {
    const order = readOrderHeading(lines, i, to);
    if (order) {
      headers.push(order);
      floor = order.numberLine + 1;
      continue;
    }
    const dn = docNumberOnLine(lines[i]!);
    if (!dn) continue;
    const docNumber = normalizeDocNumber(numberText(lines[i]!));
    const titleLines = collectTitle(lines, i, floor, docNumber ? tocTitles.get(docNumber) : undefined);
    if (!titleLines) continue;
    headers.push({ start: titleLines[0]!, titleLines, numberLine: i, title: titleOf(lines, titleLines), docNumber, repaired: dn.repaired });
    floor = i + 1;
  }
  const recovered = recoverFromToc(lines, from, to, toc, headers);
  return findNumberBelow(lines, findUnnumbered(lines, from, to, recovered), from, to);
}

/** Work done by the TOC-recovery and unnumbered-title scans, for the linear-time test. */
export const splitWork = { steps: 0 };

/** Marks the lines a header occupies, so later rules test membership in O(1). */
function takenLines(n: number, found: DocHeader[]): Uint8Array {
  const taken = new Uint8Array(n);
  for (const h of found) mark(taken, h);
  return taken;
}
function mark(taken: Uint8Array, h: DocHeader): void {
  const last = Math.max(h.numberLine, h.titleLines[h.titleLines.length - 1]!);
  for (let k = h.start; k <= last; k++) taken[k] = 1;
}

/**
 * Documents that print no 文号 and are missing from the TOC: a `…关于…<文种>`
 * title directly followed by a 主送 line (`各乡（镇）人民政府…：`).
 */
function findUnnumbered(lines: SourceLine[], from: number, to: number, found: DocHeader[]): DocHeader[] {
  const taken = takenLines(lines.length, found);
  const out = [...found];
  for (let i = from; i < to; i++) {
    splitWork.steps++;
    const l = lines[i]!;
    if (l.blank || taken[i] || !l.text.includes('关于') || l.text.length > 80 || !DOC_TYPE_END.test(compact(l.text))) continue;
    // `三、关于…的意见` is a section heading: a document title never opens with a numbering marker.
    if (matchMarker(compact(l.text))) continue;
    const next = nextNonBlankWithin(lines, i, to);
    if (next < 0 || !findRecipients(lines, next, Math.min(to, next + 6))) continue;
    const titleLines = collectTitle(lines, i + 1, from);
    if (!titleLines || titleLines.some((k) => taken[k])) continue;
    const h: DocHeader = { start: titleLines[0]!, titleLines, numberLine: -1, title: titleOf(lines, titleLines), docNumber: null, repaired: false };
    out.push(h);
    mark(taken, h);
  }
  return out.sort((a, b) => a.start - b.start);
}

const HEAD = 8;
/** The longest first title line the TOC recovery looks for. */
const MAX_OPENING = 80;

/** Lines indexed by their whole compact text, and the lengths that occur: a title's first line is one of its prefixes. */
function indexOpenings(lines: SourceLine[], from: number, to: number): { byText: Map<string, number[]>; lengths: number[] } {
  const byText = new Map<string, number[]>();
  const lengths = new Set<number>();
  for (let i = from; i < to; i++) {
    splitWork.steps++;
    const l = lines[i]!;
    if (l.blank || l.text.length > 2 * MAX_OPENING) continue;
    const t = compact(l.text);
    if (t.length < 4 || t.length > MAX_OPENING) continue;
    lengths.add(t.length);
    const list = byText.get(t);
    if (list) list.push(i);
    else byText.set(t, [i]);
  }
  return { byText, lengths: [...lengths].sort((a, b) => a - b) };
}

/** Lines that are a prefix of `title` (at most MAX_CANDIDATES of them), in document order. */
function candidatesFor(index: ReturnType<typeof indexOpenings>, title: string): number[] {
  const out: number[] = [];
  for (const n of index.lengths) {
    if (n > title.length || out.length >= MAX_CANDIDATES) break;
    splitWork.steps++;
    const list = index.byText.get(title.slice(0, n));
    if (list) out.push(...list.slice(0, MAX_CANDIDATES - out.length));
  }
  return out.sort((a, b) => a - b);
}

/**
 * TOC entries whose document printed no 文号 line: look for the TOC title
 * itself at the start of a line. The lines are indexed by their opening
 * once; each entry tries only the lines that open like its title.
 */
function recoverFromToc(lines: SourceLine[], from: number, to: number, toc: TocEntry[], found: DocHeader[]): DocHeader[] {
  const have = new Set(found.map((h) => h.docNumber).filter(Boolean));
  const haveTitles = new Set(found.map((h) => h.title));
  // A title under 8 characters is too short to find safely by itself.
  const missing = toc.filter((e) => !(e.docNumber && have.has(e.docNumber)) && !haveTitles.has(e.title) && e.title.length >= HEAD);
  if (!missing.length) return found;
  const index = indexOpenings(lines, from, to);
  const taken = takenLines(lines.length, found);
  const out = [...found];
  for (const e of missing) {
    for (const i of candidatesFor(index, e.title)) {
      splitWork.steps++;
      if (taken[i]) continue;
      const t = compact(lines[i]!.text);
      const titleLines = [i];
      let acc = t;
      for (let k = nextNonBlankWithin(lines, i, to); k >= 0 && acc.length < e.title.length && titleLines.length < MAX_TITLE_LINES; k = nextNonBlankWithin(lines, k, to)) {
        const next = acc + compact(lines[k]!.text);
        if (!e.title.startsWith(next)) break;
        acc = next;
        titleLines.push(k);
      }
      if (acc !== e.title) continue;
      const h: DocHeader = { start: i, titleLines, numberLine: -1, title: acc, docNumber: e.docNumber, repaired: false };
      out.push(h);
      mark(taken, h);
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
