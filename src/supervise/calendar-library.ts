// The calendar a library works on: the shipped baseline (data/holidays.json)
// with the days of every imported notice on top, in the order the notices
// apply. "延长至D" (a break extended) fills the days between the holiday
// before D and D.
import type { Db } from '../store/db.js';
import { confirmedYears, storedDays } from '../store/calendar-store.js';
import { addDays, loadHolidayData, WorkCalendar, type CalendarEntry, type HolidayData } from './calendar.js';

/** How far back an extension looks for the break it extends. */
const EXTEND_BACK_DAYS = 15;

export function libraryCalendar(db: Db, base: HolidayData = loadHolidayData()): WorkCalendar {
  const baseline = new WorkCalendar(base);
  const days = new Map<string, CalendarEntry>();
  const at = (d: string) => days.get(d) ?? baseline.entry(d);
  for (const d of storedDays(db)) {
    if (d.extendsBreak && d.kind === 'holiday') {
      const gap: string[] = [];
      let back = addDays(d.day, -1);
      let found: CalendarEntry | null = null;
      for (let i = 0; i < EXTEND_BACK_DAYS; i++, back = addDays(back, -1)) {
        const e = at(back);
        if (e?.kind === 'holiday') {
          found = e;
          break;
        }
        gap.push(back);
      }
      if (found) for (const g of gap) days.set(g, { kind: 'holiday', name: d.name ?? found.name, source: d.source });
    }
    days.set(d.day, { kind: d.kind, name: d.name ?? (d.extendsBreak ? at(addDays(d.day, -1))?.name ?? null : null), source: d.source });
  }
  return new WorkCalendar(base, { days, confirmed: confirmedYears(db) });
}
