// Re-join paragraphs that page breaks, column breaks and hard-wrapped narrow
// columns cut apart. The rules never refuse input: at worst a paragraph stays
// split. Lines the document skeleton marks as standalone (title, 文号,
// signature, captions…) always stand alone.
import type { SourceLine } from '../text/lines.js';
import type { Block, Diagnostic, Table } from './types.js';
import { matchMarker } from './markers.js';
import { DOC_TYPE_END } from './organs.js';
import { parseDateLine } from './dates.js';

/** A paragraph that ends here is complete; anything else continues after a break. */
const TERMINAL = /[。！？；：:;!?…）)】」』]$/u;
const HEADING_MAX = 40;

/**
 * A paragraph being built. Its text is kept as parts plus a short tail:
 * testing a regex against a growing concatenated string would flatten it on
 * every line and make long paragraphs quadratic.
 */
interface Open {
  parts: string[];
  tail: string;
  length: number;
  sentencePunct: boolean;
  first: number;
  last: number;
  rawHeading: boolean;
  marker: boolean;
  standalone: boolean;
}

const TAIL = 16;
const openText = (p: Open) => p.parts.join('');

function append(p: Open, piece: string): void {
  const joined = joinText(p.tail, piece);
  const added = joined.slice(p.tail.length);
  p.parts.push(added);
  p.length += added.length;
  p.tail = joined.slice(-TAIL);
  p.sentencePunct ||= /[。；！？]/.test(added);
}

/** Concatenate two fragments; only Latin letters and digits keep a space between them. */
export function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** `汽车消费需求` + `需求…`: text repeated across a break. Returns how many leading chars of `b` repeat `a`. */
export function repeatedAcrossBreak(a: string, b: string): number {
  for (let k = Math.min(8, a.length, b.length - 1); k >= 2; k--) {
    const tail = a.slice(a.length - k);
    if (/^\p{Script=Han}+$/u.test(tail) && b.startsWith(tail)) return k;
  }
  return 0;
}

const isHeadingLike = (p: Open) => p.marker && p.length <= HEADING_MAX && !p.sentencePunct;
/**
 * `体。农田水利工程要…` after `（四）明确运行管护主`: a line that opens with the
 * few characters a broken run-in heading lacks, up to its full stop. A body
 * paragraph rarely opens with a sentence that short.
 */
const HEADING_REST = /^[^，、。；！？：,;:!?\s]{1,5}[。；]/u;
const isTitleLike = (t: string) => t.length <= 40 && DOC_TYPE_END.test(t) && !/[，。；]/.test(t);

function continues(prev: Open, l: SourceLine, sawBreak: boolean): boolean {
  if (prev.standalone || l.listItem) return false;
  if (matchMarker(l.text)) return false;
  if (parseDateLine(l.text)) return false;
  if (isHeadingLike(prev)) {
    // A heading split over two lines: the second half is short and unnumbered,
    // or (across a page break) the end of a run-in heading and its body.
    if (TERMINAL.test(prev.tail)) return false;
    return (l.text.length <= 20 && (!sawBreak || (prev.rawHeading && l.heading))) || HEADING_REST.test(l.text);
  }
  if (!sawBreak) return true;
  if (prev.length <= 40 && isTitleLike(openText(prev))) return false;
  return !TERMINAL.test(prev.tail);
}

/** A table as plain text: its caption, then one tab-separated line per row. */
export function tableText(t: Table): string {
  const rows = [t.header, ...t.rows].map((r) => r.join('\t'));
  return (t.caption ? [t.caption, ...rows] : rows).join('\n');
}

export interface BlockScan {
  blocks: Block[];
  diagnostics: Diagnostic[];
}

/**
 * Build paragraph and table blocks for `lines[from..end)`. `standalone` holds
 * line indices that must form a paragraph of their own; `tables` have
 * already claimed their lines (`consumed`, by source line number).
 */
export function buildBlocks(
  lines: SourceLine[],
  from: number,
  end: number,
  standalone: Set<number>,
  tables: Table[],
  consumed: Set<number>,
): BlockScan {
  const blocks: Block[] = [];
  const diagnostics: Diagnostic[] = [];
  const tableAt = new Map(tables.map((t) => [t.lines[0], t]));
  let open: Open | null = null;
  let sawBreak = false;

  const close = () => {
    if (open) {
      const kind = isHeadingLike(open) ? 'heading' : 'paragraph';
      blocks.push({ kind, text: openText(open), lines: [open.first, open.last] });
    }
    open = null;
  };

  for (let i = from; i < end; i++) {
    const l = lines[i]!;
    const table = tableAt.get(l.no);
    if (table) {
      close();
      blocks.push({ kind: 'table', text: tableText(table), lines: table.lines });
      sawBreak = true;
      continue;
    }
    if (consumed.has(l.no)) continue;
    if (l.blank) {
      sawBreak = true;
      continue;
    }
    const alone = standalone.has(i);
    if (open && !alone && continues(open, l, sawBreak)) {
      const o: Open = open;
      let text = l.text;
      if (sawBreak) {
        const k = repeatedAcrossBreak(o.tail, text);
        if (k) {
          text = text.slice(k);
          diagnostics.push({ severity: 'info', code: 'repeated-across-break', message: `分页处重复的文字已去除：${l.text.slice(0, k)}`, line: l.no });
        }
      }
      append(o, text);
      o.last = l.no;
    } else {
      close();
      open = {
        parts: [l.text], tail: l.text.slice(-TAIL), length: l.text.length, sentencePunct: /[。；！？]/.test(l.text),
        first: l.no, last: l.no, rawHeading: l.heading, marker: matchMarker(l.text) !== null, standalone: alone,
      };
    }
    sawBreak = false;
  }
  close();
  return { blocks, diagnostics };
}
