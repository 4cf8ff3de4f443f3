import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { addMonths, chinaDay, endOfChinaDay, WorkCalendar } from '../../src/supervise/calendar.js';
import holidays from '../../data/holidays.json' with { type: 'json' };

const cal = WorkCalendar.load();

describe('official calendar', () => {
  it('2022 Spring Festival: 01-29 and 01-30 (weekend) are working days, 01-31 to 02-06 are holidays', () => {
    expect(cal.isWorkday('2022-01-29')).toBe(true);
    expect(cal.isWorkday('2022-01-30')).toBe(true);
    for (let d = 31; d <= 37; d++) {
      const day = d <= 31 ? `2022-01-${d}` : `2022-02-0${d - 31}`;
      expect(cal.isWorkday(day), day).toBe(false);
    }
    expect(cal.isWorkday('2022-02-07')).toBe(true);
  });
  it('National Day weeks: 10-01..07 off, make-up days on', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkday(`2022-10-0${d}`)).toBe(false);
    expect(cal.isWorkday('2022-10-08')).toBe(true); // Saturday 调休
    expect(cal.isWorkday('2022-10-09')).toBe(true); // Sunday 调休
    expect(cal.isWorkday('2021-09-26')).toBe(true);
    expect(cal.isWorkday('2021-10-09')).toBe(true);
    expect(cal.isWorkday('2023-10-06')).toBe(false); // 中秋国庆 2023-09-29..10-06
    expect(cal.isWorkday('2023-10-07')).toBe(true);
    expect(cal.isWorkday('2025-10-08')).toBe(false);
    expect(cal.isWorkday('2025-09-28')).toBe(true);
  });
  it('other known days', () => {
    expect(cal.isWorkday('2024-02-18')).toBe(true); // Sunday after Spring Festival 2024
    expect(cal.isWorkday('2026-01-04')).toBe(true); // Sunday after New Year 2026
    expect(cal.isWorkday('2026-02-23')).toBe(false); // Spring Festival 2026 (9 days)
    expect(cal.isWorkday('2022-06-03')).toBe(false); // 端午
    expect(cal.isWorkday('2022-06-06')).toBe(true);
  });
  it('counts working days across 调休', () => {
    // Registered Friday 2022-01-28: the next working day is Saturday 01-29.
    expect(cal.addWorkdays('2022-01-28', 1)).toBe('2022-01-29');
    expect(cal.addWorkdays('2022-01-30', 1)).toBe('2022-02-07');
    expect(cal.workdaysBetween('2022-01-28', '2022-02-07')).toBe(3);
    expect(cal.addWorkdays('2022-10-01', 0)).toBe('2022-10-08');
  });
  it('ships 2021–2026 as confirmed; a year without a notice is computed with weekends only, never refused', () => {
    expect(holidays.years).toEqual([2021, 2026]);
    expect(cal.isConfirmed(2026)).toBe(true);
    expect(cal.isConfirmed(2027)).toBe(false);
    expect(cal.confirmedBetween('2026-12-28', '2027-01-08')).toBe(false);
    // 2030-01-01 is a Tuesday: unconfirmed, so it counts as a working day; the weekend does not.
    expect(cal.addWorkdays('2030-01-01', 1)).toBe('2030-01-02');
    expect(cal.addWorkdays('2030-01-04', 1)).toBe('2030-01-07');
    expect(cal.onOrAfterWorkday('2030-01-05')).toBe('2030-01-07');
  });
  it('matches the maintained package it was generated from', () => {
    const pkg = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
    const inRange = (d: string) => d >= '2021' && d < '2027';
    expect(Object.keys(holidays.workdays).sort()).toEqual(Object.keys(pkg.workdays).filter(inRange).sort());
    expect(Object.keys(holidays.holidays).sort()).toEqual(Object.keys(pkg.holidays).filter(inRange).sort());
  });
});

describe('days and instants', () => {
  it('uses China local time', () => {
    expect(chinaDay(new Date('2022-01-28T17:00:00Z'))).toBe('2022-01-29');
    expect(endOfChinaDay('2022-01-29').toISOString()).toBe('2022-01-29T15:59:59.999Z');
    expect(addMonths('2022-01-31', 1)).toBe('2022-02-28');
  });
});
