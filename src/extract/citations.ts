// Citations: by 发文字号 (any bracket/spacing variant, numbers split over
// lines are already re-joined in blocks), by order number (国务院令第116号)
// and by 《title》 (nested 〈〉 kept; short self-references such as 《规划》
// point back to the document itself). Tables are searched too: lists of
// powers cite their legal basis in cells.
import type { Block, ParsedDocument } from '../parse/types.js';
import { findDocNumbers } from '../parse/docnumber.js';
import type { Citation } from './types.js';
import { blockChars, charBit } from './block-chars.js';

/** `…令第116号`: found by its tail, then the issuing body is read backwards (a forward scan backtracks badly). */
const ORDER_TAIL = /令\s*第\s*(\d{1,4})\s*号/gu;
const ORDER_ISSUER = /(国务院|中华人民共和国\p{Script=Han}{0,12}部|\p{Script=Han}{0,12}(?:省|市|县)(?:人民)?政府|\p{Script=Han}{2,12}部|\p{Script=Han}{2,12}委员会|\p{Script=Han}{2,10}局)$/u;

/** What the Han run before an issuer may start with: the 年 of `2021年农业农村部令`, a citation verb. No organ starts so. */
const BEFORE_ISSUER = /^(?:年|根据|按照|依据|依照|参照|遵照|对照|执行|落实|贯彻|遵循)+/u;

function findOrders(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('令')) return out;
  for (const m of text.matchAll(ORDER_TAIL)) {
    const found = ORDER_ISSUER.exec(text.slice(Math.max(0, m.index - 24), m.index));
    const issuer = found?.[1]!.replace(BEFORE_ISSUER, '');
    if (issuer && issuer.length > 1) out.push(`${issuer}令第${Number(m[1])}号`);
  }
  return out;
}
const TITLE_OPEN = charBit('《');
const NUMBER_SIGN = charBit('号');
const TITLE = /《([^《》\n]{1,120}?(?:《[^《》\n]{1,60}》[^《》\n]{0,60}?)?)》/gu;

/** `《规划》`, `《办法》`, `《实施方案》`: a bare document type names the document that contains it. */
const SELF_REFERENCE = /^(?:本)?(?:实施)?(?:方案|规划|办法|细则|要点|预案|机制|制度|清单|计划|意见|通知|规定|条例|标准|纲要|指南)$/u;

export interface CitationScanOptions {
  /** Titles of the document itself (its title, enclosure titles): a 《…》 equal to one is a self-reference. */
  selfTitles: string[];
  ownDocNumber: string | null;
}

function blockTexts(doc: ParsedDocument): Block[] {
  // Skip the header blocks (title, 文号): citing oneself there is not a citation.
  return doc.blocks.filter((b, i) => i > 0 && b.text !== doc.docNumber);
}

const compactText = (s: string) => s.replace(/\s+/g, '');

export function findCitations(blocks: Block[], opts: CitationScanOptions): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  const self = new Set(opts.selfTitles.map(compactText));
  const push = (key: string, c: Citation) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const b of blocks) {
    const chars = blockChars(b);
    const hasTitle = (chars & TITLE_OPEN) !== 0;
    // Every citation form contains 《 (a title) or 号 (a 文号 or an order).
    if (!hasTitle && !(chars & NUMBER_SIGN)) continue;
    const text = b.kind === 'table' ? b.text.replace(/\t/g, ' ') : b.text;
    // 《title》（文号）: one citation carrying both.
    const titleEndingAt = new Map<number, string>();
    if (hasTitle) for (const m of text.matchAll(TITLE)) titleEndingAt.set(m.index + m[0].length, compactText(m[1]!));
    const paired = new Set<string>();
    for (const d of findDocNumbers(text)) {
      if (d.docNumber === opts.ownDocNumber) continue;
      const open = /[（(]\s*$/u.exec(text.slice(Math.max(0, d.index - 3), d.index));
      const title = open ? titleEndingAt.get(d.index - open[0].length) : undefined;
      if (title) paired.add(title);
      push(`n:${d.docNumber}`, { docNumber: d.docNumber, ...(title ? { title } : {}), kind: 'docNumber', lines: b.lines });
    }
    for (const order of findOrders(text)) push(`o:${order}`, { order, kind: 'order', lines: b.lines });
    for (const title of titleEndingAt.values()) {
      if (!title || paired.has(title)) continue;
      const isSelf = SELF_REFERENCE.test(title) || self.has(title);
      push(`t:${title}`, { title, kind: isSelf ? 'self' : 'title', lines: b.lines });
    }
  }
  return out;
}

export interface CitationIndex {
  byNumber: Map<string, ParsedDocument>;
  byTitle: Map<string, ParsedDocument>;
}

/** Index an issue's documents by 文号 and by title (their own and their enclosures'). */
export function citationIndex(docs: ParsedDocument[]): CitationIndex {
  const byNumber = new Map(docs.filter((d) => d.docNumber).map((d) => [d.docNumber!, d]));
  const byTitle = new Map<string, ParsedDocument>();
  for (const d of docs) {
    byTitle.set(compactText(d.title), d);
    for (const e of d.enclosures) byTitle.set(compactText(e.title), d);
  }
  return { byNumber, byTitle };
}

/** Resolve citations against the other documents of the same issue. */
export function resolveCitations(citations: Citation[], index: CitationIndex): void {
  for (const c of citations) {
    const hit = (c.docNumber && index.byNumber.get(c.docNumber)) || (c.title && c.kind === 'title' && index.byTitle.get(c.title)) || undefined;
    c.resolved = hit ? { docNumber: hit.docNumber, title: hit.title } : null;
  }
}

export function extractCitations(doc: ParsedDocument): Citation[] {
  return findCitations(blockTexts(doc), {
    selfTitles: [doc.title, ...doc.enclosures.map((e) => e.title)],
    ownDocNumber: doc.docNumber,
  });
}
