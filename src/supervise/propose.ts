// Tasks from documents: one proposal per responsibility clause of a document
// in the library, with units and deadline pre-filled. The office reviews
// them and registers them in bulk; a clause already registered is marked.
import { GongbaoError } from '../errors.js';
import { normalizeDocNumber } from '../parse/docnumber.js';
import { taskTitle } from '../extract/tasks.js';
import type { CreateTaskInput, Supervision } from './service.js';
import type { Actor, Task } from './model.js';

export interface Proposal extends CreateTaskInput {
  responsibilityId: number;
  clause: string | null;
  deadlineText: string | null;
  /** The task already registered from this clause, if any. */
  taskId: number | null;
}

export function propose(sv: Supervision, docNumberInput: string): Proposal[] {
  const docNumber = normalizeDocNumber(docNumberInput) ?? docNumberInput.trim();
  const doc = sv.db.prepare('SELECT id, title, date FROM documents WHERE doc_number = ? AND is_current = 1').get(docNumber) as
    | { id: number; title: string; date: string | null }
    | undefined;
  if (!doc) throw new GongbaoError('not-found', `文库中没有发文字号为 ${docNumber} 的文件，请先载入该期公报`);
  const rows = sv.db.prepare(`SELECT r.id, r.task, r.title, r.outline_id, r.clause, r.deadline_date, r.deadline_text,
      (SELECT json_group_array(json_object('unit', CASE WHEN u.kind = 'collective' THEN ru.printed ELSE u.name END, 'role', ru.role)) FROM responsibility_units ru
        LEFT JOIN units u ON u.id = ru.unit_id WHERE ru.responsibility_id = r.id) AS units,
      (SELECT t.id FROM tasks t WHERE t.responsibility_id = r.id) AS task_id
    FROM responsibilities r WHERE r.doc_id = ? ORDER BY r.seq`).all(doc.id) as {
    id: number; task: string; title: string | null; outline_id: string | null; clause: string | null; deadline_date: string | null; deadline_text: string | null; units: string; task_id: number | null;
  }[];
  return rows.map((r) => {
    const units = (JSON.parse(r.units) as { unit: string | null; role: string }[]).filter((u) => u.unit);
    const byRole = (role: string) => units.filter((u) => u.role === role).map((u) => u.unit!);
    const lead = byRole('lead')[0] ?? byRole('responsible')[0] ?? byRole('cooperating')[0] ?? '（待指定）';
    const assist = [...new Set([...byRole('lead'), ...byRole('responsible'), ...byRole('cooperating')])].filter((u) => u !== lead);
    // The clause's short task name (issue #12); rows stored before it had one fall back to the task's first clause.
    const title = r.title || taskTitle(r.task, false, false) || r.clause || '（见原文）';
    // The clause's own 期限 is the proposed due date (the office can change it per row before 立项).
    const due = r.deadline_date && r.deadline_date >= sv.today() ? r.deadline_date : undefined;
    return {
      title, lead, assist, ...(due ? { due, dueSource: 'clause' as const } : {}), source: docNumber, sourceKind: 'special-task' as const, documentId: doc.id,
      ...(r.outline_id ? { outlineId: r.outline_id } : {}), responsibilityId: r.id, clause: r.clause, deadlineText: r.deadline_text, taskId: r.task_id,
    };
  });
}

/** What the office changed on a row before 立项. */
export interface RowEdit {
  due?: string;
  major?: boolean;
  lead?: string;
}

export interface RegisterOptions {
  /** Only these 1-based positions (default: every proposal not yet registered). */
  only?: number[];
  /** Per-row changes, by 1-based position. */
  rows?: Record<number, RowEdit>;
  /** The 主要领导 who approved the rows marked 重点 (the office records it). */
  approvedBy?: string;
  actor?: Actor;
}

export interface RegisterReport {
  created: Task[];
  /** Rows not registered because the clause names no single lead unit: the office names one (`--lead N=单位`) or leaves them. */
  skipped: { no: number; title: string; lead: string; reason: string }[];
}

/**
 * Register the chosen proposals not yet registered, all or none. A row whose
 * clause names no single lead unit (none, or a collective such as 县直有关部门)
 * is skipped and reported unless the office named its lead.
 */
export function registerProposalsReport(sv: Supervision, docNumber: string, opts: RegisterOptions | number[] = {}): RegisterReport {
  const o: RegisterOptions = Array.isArray(opts) ? { only: opts } : opts;
  const proposals = propose(sv, docNumber);
  const chosen = proposals.map((p, i) => ({ p, no: i + 1 })).filter(({ p, no }) => p.taskId === null && (!o.only || o.only.includes(no)));
  const skipped: RegisterReport['skipped'] = [];
  const created = sv.db.transaction(() =>
    chosen.flatMap(({ p: { clause: _c, deadlineText: _d, taskId: _t, ...input }, no }) => {
      const edit = o.rows?.[no] ?? {};
      if (!edit.lead && !sv.units.resolve(input.lead)) {
        skipped.push({ no, title: input.title.slice(0, 60), lead: input.lead, reason: `条文没有指明具体的牵头单位（${input.lead}），请指定牵头单位后立项` });
        return [];
      }
      const row: CreateTaskInput = { ...input };
      if (edit.due) Object.assign(row, { due: edit.due, dueSource: edit.due === input.due ? input.dueSource : 'given' });
      if (edit.lead) row.lead = edit.lead;
      if (edit.major !== undefined) row.major = edit.major;
      if (row.major && o.approvedBy) row.approvedBy = o.approvedBy;
      try {
        return [sv.create(row, o.actor)];
      } catch (e) {
        if (e instanceof GongbaoError) throw new GongbaoError(e.code, `第 ${no} 项：${e.message}`);
        throw e;
      }
    }),
  )();
  return { created, skipped };
}

export function registerProposals(sv: Supervision, docNumber: string, opts: RegisterOptions | number[] = {}): Task[] {
  return registerProposalsReport(sv, docNumber, opts).created;
}
