// Task tables (DOMAIN.md §7, recall gaps): a table with a 责任单位, 牵头单位,
// 配合单位… column assigns the task of each row to the units in its cells.
// One Responsibility a row: the task from the task column (工作任务, 重点任务,
// 指标…, else the longest text column), units from the unit columns, the
// deadline from a 完成时限 column or the task text. Section rows (one filled
// cell) and rows without a unit are skipped; odd tables never throw.
import type { LineRange, ParsedDocument, Table } from '../parse/types.js';
import type { SourceLine } from '../text/lines.js';
import type { Responsibility } from './types.js';
import { isUnitLike, type UnitRegistry } from './units.js';
import { applyFirstLeads, readClause, splitUnits, type ClauseUnits } from './clauses.js';
import { deadlineInLabel, timeContext, type TimeContext } from './task-deadline.js';
import { taskTitle } from './tasks.js';
import { taskDeadline, toResponsibility } from './duty-common.js';

/** How a plain list in a unit column is read. */
type ColumnRole = 'lead' | 'responsible' | 'cooperating' | 'leadThenCooperating' | 'firstLeads';

const UNIT_HEAD = /(?:责任|牵头|配合|参与|协办)(?:单位|部门)/u;
const TASK_HEAD = /任务|工作内容|主要内容|指标|措施|举措|事项/u;
const TIME_HEAD = /完成时限|时间节点|完成时间|时限|完成期限|时间要求|截止时间/u;
const NUMBER_HEAD = /^(?:序号|编号|序|号)$/u;
/** A cell that states roles itself (`县发展和改革局牵头，县财政局配合`) rather than listing units. */
const STATES_ROLES = /牵头|负责|配合|参与|协助|协办|落实|[：:]/u;

const squash = (s: string) => s.replace(/\s+/gu, '');

/** A column's label: every header row's cell above it, outermost first. */
function labels(t: Table, width: number): string[] {
  const rows = [...(t.headerRows ?? []), t.header ?? []];
  return Array.from({ length: width }, (_, i) => rows.map((r) => squash(String(r?.[i] ?? ''))).filter(Boolean).join('/'));
}

/** The role a unit column's header states: `牵头单位`, `配合单位`, `牵头单位及配合单位`, `责任单位（牵头单位列第一位）`. */
export function columnRole(label: string): ColumnRole | null {
  // In a spanning header (`责任单位/配合单位`) the innermost label decides.
  const own = label.split('/').filter((x) => UNIT_HEAD.test(x)).at(-1);
  if (!own || [...own].length > 30) return null;
  const lead = /牵头/u.test(own);
  const cooperating = /配合|参与|协办/u.test(own);
  if (lead && /第一位|首位|排首|列首/u.test(own)) return 'firstLeads';
  if (lead && cooperating) return 'leadThenCooperating';
  if (lead) return 'lead';
  if (cooperating && !/责任/u.test(own)) return 'cooperating';
  return 'responsible';
}

/** The units of one cell under its column's role. */
function cellUnits(cell: string, role: ColumnRole): ClauseUnits | null {
  const text = squash(cell);
  if (!text) return null;
  if (STATES_ROLES.test(text)) {
    const c = readClause(text);
    return c && role === 'firstLeads' ? applyFirstLeads(c) : c;
  }
  const names = splitUnits(text);
  if (!names.length || !names.every(isUnitLike)) return null;
  const c: ClauseUnits = { lead: [], responsible: [], cooperating: [], inheritRule: null };
  if (role === 'lead' || role === 'cooperating' || role === 'responsible') c[role].push(...names);
  else {
    c.lead.push(names[0]!);
    c[role === 'firstLeads' ? 'responsible' : 'cooperating'].push(...names.slice(1));
  }
  return c;
}

interface Columns {
  units: [number, ColumnRole][];
  task: number;
  time: number | null;
}

/** Which columns hold units, the task and the deadline; null when the table assigns no units. */
export function tableColumns(t: Table): Columns | null {
  // Most tables name no unit column: one look at the header rows decides.
  if (![t.header, ...(t.headerRows ?? [])].some((r) => Array.isArray(r) && r.some((c) => typeof c === 'string' && UNIT_HEAD.test(squash(c))))) return null;
  const rows = Array.isArray(t.rows) ? t.rows.filter(Array.isArray) : [];
  const width = Math.max(t.header?.length ?? 0, ...(t.headerRows ?? []).map((r) => r?.length ?? 0), ...rows.map((r) => r.length));
  const label = labels(t, width);
  const units: [number, ColumnRole][] = [];
  label.forEach((l, i) => {
    const role = columnRole(l);
    if (role) units.push([i, role]);
  });
  if (!units.length) return null;
  const time = label.findIndex((l, i) => TIME_HEAD.test(l) && !units.some(([u]) => u === i));
  const text = (i: number) => rows.reduce((n, r) => n + squash(String(r[i] ?? '')).length, 0);
  const free = label.map((_, i) => i).filter((i) => i !== time && !units.some(([u]) => u === i) && !NUMBER_HEAD.test(label[i]!));
  const named = free.filter((i) => TASK_HEAD.test(label[i]!));
  const pool = named.length ? named : free;
  // The detailed column, not a sparse category column beside it.
  const task = pool.reduce((best, i) => (best < 0 || text(i) > text(best) ? i : best), -1);
  if (task < 0 || text(task) === 0) return null;
  return { units, task, time: time >= 0 ? time : null };
}

/** The source line printing a row: the first line at or after `from` in the table that holds the start of its task cell. */
function rowLine(source: SourceLine[] | undefined, t: Table, key: string, from: number): number | null {
  if (!source || [...key].length < 2) return null;
  const probe = [...key].slice(0, 8).join('');
  for (let no = Math.max(from, t.lines[0]); no <= t.lines[1]; no++) {
    const l = source[no - 1];
    if (l && l.no === no && squash(l.text).includes(probe)) return no;
  }
  return null;
}

/** One table's rows as responsibilities. */
function tableDuties(doc: ParsedDocument, registry: UnitRegistry, t: Table, ctx: TimeContext, source?: SourceLine[]): Responsibility[] {
  const cols = tableColumns(t);
  if (!cols) return [];
  const out: Responsibility[] = [];
  let from = t.lines[0];
  for (const raw of Array.isArray(t.rows) ? t.rows : []) {
    const cells = Array.isArray(raw) ? raw.map((c) => (typeof c === 'string' ? c.trim() : '')) : [];
    if (cells.filter(Boolean).length <= 1) continue;
    const task = cells[cols.task] ?? '';
    if (!squash(task)) continue;
    const lead: string[] = [], responsible: string[] = [], cooperating: string[] = [];
    const printed: string[] = [];
    for (const [i, role] of cols.units) {
      const c = cellUnits(cells[i] ?? '', role);
      if (!c) continue;
      lead.push(...c.lead);
      responsible.push(...c.responsible);
      cooperating.push(...c.cooperating);
      printed.push(squash(cells[i]!));
    }
    if (!lead.length && !responsible.length && !cooperating.length) continue;
    const line = rowLine(source, t, squash(task), from);
    if (line !== null) from = line + 1;
    const lines: LineRange = line !== null ? [line, line] : [t.lines[0], t.lines[1]];
    const time = cols.time !== null ? squash(cells[cols.time] ?? '') : '';
    const deadline = (time ? deadlineInLabel(time, ctx, lines) : null) ?? taskDeadline(squash(task), ctx, lines);
    out.push(toResponsibility(doc, registry, {
      task: task.replace(/\s+/gu, ''), title: taskTitle(task, false, false), lead, responsible, cooperating,
      deadline, clause: printed.join('；'), lines, taskLines: lines,
    }));
  }
  return out;
}

/**
 * Responsibilities from every task table of a document. `source` (the
 * issue's source lines) maps each row to the line printing it; without it a
 * row points at the whole table.
 */
export function extractDutyTables(doc: ParsedDocument, registry: UnitRegistry, source?: SourceLine[]): Responsibility[] {
  const ctx = timeContext(doc);
  return (doc.tables ?? []).flatMap((t) => tableDuties(doc, registry, t, ctx, source));
}
