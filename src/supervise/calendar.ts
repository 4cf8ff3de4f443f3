// Working days under the official Chinese holiday calendar: weekends are off
// unless a 调休 notice makes them working days, weekdays are on unless they
// are public holidays. The data lives in data/holidays.json (updatable
// without code changes). Dates are local calendar days in China (UTC+8).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GongbaoError } from '../errors.js';
import { packageRoot } from '../paths.js';

export interface HolidayData {
  years: [number, number];
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DAY_MS = 86_400_000;
/** China has no daylight saving: local time is always UTC+8. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-local calendar day (YYYY-MM-DD) of an instant. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China-local day ends (23:59:59.999 local). */
export function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + DAY_MS - 1);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

export class WorkCalendar {
  constructor(private readonly data: HolidayData) {}

  static load(path = join(packageRoot(), 'data', 'holidays.json')): WorkCalendar {
    return new WorkCalendar(JSON.parse(readFileSync(path, 'utf8')) as HolidayData);
  }

  covers(day: string): boolean {
    const y = Number(day.slice(0, 4));
    return y >= this.data.years[0] && y <= this.data.years[1];
  }

  holidayName(day: string): string | null {
    return this.data.holidays[day] ?? null;
  }

  isMakeUpWorkday(day: string): boolean {
    return day in this.data.workdays;
  }

  isWorkday(day: string): boolean {
    if (day in this.data.workdays) return true;
    if (day in this.data.holidays) return false;
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** The n-th working day after `day` (n ≥ 1); n = 0 gives `day` itself if it is a working day, else the next one. */
  addWorkdays(day: string, n: number): string {
    if (!this.covers(day)) throw new GongbaoError('bad-argument', `节假日日历未覆盖 ${day.slice(0, 4)} 年，请更新 data/holidays.json`);
    let d = day;
    if (n === 0) {
      while (!this.isWorkday(d)) d = addDays(d, 1);
      return d;
    }
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workdaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}
