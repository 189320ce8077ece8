/**
 * Changes as seg diff shows them: signed counts, share deltas in points, values before and after.
 * Counts, shares and amounts read as on the playbook (text/number-format.ts).
 */
import { formatCount } from "../../text/number-format.ts";

const MINUS = "−";

/** A signed integer: +12, −3, 0. */
export function formatSignedCount(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `${MINUS}${formatCount(-n)}` : "0";
}

/** A share delta in percentage points: +2.5 pts. */
export function formatPoints(delta: number): string {
  const points = Math.round(delta * 1000) / 10;
  return points > 0 ? `+${points.toFixed(1)} pts` : points < 0 ? `${MINUS}${(-points).toFixed(1)} pts` : "0.0 pts";
}

/** A field value from YAML for display: text as is, everything else as JSON. */
export function formatFieldValue(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** "a → b" when they differ, else "a". */
export function beforeAfter(before: string | null, after: string | null): string {
  if (before === after) return before ?? "—";
  return `${before ?? "—"} → ${after ?? "—"}`;
}
