// Units, citation neighbourhoods, statistics and the change feed.
import { GongbaoError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { STATUS_SQL } from '../../store/status.js';

export interface UnitSummary {
  id: string;
  name: string;
  kind: string;
  curated: boolean;
  aliases: string[];
  tasks: number;
  leads: number;
}

/**
 * What counts as a unit's task, on every page and in the API (the unit list,
 * the unit page, its CSV and feed, the statistics, the search facet): a
 * responsibility naming the unit as lead, responsible or cooperating, in a
 * current document. A unit covered only by a section's blanket list
 * (`inherited`) is not counted, as `document_units` does not count it.
 */
export const UNIT_TASK = `ru.role <> 'inherited'`;

export function listUnits(db: Db): UnitSummary[] {
  const rows = db.prepare(`SELECT u.id, u.name, u.kind, u.curated,
      (SELECT json_group_array(alias) FROM unit_aliases a WHERE a.unit_id = u.id) AS aliases,
      (SELECT count(DISTINCT ru.responsibility_id) FROM responsibility_units ru JOIN responsibilities r ON r.id = ru.responsibility_id
        JOIN documents d ON d.id = r.doc_id AND d.is_current = 1 WHERE ru.unit_id = u.id AND ${UNIT_TASK}) AS tasks,
      (SELECT count(*) FROM responsibility_units ru JOIN responsibilities r ON r.id = ru.responsibility_id
        JOIN documents d ON d.id = r.doc_id AND d.is_current = 1 WHERE ru.unit_id = u.id AND ru.role = 'lead') AS leads
    FROM units u ORDER BY tasks DESC, u.name`).all() as (Omit<UnitSummary, 'aliases' | 'curated'> & { aliases: string; curated: number })[];
  return rows.map((r) => ({ ...r, curated: r.curated === 1, aliases: JSON.parse(r.aliases) as string[] }));
}

export interface UnitTask {
  responsibilityId: number;
  documentId: number;
  docNumber: string | null;
  title: string;
  task: string;
  outlineId: string | null;
  role: 'lead' | 'responsible' | 'cooperating' | 'inherited';
  deadline: string | null;
  deadlineText: string | null;
  lines: [number, number];
}

export function getUnit(db: Db, idOrAlias: string): UnitSummary & { tasks_list: UnitTask[] } {
  const id = (db.prepare('SELECT id FROM units WHERE id = ? UNION SELECT unit_id FROM unit_aliases WHERE alias = ? LIMIT 1').get(idOrAlias, idOrAlias) as { id: string } | undefined)?.id;
  const unit = id ? listUnits(db).find((u) => u.id === id) : undefined;
  if (!unit) throw new GongbaoError('not-found', `单位名录中没有“${idOrAlias}”`);
  const rows = db.prepare(`SELECT r.id AS responsibilityId, d.id AS documentId, d.doc_number AS docNumber, d.title, r.task, r.outline_id AS outlineId,
      ru.role, r.deadline_date AS deadline, r.deadline_text AS deadlineText, r.line_start, r.line_end
    FROM responsibility_units ru JOIN responsibilities r ON r.id = ru.responsibility_id JOIN documents d ON d.id = r.doc_id AND d.is_current = 1
    WHERE ru.unit_id = ? AND ${UNIT_TASK} ORDER BY r.deadline_date IS NULL, r.deadline_date, d.date DESC, r.seq`).all(unit.id) as (Omit<UnitTask, 'lines'> & { line_start: number; line_end: number })[];
  const seen = new Set<number>();
  const tasks_list = rows
    .filter((r) => (seen.has(r.responsibilityId) ? false : (seen.add(r.responsibilityId), true)))
    .map(({ line_start, line_end, ...r }) => ({ ...r, lines: [line_start, line_end] as [number, number] }));
  return { ...unit, tasks_list };
}

export interface Stats {
  documents: number;
  issues: number;
  units: number;
  responsibilities: number;
  byYearIssuer: { year: string; issuer: string; count: number }[];
  tasksPerUnit: { unit: string; count: number }[];
  deadlinesPerMonth: { month: string; count: number }[];
  status: { status: string; count: number }[];
}

export function stats(db: Db, today: string): Stats {
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    documents: one('SELECT count(*) AS n FROM documents WHERE is_current = 1'),
    issues: one('SELECT count(*) AS n FROM issues WHERE is_current = 1'),
    units: one('SELECT count(*) AS n FROM units'),
    responsibilities: one('SELECT count(*) AS n FROM responsibilities r JOIN documents d ON d.id = r.doc_id AND d.is_current = 1'),
    byYearIssuer: db.prepare(`SELECT coalesce(substr(date, 1, 4), '未知') AS year, coalesce(issuer, '未知') AS issuer, count(*) AS count FROM documents
      WHERE is_current = 1 GROUP BY 1, 2 ORDER BY 1, 2`).all() as Stats['byYearIssuer'],
    tasksPerUnit: db.prepare(`SELECT u.name AS unit, count(DISTINCT ru.responsibility_id) AS count FROM responsibility_units ru JOIN units u ON u.id = ru.unit_id
      JOIN responsibilities r ON r.id = ru.responsibility_id JOIN documents d ON d.id = r.doc_id AND d.is_current = 1
      WHERE ${UNIT_TASK} AND u.kind <> 'collective' GROUP BY u.id ORDER BY 2 DESC, u.name LIMIT 15`).all() as Stats['tasksPerUnit'],
    deadlinesPerMonth: db.prepare(`SELECT substr(x.date, 1, 7) AS month, count(*) AS count FROM deadlines x JOIN documents d ON d.id = x.doc_id AND d.is_current = 1
      WHERE x.date IS NOT NULL GROUP BY 1 ORDER BY 1`).all() as Stats['deadlinesPerMonth'],
    status: db.prepare(`SELECT ${STATUS_SQL} AS status, count(*) AS count FROM documents d LEFT JOIN validity v ON v.doc_id = d.id
      WHERE d.is_current = 1 GROUP BY 1 ORDER BY 2 DESC`).all({ today }) as Stats['status'],
  };
}

export interface Change {
  cursor: string;
  documentId: number;
  docNumber: string | null;
  title: string;
  change: 'added' | 'superseded';
  at: string;
}

/** Documents added or superseded after `since` (an opaque cursor: `<ingested_at>|<id>`), oldest first. */
export function changes(db: Db, since: string | undefined, limit: number): { items: Change[]; next: string | null } {
  const [at, id] = since ? [since.split('|')[0] ?? '', Number(since.split('|')[1] ?? 0)] : ['', 0];
  const rows = db.prepare(`SELECT d.id, d.doc_number, d.title, d.is_current, s.ingested_at FROM documents d JOIN issues i ON i.id = d.issue_id
    JOIN sources s ON s.id = i.source_id WHERE (s.ingested_at > :at OR (s.ingested_at = :at AND d.id > :id))
    ORDER BY s.ingested_at, d.id LIMIT :limit`).all({ at, id, limit }) as { id: number; doc_number: string | null; title: string; is_current: number; ingested_at: string }[];
  const items = rows.map((r) => ({
    cursor: `${r.ingested_at}|${r.id}`, documentId: r.id, docNumber: r.doc_number, title: r.title,
    change: (r.is_current ? 'added' : 'superseded') as Change['change'], at: r.ingested_at,
  }));
  return { items, next: items.length === limit ? items[items.length - 1]!.cursor : null };
}
