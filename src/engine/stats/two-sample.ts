/**
 * Two-sample comparisons from summary statistics (count, mean, sample
 * variance), so the data never leaves DuckDB: Welch's t-test with Cohen's d, and
 * the two-proportion z-test with Cohen's h.
 */
import { normalCdf, studentTCdf } from "./student-t.ts";

export interface Summary {
  n: number;
  mean: number;
  /** Sample variance (n − 1 denominator). */
  variance: number;
}

export type Alternative = "greater" | "less" | "two-sided";

export interface TestResult {
  statistic: number;
  df: number | null;
  pValue: number;
  /** Cohen's d (means) or h (proportions): first minus second. */
  effectSize: number;
  difference: number;
}

function pFrom(cdf: number, alternative: Alternative): number {
  if (alternative === "greater") return 1 - cdf;
  if (alternative === "less") return cdf;
  return Math.min(1, 2 * Math.min(cdf, 1 - cdf));
}

export function welchTest(a: Summary, b: Summary, alternative: Alternative = "two-sided"): TestResult | undefined {
  if (a.n < 2 || b.n < 2) return undefined;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  const difference = a.mean - b.mean;
  const pooled = Math.sqrt(((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2));
  const effectSize = pooled === 0 ? (difference === 0 ? 0 : Math.sign(difference) * Infinity) : difference / pooled;
  if (se === 0) return { statistic: difference === 0 ? 0 : Math.sign(difference) * Infinity, df: a.n + b.n - 2, pValue: difference === 0 ? 1 : 0, effectSize, difference };
  const statistic = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { statistic, df, pValue: pFrom(studentTCdf(statistic, df), alternative), effectSize, difference };
}

export interface Proportion {
  n: number;
  successes: number;
}

export function twoProportionTest(a: Proportion, b: Proportion, alternative: Alternative = "two-sided"): TestResult | undefined {
  if (a.n === 0 || b.n === 0) return undefined;
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const difference = pa - pb;
  const effectSize = 2 * Math.asin(Math.sqrt(pa)) - 2 * Math.asin(Math.sqrt(pb));
  if (se === 0) return { statistic: 0, df: null, pValue: 1, effectSize, difference };
  const statistic = difference / se;
  return { statistic, df: null, pValue: pFrom(normalCdf(statistic), alternative), effectSize, difference };
}
