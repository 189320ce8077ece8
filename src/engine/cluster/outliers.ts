/**
 * Outliers by Tukey's fences on each transformed feature: below Q1 − 1.5·IQR or
 * above Q3 + 1.5·IQR (quartiles by linear interpolation, as numpy and pandas).
 * A row outlying in more than one feature is listed with those features; it is
 * left out of fitting but still assigned to its nearest cluster afterwards.
 * A feature whose IQR is 0 (e.g. mostly zeros) gets no fence: every other
 * value would be an "outlier".
 */
import type { Matrix } from "./matrix.ts";

export const FENCE_FACTOR = 1.5;
/** A row is an outlier when it lies outside the fences of at least this many features. */
export const OUTLIER_MIN_FEATURES = 2;

export interface Fence {
  feature: string;
  q1: number;
  q3: number;
  /** null when the IQR is 0 and the feature is not fenced. */
  lower: number | null;
  upper: number | null;
}

export interface Outlier {
  memberId: string | number;
  /** The features it lies outside the fences of, in feature order. */
  features: string[];
}

export function tukeyFences(matrix: Matrix, features: readonly string[]): Fence[] {
  return features.map((feature, j) => {
    const sorted = new Float64Array(matrix.n);
    for (let i = 0; i < matrix.n; i++) sorted[i] = matrix.data[i * matrix.d + j]!;
    sorted.sort();
    const q1 = quantileSorted(sorted, 0.25);
    const q3 = quantileSorted(sorted, 0.75);
    const iqr = q3 - q1;
    return iqr > 0 ? { feature, q1, q3, lower: q1 - FENCE_FACTOR * iqr, upper: q3 + FENCE_FACTOR * iqr } : { feature, q1, q3, lower: null, upper: null };
  });
}

/** Rows outside the fences of at least `OUTLIER_MIN_FEATURES` features, and a mask of them (1 = outlier). */
export function findOutliers(matrix: Matrix, ids: readonly (string | number)[], fences: readonly Fence[]): { outliers: Outlier[]; mask: Uint8Array } {
  const { data, n, d } = matrix;
  const mask = new Uint8Array(n);
  const outliers: Outlier[] = [];
  for (let i = 0; i < n; i++) {
    const outside: string[] = [];
    for (let j = 0; j < d; j++) {
      const fence = fences[j]!;
      const value = data[i * d + j]!;
      if (fence.lower !== null && (value < fence.lower || value > fence.upper!)) outside.push(fence.feature);
    }
    if (outside.length >= OUTLIER_MIN_FEATURES) {
      mask[i] = 1;
      outliers.push({ memberId: ids[i]!, features: outside });
    }
  }
  return { outliers, mask };
}

/** Quantile of sorted values by linear interpolation between closest ranks (numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
