// Responsibility clauses close task paragraphs: `（责任单位：…）`,
// `（X牵头，Y配合）`, or a `责任单位：…` line after the task. Each becomes a
// Responsibility with its task text, outline node, units and deadline.
import type { Block, OutlineNode, ParsedDocument } from '../parse/types.js';
import type { Deadline, Responsibility, UnitRef } from './types.js';
import { blockChars, charBit } from './block-chars.js';
import { looksLikeClause, readClause, type ClauseUnits } from './clauses.js';
import type { UnitRegistry } from './units.js';
import { extractDeadlines } from './deadlines.js';

interface Paren {
  start: number;
  end: number;
  inner: string;
}

/** Top-level `（…）` groups; an unclosed one at the end of a paragraph counts (its close was lost at a break). */
export function topLevelParens(text: string): Paren[] {
  const out: Paren[] = [];
  if (!text.includes('（')) return out;
  let depth = 0;
  let start = -1;
  // Jump from parenthesis to parenthesis instead of visiting every character.
  let open = text.indexOf('（');
  let close = text.indexOf('）');
  while (open >= 0 || close >= 0) {
    if (open >= 0 && (close < 0 || open < close)) {
      if (depth === 0) start = open;
      depth++;
      open = text.indexOf('（', open + 1);
    } else {
      if (depth > 0 && --depth === 0) out.push({ start, end: close + 1, inner: text.slice(start + 1, close) });
      close = text.indexOf('）', close + 1);
    }
  }
  if (depth > 0 && start >= 0 && text.length - start < 400) out.push({ start, end: text.length, inner: text.slice(start + 1) });
  return out;
}

const OPEN_PAREN = charBit('（');
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

/**
 * `deadlines` are the document's deadlines (extractDeadlines), found once per
 * paragraph; a clause takes the first one printed in its own task text.
 */
export function extractResponsibilities(doc: ParsedDocument, registry: UnitRegistry, deadlines: Deadline[] = extractDeadlines(doc)): Responsibility[] {
  const out: Responsibility[] = [];
  const byBlock = new Map<number, Deadline[]>();
  for (const d of deadlines) byBlock.set(d.lines[0], [...(byBlock.get(d.lines[0]) ?? []), d]);
  const deadlineIn = (text: string, block: Block): Deadline | null => (byBlock.get(block.lines[0]) ?? []).find((d) => text.includes(d.text)) ?? null;
  const nodeAt = outlineIndex(doc.outline);
  let inherited: UnitRef[] = [];
  let previousTask: { text: string; block: Block } | null = null;
  const resolve = (names: string[]) => names.map((n) => registry.resolve(n));

  const emit = (units: ClauseUnits, clause: string, task: string, block: Block, lines: [number, number]) => {
    const deadline = deadlineIn(task, block);
    const r: Responsibility = {
      task: task.trim(),
      outlineId: nodeAt(block.lines[0]),
      leadUnits: resolve(units.lead),
      responsibleUnits: resolve(units.responsible),
      cooperatingUnits: resolve(units.cooperating),
      deadline,
      clause,
      lines,
    };
    if (inherited.length) r.inherited = inherited;
    out.push(r);
    if (units.inheritRule?.length) inherited = resolve(units.inheritRule);
  };

  for (const b of doc.blocks.slice(1)) {
    if (b.kind === 'table') continue;
    const time = TIME_LINE.exec(b.text);
    if (time && out.length) {
      const last = out[out.length - 1]!;
      last.deadline ??= deadlineIn(time[1]!, b);
      continue;
    }
    if (STANDALONE.test(b.text)) {
      const units = readClause(b.text);
      if (units && previousTask) emit(units, b.text, previousTask.text, previousTask.block, [previousTask.block.lines[0], b.lines[1]]);
      continue;
    }
    let cursor = 0;
    let found = false;
    for (const p of blockChars(b) & OPEN_PAREN ? topLevelParens(b.text) : []) {
      if (!looksLikeClause(p.inner)) continue;
      const units = readClause(p.inner);
      if (!units) continue;
      let task = b.text.slice(cursor, p.start);
      // A clause alone in its paragraph closes the paragraph before it.
      if (previousTask && !/[^。；，\s]/u.test(task)) task = previousTask.text;
      emit(units, b.text.slice(p.start, p.end), task, b, b.lines);
      cursor = p.end;
      found = true;
    }
    const rest = b.text.slice(cursor).replace(/^[。；，\s]+/u, '');
    previousTask = rest || !found ? { text: found ? rest : b.text, block: b } : previousTask;
  }
  return out;
}
