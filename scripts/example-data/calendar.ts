/**
 * Dates as whole days since 1970-01-01 (UTC, no time zones, no clock) and the fixed data window
 * of the example company: 2024-11-01 to 2026-10-31 inclusive, as_of 2026-11-01.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date `YYYY-MM-DD`. */
export function dayOf(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${iso}`);
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` of a day number plus seconds into that day. */
export function formatTimestamp(day: number, secondOfDay: number): string {
  return new Date(day * MS_PER_DAY + secondOfDay * 1000).toISOString().slice(0, 19).replace("T", " ");
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (day + 4) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** The day `months` calendar months after `day`, clamped to the end of a shorter month. */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / MS_PER_DAY;
}

export const WINDOW_START = dayOf("2024-11-01");
export const WINDOW_END = dayOf("2026-10-31");
export const AS_OF = dayOf("2026-11-01");
/** First day of the 90-day feature window before as_of (2026-08-03). */
export const RECENT_START = AS_OF - 90;
export const EARLIEST_SIGNUP = dayOf("2019-01-01");
export const LATEST_SIGNUP = dayOf("2026-09-30");
