/** Validate a YYYY-MM-DD option value. */
import { UsageError } from "./usage-error.ts";

export function parseDateOption(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  // An impossible date such as 2026-13-01 is an Invalid Date, whose toISOString() throws.
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`${flag} needs a date written YYYY-MM-DD, not "${text}".`);
  }
  return text;
}
