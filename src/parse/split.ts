// Where documents start. Nothing in the body marks a boundary, but every
// 公文 opens with its title followed by its 发文字号 on a line of its own;
// the table of contents then confirms the title and recovers documents
// whose number is not printed in the body.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import type { TocEntry } from './types.js';
import { normalizeDocNumber, parseDocNumber } from './docnumber.js';
import { parseDateLine } from './dates.js';
import { DOC_TYPE_END, isOrganOnly } from './organs.js';
import { findRecipients } from './anatomy.js';

export interface DocHeader {
  /** Index (into the line array) of the first title line. */
  start: number;
  /** Indices of the title lines. */
  titleLines: number[];
  /** Index of the 文号 line, or -1 when the body prints none. */
  numberLine: number;
  title: string;
  docNumber: string | null;
  /** The printed 文号 used a bracket or spacing variant. */
  repaired: boolean;
}

const MAX_TITLE_LINES = 5;
const MAX_TITLE_CHARS = 160;
/** A 文号 line may carry a 签发人 (signer) after the number. */
const SIGNER = /签发人[:：].*$/u;

function prevNonBlank(lines: SourceLine[], i: number, floor: number): number {
  for (let j = i - 1; j >= floor; j--) if (!lines[j]!.blank) return j;
  return -1;
}

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
      // An organ-only line above `关于…` is the issuer's half of the title.
      if (acc.startsWith('关于') && isOrganOnly(t)) {
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
  return parseDocNumber(compact(l.text).replace(SIGNER, ''));
}

function tocTitleFor(toc: TocEntry[], docNumber: string | null): string | undefined {
  if (!docNumber) return undefined;
  return toc.find((e) => e.docNumber === docNumber)?.title;
}

/** Find every document header in `lines[from..]`. */
export function findHeaders(lines: SourceLine[], from: number, toc: TocEntry[]): DocHeader[] {
  const headers: DocHeader[] = [];
  let floor = from;
  for (let i = from; i < lines.length; i++) {
    const dn = docNumberOnLine(lines[i]!);
    if (!dn) continue;
    const docNumber = normalizeDocNumber(compact(lines[i]!.text).replace(SIGNER, ''));
    const titleLines = collectTitle(lines, i, floor, tocTitleFor(toc, docNumber));
    if (!titleLines) continue;
    headers.push({
      start: titleLines[0]!,
      titleLines,
      numberLine: i,
      title: titleLines.map((k) => compact(lines[k]!.text)).join(''),
      docNumber,
      repaired: dn.repaired,
    });
    floor = i + 1;
  }
  return findUnnumbered(lines, from, recoverFromToc(lines, from, toc, headers));
}

/**
 * Documents that print no 文号 and are missing from the TOC: a `…关于…<文种>`
 * title directly followed by a 主送 line (`各乡（镇）人民政府…：`).
 */
function findUnnumbered(lines: SourceLine[], from: number, found: DocHeader[]): DocHeader[] {
  const taken = (i: number) => found.some((h) => i >= h.start && i <= Math.max(h.numberLine, h.titleLines[h.titleLines.length - 1]!));
  const out = [...found];
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank || !l.text.includes('关于') || l.text.length > 80 || !DOC_TYPE_END.test(compact(l.text)) || taken(i)) continue;
    const next = (() => {
      for (let j = i + 1; j < lines.length; j++) if (!lines[j]!.blank) return j;
      return -1;
    })();
    if (next < 0 || !findRecipients(lines, next, Math.min(lines.length, next + 6))) continue;
    const titleLines = collectTitle(lines, i + 1, from);
    if (!titleLines || titleLines.some(taken)) continue;
    out.push({ start: titleLines[0]!, titleLines, numberLine: -1, title: titleLines.map((k) => compact(lines[k]!.text)).join(''), docNumber: null, repaired: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * TOC entries whose document printed no 文号 line: look for the TOC title
 * itself at the start of a line, in the gap where TOC order says it belongs.
 */
function recoverFromToc(lines: SourceLine[], from: number, toc: TocEntry[], found: DocHeader[]): DocHeader[] {
  const have = new Set(found.map((h) => h.docNumber).filter(Boolean));
  const haveTitles = new Set(found.map((h) => h.title));
  const out = [...found];
  for (const e of toc) {
    if ((e.docNumber && have.has(e.docNumber)) || haveTitles.has(e.title) || e.title.length < 8) continue;
    const head = e.title.slice(0, 8);
    for (let i = from; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.blank || out.some((h) => i >= h.start && i <= Math.max(h.numberLine, h.start))) continue;
      const t = compact(l.text);
      // The title may start on an organ-only line (`五台县人民政府` / `关于…`): any prefix of it can open it.
      const opens = t.startsWith(head) ? e.title.startsWith(t.slice(0, Math.min(t.length, e.title.length))) : t.length >= 4 && e.title.startsWith(t);
      if (!opens) continue;
      const titleLines = [i];
      let acc = t;
      for (let k = i + 1; k < lines.length && acc.length < e.title.length && titleLines.length < MAX_TITLE_LINES; k++) {
        if (lines[k]!.blank) continue;
        const next = acc + compact(lines[k]!.text);
        if (!e.title.startsWith(next)) break;
        acc = next;
        titleLines.push(k);
      }
      if (acc !== e.title) continue;
      out.push({ start: i, titleLines, numberLine: -1, title: acc, docNumber: e.docNumber, repaired: false });
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
