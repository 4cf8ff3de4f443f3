// Responsibility clauses close task paragraphs: `（责任单位：…）`,
// `（X牵头，Y配合）`, or a `责任单位：…` line after the task. Each becomes a
// Responsibility with its task text, outline node, units and deadline.
import type { Block, LineRange, OutlineNode, ParsedDocument } from '../parse/types.js';
import type { Deadline, Responsibility, UnitRef } from './types.js';
import { blockChars, charBit } from './block-chars.js';
import { applyFirstLeads, assigns, looksLikeClause, readClause, statesFirstLeads, type ClauseUnits } from './clauses.js';
import type { UnitRegistry } from './units.js';
import { extractDeadlines } from './deadlines.js';
import { deadlineInLabel, deadlineInTask, timeContext } from './task-deadline.js';
import { TaskLocator } from './tasks.js';

interface Paren {
  start: number;
  end: number;
  inner: string;
}

/**
 * Top-level `（…）` groups. An opening parenthesis that never closes is a
 * misprint and read as a plain character (`县、乡（政府职责和村（居）委会职责`),
 * except the last one of a paragraph, after every group: its close was lost
 * at a break.
 */
export function topLevelParens(text: string): Paren[] {
  const out: Paren[] = [];
  if (!text.includes('（')) return out;
  // Balanced text (nearly all): one pass from parenthesis to parenthesis.
  let depth = 0;
  let start = -1;
  let o = text.indexOf('（');
  let c = text.indexOf('）');
  while (o >= 0 || c >= 0) {
    if (o >= 0 && (c < 0 || o < c)) {
      if (depth++ === 0) start = o;
      o = text.indexOf('（', o + 1);
    } else {
      if (depth > 0 && --depth === 0) out.push({ start, end: c + 1, inner: text.slice(start + 1, c) });
      c = text.indexOf('）', c + 1);
    }
  }
  if (depth === 0) return out;
  if (depth === 1 && !text.includes('）', start) && text.length - start < 400) {
    out.push({ start, end: text.length, inner: text.slice(start + 1) });
    return out;
  }
  return unbalancedParens(text);
}

/** Match each close with the nearest open; opens left over are plain characters, but for the last one. */
function unbalancedParens(text: string): Paren[] {
  const out: Paren[] = [];
  const open: number[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（') open.push(i);
    else if (ch === '）') {
      const start = open.pop();
      if (start !== undefined) pairs.push([start, i]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let end = -1;
  for (const [start, close] of pairs) {
    if (start < end) continue;
    out.push({ start, end: close + 1, inner: text.slice(start + 1, close) });
    end = close + 1;
  }
  const last = open[open.length - 1];
  if (last !== undefined && last >= end && text.length - last < 400) out.push({ start: last, end: text.length, inner: text.slice(last + 1) });
  return out;
}

const OPEN_PAREN = charBit('（');
const COLON = charBit('：') | charBit(':');
const STANDALONE = /^(?:责任单位|牵头单位|配合单位|参与单位|协办单位|责任部门|牵头部门)[：:]/u;
const TIME_LINE = /^(?:时限要求|完成时限|完成时间|时间要求|办结时限)[：:](.*)$/u;

/** The outline node governing a line: the last node (any depth) that starts at or before it. */
function outlineIndex(nodes: OutlineNode[]): (line: number) => string | null {
  const flat: [number, string][] = [];
  const walk = (ns: OutlineNode[]) => ns.forEach((n) => (flat.push([n.lines[0], n.id]), walk(n.children)));
  walk(nodes);
  flat.sort((a, b) => a[0] - b[0]);
  return (line) => {
    let id: string | null = null;
    for (const [start, nid] of flat) {
      if (start > line) break;
      id = nid;
    }
    return id;
  };
}

interface Found {
  block: number;
  /** Offsets of the clause in the block text (the whole block for a `责任单位：` line). */
  start: number;
  end: number;
  units: ClauseUnits;
  /** The block's text before the clause, after any earlier clause in it. */
  before: string;
  first: boolean;
  standalone: boolean;
  /** The clause's continuation in the next block, when it ran over a break. */
  tail?: string;
}

/** Every clause of the document, in order. */
function findClauses(blocks: Block[]): Found[] {
  const out: Found[] = [];
  for (let k = 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') continue;
    const chars = blockChars(b);
    if (chars & COLON && STANDALONE.test(b.text)) {
      const units = readClause(b.text);
      if (units) out.push({ block: k, start: 0, end: b.text.length, units, before: '', first: true, standalone: true });
      continue;
    }
    let cursor = 0;
    for (const p of chars & OPEN_PAREN ? topLevelParens(b.text) : []) {
      const open = p.end === b.text.length && !b.text.endsWith('）');
      const own = /\s/u.test(p.inner) ? p.inner.replace(/\s+/gu, '') : p.inner;
      if ((!open && !looksLikeClause(own)) || aside(b.text, p, own)) continue;
      // `…（责任单位：` at the end of a paragraph, its units after a break: `各乡〈镇〉、县水利局）`.
      const tail = open ? CONTINUED.exec(blocks[k + 1]?.kind === 'paragraph' ? blocks[k + 1]!.text : '') : null;
      const inner = tail ? own + tail[1] : own;
      if (open && !looksLikeClause(inner)) continue;
      const units = readClause(inner);
      if (!units) continue;
      out.push({ block: k, start: p.start, end: p.end, units, before: b.text.slice(cursor, p.start).replace(/^[。；，\s]+/u, ''), first: cursor === 0, standalone: false, ...(tail ? { tail: tail[0] } : {}) });
      cursor = p.end;
      if (tail) k++;
    }
  }
  return out;
}

/**
 * A parenthesis inside a running sentence is an aside, not a clause that
 * closes a task: `…的实施（技工院校内由人力资源社会保障行政部门负责），国务院…`.
 */
function aside(text: string, p: Paren, inner: string): boolean {
  const prev = text[p.start - 1];
  const next = text[p.end];
  if (prev === undefined || /[。；！？：）\s]/u.test(prev)) return false;
  if (next !== undefined && /[，、,]/u.test(next)) return true;
  // A bare unit list (no 牵头, 负责…) assigns only where it closes a sentence.
  return !assigns(inner);
}

/** The rest of a clause continued in the next paragraph, up to the parenthesis that closes it. */
const CONTINUED = {
  exec(text: string): [string, string] | null {
    let depth = 1;
    for (let i = 0; i < Math.min(text.length, 200); i++) {
      const ch = text[i];
      if (ch === '（') depth++;
      else if (ch === '）' && --depth === 0) return i > 0 ? [text.slice(0, i + 1), text.slice(0, i)] : null;
    }
    return null;
  },
};

/**
 * `deadlines` are the document's deadlines (extractDeadlines), found once per
 * paragraph; a clause takes the one in its own parenthesis, else in its
 * 时限要求 line, else the first printed in its task text (task-deadline.ts).
 */
export function extractResponsibilities(doc: ParsedDocument, registry: UnitRegistry, deadlines: Deadline[] = extractDeadlines(doc)): Responsibility[] {
  const out: Responsibility[] = [];
  const blocks = doc.blocks;
  const clauses = findClauses(blocks);
  if (!clauses.length) return out;
  const byBlock = new Map<number, Deadline[]>();
  for (const d of deadlines) {
    const list = byBlock.get(d.lines[0]);
    if (list) list.push(d);
    else byBlock.set(d.lines[0], [d]);
  }
  const ctx = timeContext(doc);
  const nodeAt = outlineIndex(doc.outline);
  const tasks = new TaskLocator(doc, new Set(clauses.map((c) => c.block)));
  // `列第一位者为牵头单位，下同`: from where the document says so, the first listed unit leads.
  const firstLeadsFrom = blocks.findIndex((x) => x.kind !== 'table' && statesFirstLeads(x.text));
  let inherited: UnitRef[] = [];
  const resolve = (names: string[]) => names.map((n) => registry.resolve(n));

  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    const b = blocks[c.block]!;
    const task = tasks.locate(c.block, c.before, c.first);
    const units = firstLeadsFrom >= 0 && c.block >= firstLeadsFrom ? applyFirstLeads(c.units) : c.units;
    const clause = b.text.slice(c.start, c.end) + (c.tail ?? '');
    const inner = c.standalone ? clause : clause.slice(1, -1);
    const lines: LineRange = c.tail ? [b.lines[0], blocks[c.block + 1]!.lines[1]] : b.lines;
    let deadline = deadlineInLabel(inner, ctx, lines);
    // A deadline in the clause's own words outranks its 时限 line; the line outranks the task text.
    const ownDeadline = deadline !== null;
    if (!deadline) {
      const found: Deadline[] = [];
      for (let x = task.startBlock; x <= c.block; x++) found.push(...(byBlock.get(blocks[x]!.lines[0]) ?? []));
      deadline = deadlineInTask(task.text, found, ctx, [blocks[task.startBlock]!.lines[0], b.lines[1]]);
    }
    const r: Responsibility = {
      task: task.text,
      title: task.title,
      outlineId: nodeAt(blocks[task.startBlock]!.lines[0]),
      leadUnits: resolve(units.lead),
      responsibleUnits: resolve(units.responsible),
      cooperatingUnits: resolve(units.cooperating),
      deadline,
      clause,
      lines,
      taskLines: [task.startLine, lines[1]],
    };
    if (inherited.length) r.inherited = inherited;
    out.push(r);
    if (c.units.inheritRule?.length) inherited = resolve(c.units.inheritRule);
    // A 时限要求 line right after the clause (before the next clause) is the clause's own.
    const next = clauses[i + 1]?.block ?? blocks.length;
    for (let k = c.block + 1; k < Math.min(next, c.block + 3); k++) {
      const time = TIME_LINE.exec(blocks[k]!.text);
      if (!time) continue;
      const d = deadlineInLabel(time[1]!, ctx, blocks[k]!.lines);
      if (d && !ownDeadline) r.deadline = d;
      break;
    }
  }
  return out;
}
