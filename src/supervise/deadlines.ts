// A task's deadlines on the working-day calendar (五政办发〔2022〕8号 §三 and
// the profile's 13710 periods):
//   承办  acceptDue = the n-th working day after registration ("一个工作日内");
//   反馈  reportDue = the report period, never before acceptDue nor after due;
//   办结  due       = the task's own date when given, else the profile's period,
//                     moved to the next working day, and never before acceptDue.
// `calendarConfirmed` is false when any year these dates walk through has no
// holiday notice loaded: they were computed with weekends only.
import { addDays, addMonths, type WorkCalendar } from './calendar.js';
import type { Period, Profile } from './profile.js';

export interface Deadlines {
  acceptDue: string;
  reportDue: string;
  due: string;
  calendarConfirmed: boolean;
}

/** `day` plus a period: working days on the calendar, or calendar days / months moved off days off. */
export function after(cal: WorkCalendar, day: string, p: Period): string {
  if (p.unit === 'workday') return cal.addWorkdays(day, p.amount);
  return cal.onOrAfterWorkday(p.unit === 'month' ? addMonths(day, p.amount) : addDays(day, p.amount));
}

const max = (...days: string[]) => days.reduce((a, b) => (a > b ? a : b));
const min = (...days: string[]) => days.reduce((a, b) => (a < b ? a : b));

export function computeDeadlines(cal: WorkCalendar, profile: Profile, registeredDay: string, major: boolean, givenDue: string | null): Deadlines {
  const acceptDue = cal.addWorkdays(registeredDay, profile.acceptWithinWorkdays);
  const due = givenDue ?? max(after(cal, registeredDay, major ? profile.majorDueWithin : profile.ordinaryDueWithin), acceptDue);
  const reportDue = min(max(after(cal, registeredDay, profile.reportWithin), acceptDue), due);
  return { acceptDue, reportDue, due, calendarConfirmed: cal.confirmedBetween(registeredDay, max(acceptDue, reportDue, due)) };
}
