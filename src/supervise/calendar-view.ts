// What `calendar show` and the board say about a year: its 放假 days and
// make-up 上班 days, whether the year's notice is loaded, and which notices
// the days come from.
import type { Db } from '../store/db.js';
import { sourcesForYear } from '../store/calendar-store.js';
import { isWeekend, type WorkCalendar } from './calendar.js';

export interface CalendarYear {
  year: number;
  confirmed: boolean;
  holidays: string[];
  workdays: string[];
  sources: { docNumber: string | null; title: string }[];
}

/** The shipped baseline's notices have no 文号 on record; they are named by title. */
const shippedTitle = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知（内置）`;

export function calendarYear(db: Db, cal: WorkCalendar, year: number, shippedYears: [number, number]): CalendarYear {
  const entries = cal.yearEntries(year);
  const holidays = entries.filter(([, e]) => e.kind === 'holiday').map(([d]) => d);
  // Make-up working days: weekends a notice makes working days.
  const workdays = entries.filter(([d, e]) => e.kind === 'workday' && isWeekend(d)).map(([d]) => d);
  const sources: CalendarYear['sources'] = [];
  if (year >= shippedYears[0] && year <= shippedYears[1]) sources.push({ docNumber: null, title: shippedTitle(year) });
  for (const s of sourcesForYear(db, year)) sources.push({ docNumber: s.docNumber, title: s.title });
  return { year, confirmed: cal.isConfirmed(year), holidays, workdays, sources };
}

/** Years from this one to `until` whose holiday notice is not loaded: the office is told on the board. */
export function unconfirmedYears(cal: WorkCalendar, today: string, until: string): number[] {
  const out: number[] = [];
  for (let y = Number(today.slice(0, 4)); y <= Number(until.slice(0, 4)); y++) if (!cal.isConfirmed(y)) out.push(y);
  return out;
}
