// China time (UTC+8, no daylight saving): the days and period boundaries of
// every layer are China-local days, whatever the host's time zone.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-local calendar day (YYYY-MM-DD) of an instant. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in China. */
export const chinaToday = (): string => chinaDay(new Date());

/** A calendar day `n` days after `day` (both YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
