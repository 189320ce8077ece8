/** Validate a YYYY-MM-DD option value. */
import { UsageError } from "./usage-error.ts";

export function parseDateOption(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    throw new UsageError(`${flag} needs a date written YYYY-MM-DD, not "${text}".`);
  }
  return text;
}
