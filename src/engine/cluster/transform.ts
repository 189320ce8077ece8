/**
 * The transforms applied before k-means, in the declared order: `log1p`
 * (ln(1 + x), for counts and money) and `standardize` (centre on the mean,
 * divide by the population standard deviation, as scikit-learn's
 * StandardScaler). Fitting keeps the parameters, so the same transform can be
 * applied to one point (centroids, previous locks), inverted (centroids back to
 * original units) and written as SQL for assigning every member
 * (src/compile/emit/clusters-query.ts).
 */
import type { Matrix } from "./matrix.ts";

export type TransformName = "log1p" | "standardize";

export type FittedStep =
  | { kind: "log1p" }
  /** A feature with standard deviation 0 keeps sd 1: it is only centred. */
  | { kind: "standardize"; means: number[]; sds: number[] };

export interface FittedTransform {
  features: string[];
  steps: FittedStep[];
}

/** Fit the steps on `matrix` (original units) and return them with the transformed copy. */
export function fitTransform(matrix: Matrix, features: readonly string[], names: readonly TransformName[]): { transform: FittedTransform; transformed: Matrix } {
  if (features.length !== matrix.d) throw new RangeError(`${features.length} feature names for ${matrix.d} columns`);
  const out: Matrix = { data: Float64Array.from(matrix.data), n: matrix.n, d: matrix.d };
  const steps: FittedStep[] = [];
  for (const name of names) {
    const step: FittedStep = name === "log1p" ? { kind: "log1p" } : { kind: "standardize", ...meansAndSds(out) };
    applyStep(step, out, features);
    steps.push(step);
  }
  return { transform: { features: [...features], steps }, transformed: out };
}

/** A transformed copy of `matrix` (original units). */
export function applyTransform(transform: FittedTransform, matrix: Matrix): Matrix {
  const out: Matrix = { data: Float64Array.from(matrix.data), n: matrix.n, d: matrix.d };
  for (const step of transform.steps) applyStep(step, out, transform.features);
  return out;
}

export function transformPoint(transform: FittedTransform, point: readonly number[]): number[] {
  const matrix: Matrix = { data: Float64Array.from(point), n: 1, d: point.length };
  return Array.from(applyTransform(transform, matrix).data);
}

/**
 * From transformed space back to original units (expm1 undoes log1p). log1p
 * only ever saw values ≥ 0, so its inverse is kept ≥ 0 (a centroid at the
 * minimum would otherwise come back as −1e-17).
 */
export function invertPoint(transform: FittedTransform, point: readonly number[]): number[] {
  const out = [...point];
  for (const step of [...transform.steps].reverse()) {
    for (let j = 0; j < out.length; j++) {
      out[j] = step.kind === "log1p" ? Math.max(0, Math.expm1(out[j]!)) : out[j]! * step.sds[j]! + step.means[j]!;
    }
  }
  return out;
}

/** Why log1p cannot be applied, given each feature's minimum over all members; null when it can. */
export function log1pProblem(names: readonly TransformName[], features: readonly string[], minimums: readonly (number | null)[]): string | null {
  const at = names.indexOf("log1p");
  if (at < 0) return null;
  if (names.slice(0, at).includes("standardize")) {
    return "log1p comes after standardize, whose output is negative for every value below the mean; list log1p first.";
  }
  const negative = features.flatMap((feature, j) => (minimums[j] !== null && minimums[j]! < 0 ? [`"${feature}" (minimum ${minimums[j]})`] : []));
  if (negative.length === 0) return null;
  return `log1p needs values of 0 or more, but ${negative.join(", ")} ${negative.length === 1 ? "has" : "have"} negative values.`;
}

function applyStep(step: FittedStep, matrix: Matrix, features: readonly string[]): void {
  const { data, n, d } = matrix;
  if (step.kind === "log1p") {
    for (let i = 0; i < data.length; i++) {
      const value = data[i]!;
      if (value < 0) throw new RangeError(`log1p needs values of 0 or more, but "${features[i % d]}" has ${value}`);
      data[i] = Math.log1p(value);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) data[i * d + j] = (data[i * d + j]! - step.means[j]!) / step.sds[j]!;
  }
}

function meansAndSds(matrix: Matrix): { means: number[]; sds: number[] } {
  const { data, n, d } = matrix;
  const means: number[] = [];
  const sds: number[] = [];
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (data[i * d + j]! - mean) ** 2;
    const sd = Math.sqrt(variance / n);
    means.push(mean);
    sds.push(sd > 0 && Number.isFinite(sd) ? sd : 1);
  }
  return { means, sds };
}
