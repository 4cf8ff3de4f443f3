// Which task a responsibility clause closes, where it starts, and a short
// title a 督查室 clerk would accept (DOMAIN.md §7; conventions in
// test/fixtures/responsibilities/README.md, part two):
// - a clause closes the item or paragraph it ends; a clause alone on its line
//   closes the paragraph before it, or the item that introduced a list;
// - a paragraph broken at a page or column break is joined to its start;
// - a section whose body holds one clause-bearing paragraph is the task
//   itself: it starts at the section heading, which gives the title;
// - the title is the item's run-in heading (to the first 。) or the first
//   clause of its sentence, whole words, at most 40 characters.
import { matchMarker } from '../parse/markers.js';
import type { Block, OutlineNode, ParsedDocument } from '../parse/types.js';

export interface TaskSpan {
  /** Index in doc.blocks of the block the task starts in. */
  startBlock: number;
  startLine: number;
  /** The whole task text up to the clause, joined across breaks. */
  text: string;
  title: string | null;
}

export const TITLE_MAX = 40;
/** How much of a paragraph's head is cleaned to find its title. */
const HEAD = 120;
/** A paragraph that ends here is finished; anything else continues after a break. */
const FINISHED = /[。；！？：…”」』）)\]】]$/u;
const FIRST_SENTENCE = /^[^。！？]*/u;
const FIRST_CLAUSE = /^[^，,；;：:。！？]*/u;
const NON_CONTENT = /[^。；，,\s]/u;

/** The last character that is not whitespace. */
function lastChar(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && /\s/u.test(text[i]!)) i--;
  return i >= 0 ? text[i]! : '';
}

/** Whitespace, outline marker and markdown residue removed. */
export function cleanTaskText(text: string): string {
  // A title, a run-in heading or a first sentence lies in the head of a paragraph: clean only that.
  let t = text.slice(0, HEAD);
  if (RESIDUE.test(t)) t = t.replace(/^(?:#{1,6}\s*|[-*]\s+)/u, '').replace(/\*\*/g, '').replace(/\s+/g, '');
  const m = MARKER_START.test(t) ? matchMarker(t) : null;
  if (m) t = m.rest;
  return RESIDUE.test(t[0] ?? '') ? t.replace(/^[#*\s]+/u, '') : t;
}

/** Markdown residue or whitespace: most heads have none. */
const RESIDUE = /[#*\s]/u;
/** The characters an outline marker can start with (parse/markers.ts); others skip the marker reader. */
const MARKER_START = /^[0-9０-９（(一二三四五六七八九十第①-⑳—―【专]/u;

/** Cut to at most `max` characters between whole words: after a book title, a quote or an enumeration comma. */
export function cutTitle(title: string, max = TITLE_MAX): string {
  if (title.length <= max) return title;
  const chars = [...title];
  if (chars.length <= max) return title;
  for (let i = max; i > 4; i--) {
    const prev = chars[i - 1]!, next = chars[i]!;
    if (/[》”）、]/u.test(prev) || /[《“（]/u.test(next)) return chars.slice(0, i).join('').replace(/[、，]$/u, '');
  }
  return chars.slice(0, max).join('');
}

/** The title of a task whose text starts `text`: its run-in heading, else its first clause. */
export function taskTitle(text: string, heading: boolean, shortHeadings: boolean | (() => boolean), cleaned?: string): string | null {
  const t = cleaned ?? cleanTaskText(text);
  if (!t) return null;
  let sentence = FIRST_SENTENCE.exec(t)![0];
  if (sentence.endsWith('）')) sentence = sentence.replace(/（[^（）]*）$/u, '');
  const whole = heading || !/[，,；;：:]/u.test(sentence) || (typeof shortHeadings === 'function' ? shortHeadings() : shortHeadings);
  const title = whole ? sentence : FIRST_CLAUSE.exec(t)![0];
  return title ? cutTitle(title) : null;
}

interface NodeInfo { node: OutlineNode; parent: OutlineNode | null; block: number }

export class TaskLocator {
  private readonly blocks: Block[];
  private readonly nodeAtLine = new Map<number, NodeInfo>();
  /** Block indexes that start an outline node. */
  private readonly nodeBlock = new Set<number>();
  private readonly shortGroup = new Map<OutlineNode | null, boolean>();
  private top: OutlineNode[] = [];
  private readonly cleaned = new Map<number, string>();

  /** `clauseBlocks`: indexes of blocks that hold a clause (for the one-paragraph section rule). */
  constructor(doc: ParsedDocument, private readonly clauseBlocks: Set<number>) {
    this.blocks = doc.blocks;
    const firstBlock = new Map<number, number>();
    this.blocks.forEach((b, i) => { if (!firstBlock.has(b.lines[0])) firstBlock.set(b.lines[0], i); });
    const walk = (ns: OutlineNode[], parent: OutlineNode | null) => {
      for (const n of ns) {
        const block = firstBlock.get(n.lines[0]);
        if (block !== undefined) {
          this.nodeAtLine.set(n.lines[0], { node: n, parent, block });
          this.nodeBlock.add(block);
        }
        walk(n.children, n);
      }
    };
    walk(doc.outline, null);
    this.top = doc.outline;
  }

  /** Siblings whose run-in headings are all short keep a comma inside the heading (`加强排查,完善台账`). */
  private short(parent: OutlineNode | null, siblings: OutlineNode[]): boolean {
    let known = this.shortGroup.get(parent);
    if (known === undefined) {
      const heads = siblings.map((n) => this.nodeAtLine.get(n.lines[0])?.block).filter((k): k is number => k !== undefined && this.blocks[k]!.kind === 'paragraph');
      known = heads.length > 0 && heads.every((k) => [...FIRST_SENTENCE.exec(this.clean(k))![0]].length <= 20);
      this.shortGroup.set(parent, known);
    }
    return known;
  }

  private shortHeadings(k: number): boolean {
    const info = this.info(k);
    if (!info) return false;
    return this.short(info.parent, info.parent ? info.parent.children : this.top);
  }

  private clean(k: number): string {
    let t = this.cleaned.get(k);
    if (t === undefined) this.cleaned.set(k, (t = cleanTaskText(this.blocks[k]!.text)));
    return t;
  }

  private info(k: number): NodeInfo | undefined {
    return this.nodeBlock.has(k) ? this.nodeAtLine.get(this.blocks[k]!.lines[0]) : undefined;
  }

  /** A stand-alone heading that is really a paragraph broken after its first line. */
  private brokenHeading(b: Block): boolean {
    return b.kind === 'heading' && [...b.text].length >= 30 && /[，,]/u.test(b.text) && !FINISHED.test(b.text);
  }

  /** A block that only names its item: a stand-alone heading, or `13. 更好发挥保险功能。` alone. */
  private headingLike(k: number): boolean {
    const b = this.blocks[k]!;
    if (b.kind === 'heading') return !this.brokenHeading(b);
    const t = this.clean(k).replace(/[。！？]$/u, '');
    return b.kind === 'paragraph' && [...t].length <= TITLE_MAX && !/[。！？；]/u.test(t);
  }

  /** A paragraph that opens with a short run-in heading (`推行智慧政务。…`). */
  private runIn(k: number): boolean {
    const b = this.blocks[k]!;
    if (b.kind !== 'paragraph') return false;
    const t = this.clean(k);
    const first = FIRST_SENTENCE.exec(t)![0];
    return first.length < t.length && [...first].length <= 16 && !/[，,；;：:]/u.test(first);
  }

  /** Does block k continue block k-1 (a break inside a paragraph)? */
  private continues(k: number): boolean {
    if (k <= 1 || this.nodeBlock.has(k)) return false;
    const prev = this.blocks[k - 1]!, cur = this.blocks[k]!;
    if (cur.kind === 'table' || prev.kind === 'table') return false;
    if (prev.kind === 'heading' && !this.brokenHeading(prev)) return false;
    return !FINISHED.test(lastChar(prev.text));
  }

  /** The body blocks of the section headed by block h: up to the next outline node. */
  private clausesInBody(h: number): number {
    let n = 0;
    for (let i = h + 1; i < this.blocks.length && !this.nodeBlock.has(i); i++) if (this.clauseBlocks.has(i)) n++;
    return n;
  }

  /**
   * The task closed by a clause in block k, whose own text before the clause
   * is `before` (from the previous clause in the block, or the block start).
   */
  locate(k: number, before: string, firstInBlock: boolean): TaskSpan {
    if (!NON_CONTENT.test(before) && k > 1) return this.alone(k);
    if (!firstInBlock) {
      return { startBlock: k, startLine: this.blocks[k]!.lines[0], text: before.trim(), title: taskTitle(before, false, false) };
    }
    let j = k;
    while (this.continues(j)) j--;
    const parts = this.blocks.slice(j, k).map((b) => b.text);
    parts.push(before);
    let text = parts.join('');
    let start = j;
    let heading = false;
    const h = j - 1;
    if (!this.nodeBlock.has(j) && h >= 1 && this.nodeBlock.has(h) && this.headingLike(h) && this.clausesInBody(h) === 1) {
      // A section or item with one clause-bearing paragraph: the section is the task.
      start = h;
      heading = true;
      text = this.blocks[h]!.text + text;
    } else if (!this.nodeBlock.has(j) && h >= 1 && !this.clauseBlocks.has(h) && this.runIn(h) && !this.runIn(j)) {
      // `推行智慧政务。加强…` then `围绕…（责任单位：…）`: an unnumbered item of two paragraphs.
      start = h;
      text = this.blocks[h]!.text + text;
    }
    const first = this.blocks[start]!;
    // The title lies in the start block, unless its first sentence runs on past a break.
    const own = this.clean(start);
    const cleaned = heading || start === k || /[。！？]/u.test(own) ? own : undefined;
    const title = taskTitle(heading ? first.text : text, heading || (first.kind === 'heading' && !this.brokenHeading(first)), () => this.shortHeadings(start), cleaned);
    return { startBlock: start, startLine: first.lines[0], text: text.trim(), title };
  }

  /** A clause alone in its block: it closes what came before. */
  private alone(k: number): TaskSpan {
    let p = k - 1;
    while (p > 1 && this.blocks[p]!.kind === 'table') p--;
    // After a list introduced by `…：`, the clause closes the item that owns the list.
    const owner = this.listOwner(p);
    if (owner !== null) {
      const b = this.blocks[owner]!;
      const text = this.blocks.slice(owner, k).map((x) => x.text).join('');
      return { startBlock: owner, startLine: b.lines[0], text, title: taskTitle(b.text, b.kind === 'heading', () => this.shortHeadings(owner)) };
    }
    return this.locate(p, this.blocks[p]!.text, true);
  }

  private listOwner(p: number): number | null {
    let i = p;
    while (i > 1 && !this.nodeBlock.has(i)) i--;
    const item = this.info(i);
    if (!item?.parent) return null;
    const owner = this.nodeAtLine.get(item.parent.lines[0]);
    if (!owner || item.parent.children[0] === undefined) return null;
    const intro = this.blocks[owner.block]!;
    if (lastChar(intro.text) !== '：') return null;
    // Only when no item of the list has a clause of its own.
    for (let b = owner.block + 1; b < p + 1; b++) if (this.clauseBlocks.has(b)) return null;
    return owner.block;
  }
}
