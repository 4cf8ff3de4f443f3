// Shared by the readers of duties outside responsibility clauses (task
// tables, duty prose): which printed names are specific units, where a
// printed unit list ends, the outline node at a line, and one Responsibility
// record built from what a reader found.
import type { LineRange, OutlineNode, ParsedDocument } from '../parse/types.js';
import type { Deadline, Responsibility } from './types.js';
import { cleanUnitName, inferKind, isUnitLike, type UnitRegistry } from './units.js';
import { splitUnits } from './clauses.js';
import { findDeadlines } from './deadlines.js';
import { deadlineInTask, type TimeContext } from './task-deadline.js';

/** Endings of a named body (not of a sector word or a place). */
const BODY_END = /(?:局|委|办|中心|部|院|政府|委员会|管委会|公司|银行|支行|分行|大队|支队|厅|署|组|队|指挥部|所|站)$/u;
/** `国务院专利行政部门`: a level of government and its competent department names one body. */
const COMPETENT_DEPT = /^(?:国务院|省|市|县|区)[^各有关相其]{1,20}(?:行政|主管)部门$/u;
/** Words that end like a body but are not one. */
const NOT_BODY = /(?:干部|全部|内部|外部|局部|本部门|本单位|本级政府)$/u;

/** A unit a duty can be assigned to on its own: not a collective (`有关部门`), a sector or a place. */
export function specificUnit(printed: string): boolean {
  const n = cleanUnitName(printed);
  if (!isUnitLike(n) || NOT_BODY.test(n) || /[0-9０-９年月日]/u.test(n)) return false;
  if (COMPETENT_DEPT.test(n)) return true;
  if (inferKind(n) === 'collective') return false;
  return BODY_END.test(n) || /^[县市省]/u.test(n);
}

/** The names of a unit list when every item is unit-like and (unless `collective`) one is specific; else null. */
export function unitNames(list: string, collective = false): string[] | null {
  if (!list || [...list].length > 120) return null;
  const names = splitUnits(list);
  return names.length && names.every(isUnitLike) && (collective || names.some(specificUnit)) ? names : null;
}

/** Verbs that open the predicate after a unit list (`会同县财政局制定…`). */
const PREDICATE = /^(?:研究|制定|制订|建立|做好|加强|开展|组织|推进|提出|负责|落实|完善|指导|协调|编制|抓好|推动|共同|按照|根据|依据|依法|对|在|及时|进一步|认真|全面|统筹|出台|探索|实施|适时|督促|审核|核定|拟定|起草|联合|加快|确定|明确|健全|做|抓|搞|开发|分别|积极|密切|配合|参与|协助|协办|牵头)/u;

/**
 * The unit list a text starts with, up to where its predicate begins: the
 * longest prefix that reads as a list whose items are all unit-like and not
 * two units joined by a verb (`县财政局组织县审计局` is no name). Null when none.
 */
export function leadingUnits(text: string): { names: string[]; length: number } | null {
  const head = /^[^，。；：,;:！？]{0,80}/u.exec(text)![0];
  for (let end = head.length; end >= 2; end--) {
    if (end < head.length && !PREDICATE.test(head.slice(end))) continue;
    const list = head.slice(0, end).replace(/等(?:有关|相关)?(?:部门|单位)?$/u, '');
    const names = list ? splitUnits(list) : [];
    if (!names.length || !names.every((n) => isUnitLike(n) && !joinedByVerb(n))) continue;
    if (!names.some((n) => BODY_END.test(n) || /(?:部门|单位)$/u.test(n))) continue;
    return { names, length: end };
  }
  return null;
}

function joinedByVerb(name: string): boolean {
  for (let i = 2; i < name.length - 2; i++) {
    const verb = PREDICATE.exec(name.slice(i));
    if (verb && isUnitLike(name.slice(0, i)) && isUnitLike(name.slice(i + verb[0].length))) return true;
  }
  return false;
}

/** The outline node at a line: the deepest node starting at or before it, with its ancestors (outermost first). */
export function outlineChain(nodes: OutlineNode[], line: number): OutlineNode[] {
  const chain: OutlineNode[] = [];
  let level = nodes;
  for (;;) {
    let found: OutlineNode | undefined;
    for (const n of level) if (n.lines[0] <= line) found = n;
    if (!found) return chain;
    chain.push(found);
    level = found.children;
  }
}


/** The first time frame a task text states, read as a responsibility clause's task is. */
export function taskDeadline(text: string, ctx: TimeContext, lines: LineRange, found?: Deadline[]): Deadline | null {
  return deadlineInTask(text, found ?? findDeadlines(text, ctx.anchor, lines, undefined, ctx.planYear), ctx, lines);
}

export interface DutyDraft {
  task: string;
  title: string | null;
  lead: string[];
  responsible: string[];
  cooperating: string[];
  deadline: Deadline | null;
  clause: string;
  lines: LineRange;
  taskLines: LineRange;
}

/** A Responsibility from a draft: a unit keeps its strongest role once, names resolved in the registry. */
export function toResponsibility(doc: ParsedDocument, registry: UnitRegistry, d: DutyDraft): Responsibility {
  const seen = new Set<string>();
  const take = (names: string[]) => names.filter((n) => !seen.has(n) && seen.add(n)).map((n) => registry.resolve(n));
  const leadUnits = take(d.lead);
  const responsibleUnits = take(d.responsible);
  const cooperatingUnits = take(d.cooperating);
  return {
    task: d.task, title: d.title, outlineId: outlineChain(doc.outline, d.taskLines[0]).at(-1)?.id ?? null,
    leadUnits, responsibleUnits, cooperatingUnits, deadline: d.deadline, clause: d.clause, lines: d.lines, taskLines: d.taskLines,
  };
}

/** Append records to a document's responsibilities, in line order (a stable sort keeps same-line records as found). */
export function mergeByLine(base: Responsibility[], extra: Responsibility[]): Responsibility[] {
  if (!extra.length) return base;
  return [...base, ...extra].sort((a, b) => a.lines[0] - b.lines[0]);
}
