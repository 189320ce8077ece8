/**
 * Skewness of each clustering feature, before and after the transform, and
 * whether log1p is recommended: k-means on a heavily right-skewed feature
 * (|skew| > 1, typical of counts and money) is driven by its long tail.
 */
import { sampleSkewness } from "simple-statistics";
import { column, type Matrix } from "./matrix.ts";
import type { TransformName } from "./transform.ts";

/** Above this absolute skewness a feature counts as heavily skewed. */
export const SKEW_THRESHOLD = 1;

export interface FeatureSkewness {
  feature: string;
  /** Adjusted sample skewness in original units; null when undefined (fewer than 3 values or no spread). */
  skewness: number | null;
  /** The same after the declared transform. */
  transformedSkewness: number | null;
  /** True when |skewness| > 1, log1p is not applied, and the values allow it (none negative). */
  recommendLog1p: boolean;
}

export function featureSkewness(original: Matrix, transformed: Matrix, features: readonly string[], names: readonly TransformName[]): FeatureSkewness[] {
  return features.map((feature, j) => {
    const values = column(original, j);
    const skewness = skew(values);
    const recommendLog1p = skewness !== null && Math.abs(skewness) > SKEW_THRESHOLD && !names.includes("log1p") && values.every((v) => v >= 0);
    return { feature, skewness, transformedSkewness: skew(column(transformed, j)), recommendLog1p };
  });
}

function skew(values: number[]): number | null {
  if (values.length < 3) return null;
  const value = sampleSkewness(values);
  return Number.isFinite(value) ? value : null;
}
