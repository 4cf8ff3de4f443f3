// The library's working-day calendar: the days that imported holiday notices
// arrange (放假 and 上班), each with its notice and line, on top of the shipped
// baseline (data/holidays.json). Importing the same notice again changes
// nothing; a later notice overrides an earlier one day by day.
import { createHash } from 'node:crypto';
import type { HolidayReading, NoticeDay } from '../extract/holidays.js';
import type { Db } from './db.js';

export interface NoticeSource {
  docNumber: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  file: string | null;
}

export interface StoredDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  line: number | null;
  extendsBreak: boolean;
  sourceId: number;
  source: string;
}

export interface ImportResult {
  sourceId: number;
  /** false when the same notice (same days) was imported before: nothing changed. */
  added: boolean;
  holidays: number;
  workdays: number;
  confirms: number[];
}

const contentKey = (src: NoticeSource, days: NoticeDay[]) =>
  createHash('sha256').update(JSON.stringify([src.docNumber, src.title.replace(/\s+/g, ''), days.map((d) => [d.date, d.kind, d.name, Boolean(d.extendsBreak)])])).digest('hex');

/** How many 放假 and 上班 days a notice states. */
export function dayCounts(reading: HolidayReading): { holidays: number; workdays: number } {
  const holidays = reading.days.filter((d) => d.kind === 'holiday').length;
  return { holidays, workdays: reading.days.length - holidays };
}

/** Store a notice's days (in the caller's transaction, or its own). */
export function importNotice(db: Db, src: NoticeSource, reading: HolidayReading, now: string): ImportResult {
  const counts = dayCounts(reading);
  const key = contentKey(src, reading.days);
  return db.transaction((): ImportResult => {
    const known = db.prepare('SELECT id FROM calendar_sources WHERE content_key = ?').get(key) as { id: number } | undefined;
    if (known) return { sourceId: known.id, added: false, ...counts, confirms: reading.confirms };
    const id = db.prepare(`INSERT INTO calendar_sources(doc_number, title, issuer, date, file, content_key, confirms_json, imported_at)
      VALUES (?,?,?,?,?,?,?,?)`).run(src.docNumber, src.title, src.issuer, src.date, src.file, key, JSON.stringify(reading.confirms), now).lastInsertRowid as number;
    const day = db.prepare('INSERT OR REPLACE INTO calendar_days(day, kind, name, source_id, line, extends_break) VALUES (?,?,?,?,?,?)');
    for (const d of reading.days) day.run(d.date, d.kind, d.name, id, d.line, d.extendsBreak ? 1 : 0);
    return { sourceId: id, added: true, ...counts, confirms: reading.confirms };
  })();
}

/** Every stored day, in the order notices apply: by the notice's date, then by import order. */
export function storedDays(db: Db): StoredDay[] {
  return (db.prepare(`SELECT d.day, d.kind, d.name, d.line, d.extends_break, s.id AS source_id, s.title FROM calendar_days d
      JOIN calendar_sources s ON s.id = d.source_id ORDER BY coalesce(s.date, ''), s.id, d.day`).all() as {
    day: string; kind: 'holiday' | 'workday'; name: string | null; line: number | null; extends_break: number; source_id: number; title: string;
  }[]).map((r) => ({ day: r.day, kind: r.kind, name: r.name, line: r.line, extendsBreak: r.extends_break === 1, sourceId: r.source_id, source: r.title }));
}

/** Years confirmed by imported notices. */
export function confirmedYears(db: Db): number[] {
  const years = new Set<number>();
  for (const r of db.prepare('SELECT confirms_json FROM calendar_sources').all() as { confirms_json: string }[]) {
    for (const y of JSON.parse(r.confirms_json) as number[]) years.add(y);
  }
  return [...years].sort();
}

export interface SourceSummary {
  docNumber: string | null;
  title: string;
  date: string | null;
  confirms: number[];
}

/** The imported notices that arrange a day of `year`, or confirm it. */
export function sourcesForYear(db: Db, year: number): SourceSummary[] {
  return (db.prepare(`SELECT s.doc_number, s.title, s.date, s.confirms_json FROM calendar_sources s
      WHERE EXISTS (SELECT 1 FROM calendar_days d WHERE d.source_id = s.id AND d.day LIKE ?) OR EXISTS (SELECT 1 FROM json_each(s.confirms_json) WHERE value = ?)
      ORDER BY coalesce(s.date, ''), s.id`).all(`${year}-%`, year) as { doc_number: string | null; title: string; date: string | null; confirms_json: string }[])
    .map((r) => ({ docNumber: r.doc_number, title: r.title, date: r.date, confirms: JSON.parse(r.confirms_json) as number[] }));
}

/** Changes whenever a notice is imported: callers that cache a calendar compare it. */
export function calendarGeneration(db: Db): string {
  const r = db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS m FROM calendar_sources').get() as { n: number; m: number };
  return `${r.n}:${r.m}`;
}
