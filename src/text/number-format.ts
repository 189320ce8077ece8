/**
 * How numbers read on the playbook: shares as percentages with one decimal,
 * counts with thousands separators, money-like values compactly (12.3M), and
 * p-values the way a statistician writes them. Missing values read "—".
 */

const MISSING = "—";

export function formatPercent(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  return `${(x * 100).toFixed(digits)}%`;
}

export function formatCount(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  return withSeparators(Math.round(x));
}

/**
 * `n.toLocaleString("en-US")` (1,204), to the character. A safe integer is grouped here: the first toLocaleString
 * of a process loads ICU's number formatting, 20-40 ms of a one-second `seg check` that prints one count.
 */
export function withSeparators(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-US");
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** A number with at most `digits` decimals, separators, and no trailing zeros beyond what is needed. */
export function formatNumber(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A number with exactly `digits` decimals (for columns that must line up). */
export function formatFixed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Large amounts compactly: 15,434,823 → 15.4M; small ones in full. */
export function formatAmount(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  const abs = Math.abs(x);
  if (abs < 10_000) return formatNumber(x, abs < 100 ? 2 : 0);
  return x.toLocaleString("en-US", { notation: "compact", maximumFractionDigits: 1 });
}

/** Money in a currency (ISO 4217): $80.25; large amounts compactly, $15.4M. */
export function formatCurrency(x: number | null | undefined, currency: string): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  const compact = Math.abs(x) >= 10_000;
  return x.toLocaleString("en-US", { style: "currency", currency, ...(compact ? { notation: "compact", maximumFractionDigits: 1 } : {}) });
}

export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return MISSING;
  return p < 0.0001 ? "< 0.0001" : p.toFixed(4);
}

/** "p = 0.0123" or "p < 0.0001". */
export function formatPEquals(p: number | null | undefined): string {
  const text = formatPValue(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/** A signed effect size: +0.53, −1.92. */
export function formatSigned(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? "+∞" : "−∞";
  const text = Math.abs(x).toFixed(digits);
  // A change that rounds to zero has no sign: −0.04 at one decimal reads 0.0, not −0.0.
  if (Number(text) === 0) return text;
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}
