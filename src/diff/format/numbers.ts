/** Numbers as reports show them: counts with separators, shares in percent, deltas signed. */
const MINUS = "−";

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A signed integer: +12, −3, 0. */
export function formatSignedCount(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `${MINUS}${formatCount(-n)}` : "0";
}

/** A share delta in percentage points: +2.5 pts. */
export function formatPoints(delta: number): string {
  const points = Math.round(delta * 1000) / 10;
  return points > 0 ? `+${points.toFixed(1)} pts` : points < 0 ? `${MINUS}${(-points).toFixed(1)} pts` : "0.0 pts";
}

export function formatAmount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
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
