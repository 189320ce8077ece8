/**
 * k-means: k-means++ seeding, Lloyd iterations, several initializations keeping
 * the lowest inertia, as scikit-learn's `KMeans(algorithm="lloyd")` does.
 * Deterministic: same matrix, k and seed give the same result everywhere.
 *
 * Not ml-kmeans: it works on arrays of arrays and took 27 s for one
 * initialization on 1,000,000 × 8 (k = 5), ~5× scikit-learn; Seg's passes
 * (lloyd.ts, with the per-row work in WebAssembly, kmeans-kernels.ts) are
 * measured by bench/kmeans.ts. ml-kmeans remains the independent check of
 * Lloyd's loop in lloyd.test.ts.
 */
import { mulberry32 } from "../stats/seeded-random.ts";
import { createKMeansBuffers, type KMeansBuffers } from "./kmeans-buffers.ts";
import { kmeansPlusPlusSteps } from "./kmeans-plus-plus.ts";
import { lloydSteps, runSteps, type KMeansFit, type KMeansSteps } from "./lloyd.ts";
import type { Matrix } from "./matrix.ts";

/**
 * Initializations per fit. With 4, Mall Customers k = 7 ended 0.9% above
 * scikit-learn's inertia; with 10 every k of the reference data sets is within
 * 0.6% (test/integration/clustering-reference.test.ts).
 */
export const DEFAULT_N_INIT = 10;

export interface KMeansOptions {
  seed: number;
  /** Initializations tried; the lowest inertia wins (default 10, as scikit-learn before 1.4). */
  nInit?: number;
  /** Lloyd iterations per initialization (default 300). */
  maxIterations?: number;
  /** Relative to the mean feature variance, as in scikit-learn (default 1e-4). */
  tolerance?: number;
}


export function fitKMeans(matrix: Matrix, k: number, options: KMeansOptions): KMeansFit {
  checkFit(matrix, k, options);
  const buffers = createKMeansBuffers(matrix, k);
  return runSteps(buffers, fitKMeansSteps(matrix, buffers, k, options));
}

export function checkFit(matrix: Matrix, k: number, options: KMeansOptions): void {
  const nInit = options.nInit ?? DEFAULT_N_INIT;
  if (!Number.isInteger(k) || k < 1 || k > matrix.n) throw new RangeError(`k-means needs 1 ≤ k ≤ ${matrix.n} rows, got k = ${k}`);
  if (!Number.isInteger(nInit) || nInit < 1) throw new RangeError(`nInit must be a positive integer, got ${nInit}`);
}

/**
 * Every initialization, one after the other, as passes over the buffers (see
 * lloyd.ts): on one thread with runSteps, on several with KMeansPool.
 */
export function* fitKMeansSteps(matrix: Matrix, buffers: KMeansBuffers, k: number, options: KMeansOptions): KMeansSteps<KMeansFit> {
  const nInit = options.nInit ?? DEFAULT_N_INIT;
  const random = mulberry32(options.seed);
  const tolerance = (options.tolerance ?? 1e-4) * meanVariance(matrix);
  let best: KMeansFit | undefined;
  for (let run = 0; run < nInit; run++) {
    const initial = yield* kmeansPlusPlusSteps(buffers, k, random);
    const fit = yield* lloydSteps(buffers, initial, k, options.maxIterations ?? 300, tolerance);
    if (best === undefined || fit.inertia < best.inertia) best = fit;
  }
  return best!;
}

/** Mean over features of the population variance (scikit-learn's tolerance scale). */
export function meanVariance(matrix: Matrix): number {
  const { data, n, d } = matrix;
  if (n === 0) return 0;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const diff = data[i * d + j]! - mean;
      v += diff * diff;
    }
    total += v / n;
  }
  return total / d;
}
