/** Validate a YYYY-MM-DD option value. */
import { SegError } from "../diagnostics/seg-error.ts";

export function parseDateOption(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new SegError(`${flag} needs a date written YYYY-MM-DD, not "${text}".`);
  // An impossible date such as 2026-13-01 is an Invalid Date; 2026-02-30 rolls over to March 2nd.
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new SegError(`${flag} ${text} is not a day of the calendar (check the month and the day).`);
  }
  return text;
}
