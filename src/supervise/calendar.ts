// Working days under the official Chinese holiday calendar: weekends are off
// unless a 调休 notice makes them working days, weekdays are on unless they
// are public holidays. The data lives in data/holidays.json (updatable
// without code changes). Dates are local calendar days in China (UTC+8).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { addDays } from '../time.js';

export { addDays, chinaDay } from '../time.js';

export interface HolidayData {
  /** The years the shipped notices cover (confirmed). */
  years: [number, number];
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DAY_MS = 86_400_000;
/** China has no daylight saving: local time is always UTC+8. */
const CHINA_OFFSET_MS = 8 * 3_600_000;


/** An instant as China local time, `YYYY-MM-DD HH:mm`, for messages. */
export function chinaTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant a China-local day ends (23:59:59.999 local). */
export function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + DAY_MS - 1);
}


export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

/** A day a notice arranges: off (放假) or on (上班, a make-up working day), and which notice says so. */
export interface CalendarEntry {
  kind: 'holiday' | 'workday';
  name: string | null;
  /** The notice (title) the entry comes from; null for the shipped baseline. */
  source: string | null;
}

/** What a library adds to the shipped calendar: days read from imported notices, and the years they confirm. */
export interface CalendarOverlay {
  days: Map<string, CalendarEntry>;
  confirmed: number[];
}

/** No loop walks further than this (a task is never ten years long). */
const MAX_WALK = 3700;

/**
 * Working days: weekends are off unless a notice makes them working days,
 * weekdays are on unless a notice makes them holidays. A year no notice
 * covers is computed with weekends only and is *unconfirmed*: work never
 * stops, and whatever is computed on such a year says so.
 */
export class WorkCalendar {
  private readonly days = new Map<string, CalendarEntry>();
  private readonly confirmedYears = new Set<number>();

  constructor(data: HolidayData, overlay?: CalendarOverlay) {
    for (let y = data.years[0]; y <= data.years[1]; y++) this.confirmedYears.add(y);
    for (const [day, name] of Object.entries(data.holidays)) this.days.set(day, { kind: 'holiday', name, source: null });
    for (const [day, name] of Object.entries(data.workdays)) this.days.set(day, { kind: 'workday', name, source: null });
    if (overlay) {
      for (const [day, e] of overlay.days) this.days.set(day, e);
      for (const y of overlay.confirmed) this.confirmedYears.add(y);
    }
  }

  static load(path = join(packageRoot(), 'data', 'holidays.json')): WorkCalendar {
    return new WorkCalendar(loadHolidayData(path));
  }

  /** Is the year's holiday notice loaded (shipped or imported)? */
  isConfirmed(year: number): boolean {
    return this.confirmedYears.has(year);
  }

  /** Are all years from `from` to `to` (days) confirmed? */
  confirmedBetween(from: string, to: string): boolean {
    const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number];
    for (let y = a; y <= b; y++) if (!this.isConfirmed(y)) return false;
    return true;
  }

  entry(day: string): CalendarEntry | null {
    return this.days.get(day) ?? null;
  }

  /** Every arranged day of a year, in date order. */
  yearEntries(year: number): [string, CalendarEntry][] {
    return [...this.days].filter(([d]) => d.startsWith(`${year}-`)).sort(([a], [b]) => a.localeCompare(b));
  }

  isWorkday(day: string): boolean {
    const e = this.days.get(day);
    if (e) return e.kind === 'workday';
    return !isWeekend(day);
  }

  /** The n-th working day after `day` (n ≥ 1); n = 0 gives `day` itself if it is a working day, else the next one. */
  addWorkdays(day: string, n: number): string {
    let d = day;
    let walked = 0;
    if (n <= 0) {
      while (!this.isWorkday(d) && walked++ < MAX_WALK) d = addDays(d, 1);
      return d;
    }
    for (let left = n; left > 0 && walked++ < MAX_WALK; ) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** `day` if it is a working day, else the next working day (a deadline never falls on a day off). */
  onOrAfterWorkday(day: string): string {
    return this.addWorkdays(day, 0);
  }

  /** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workdaysBetween(from: string, to: string): number {
    let n = 0;
    let walked = 0;
    for (let d = addDays(from, 1); d <= to && walked++ < MAX_WALK * 3; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}

export function isWeekend(day: string): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export function loadHolidayData(path = join(packageRoot(), 'data', 'holidays.json')): HolidayData {
  return JSON.parse(readFileSync(path, 'utf8')) as HolidayData;
}

/** A real calendar day written YYYY-MM-DD (2022-02-30 and 2022-13-45 are not). */
export function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
}

/** The instant a China-local day begins (00:00 local). */
export function startOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}
