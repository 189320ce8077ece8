/**
 * Choose the number of clusters: fit k-means for every k in the declared range,
 * record inertia (for the elbow chart) and silhouette (on the same row sample
 * for every k), and take the k with the highest silhouette, the smaller k on a tie.
 */
import { fitKMeans } from "./kmeans.ts";
import type { KMeansFit } from "./lloyd.ts";
import type { Matrix } from "./matrix.ts";
import { silhouetteScores } from "./silhouette.ts";

export interface KRange {
  min: number;
  max: number;
}

export interface ChooseKOptions {
  seed: number;
  /** k-means initializations per k (default 10). */
  nInit?: number;
  /** Rows the silhouette is computed on (default 3,000). */
  silhouetteSample?: number;
}

export interface KCandidate {
  k: number;
  inertia: number;
  /** null when undefined (the fit has fewer than 2 non-empty clusters in the sample). */
  silhouette: number | null;
  iterations: number;
  converged: boolean;
}

export interface ChooseKResult {
  k: number;
  /** One per k, ascending. */
  candidates: KCandidate[];
  /** The fit of the chosen k. */
  fit: KMeansFit;
  /** Every fit, one per candidate. */
  fits: KMeansFit[];
}

export function chooseK(matrix: Matrix, range: KRange, options: ChooseKOptions): ChooseKResult {
  checkRange(matrix, range);
  const fits: KMeansFit[] = [];
  for (let k = range.min; k <= range.max; k++) fits.push(fitKMeans(matrix, k, { seed: options.seed, nInit: options.nInit }));
  return choose(scoreFits(matrix, fits, options));
}

export function checkRange(matrix: Matrix, range: KRange): void {
  if (range.min < 2 || range.max < range.min) throw new RangeError(`k range ${range.min}…${range.max} is not 2 ≤ min ≤ max`);
  if (range.max >= matrix.n) throw new RangeError(`k up to ${range.max} needs more than ${range.max} rows, got ${matrix.n}`);
}

export interface TriedK {
  fit: KMeansFit;
  candidate: KCandidate;
}

/**
 * Fits of several ks with their silhouettes, all on the same rows in one pass over the pairs (silhouetteScores).
 * Each fit depends only on the matrix and the options, so the fits can come from anywhere (worker threads).
 */
export function scoreFits(matrix: Matrix, fits: readonly KMeansFit[], options: ChooseKOptions): TriedK[] {
  const silhouettes = silhouetteScores(matrix, fits, { seed: options.seed, sample: options.silhouetteSample });
  return fits.map((fit, i) => ({ fit, candidate: { k: fit.k, inertia: fit.inertia, silhouette: silhouettes[i]!, iterations: fit.iterations, converged: fit.converged } }));
}

/** The result from every k tried, in ascending k. */
export function choose(tried: readonly TriedK[]): ChooseKResult {
  const sorted = [...tried].sort((a, b) => a.candidate.k - b.candidate.k);
  const candidates = sorted.map((t) => t.candidate);
  const k = bestK(candidates);
  return { k, candidates, fit: sorted.find((t) => t.candidate.k === k)!.fit, fits: sorted.map((t) => t.fit) };
}

/** The k with the highest silhouette; the smallest such k on a tie, and the smallest k when none is defined. */
export function bestK(candidates: readonly KCandidate[]): number {
  let best = candidates[0]!;
  for (const c of candidates) {
    if (c.silhouette === null) continue;
    if (best.silhouette === null || c.silhouette > best.silhouette || (c.silhouette === best.silhouette && c.k < best.k)) best = c;
  }
  return best.k;
}
