/**
 * Lloyd's k-means iterations, accelerated with Hamerly's bounds (the per-row
 * work is in kmeans-kernels.ts, in WebAssembly). The labels are those of plain Lloyd; the
 * centres are the means of their rows, kept as sums per chunk of rows that the
 * first iteration adds up and later ones update with only the rows that change
 * label (so they can differ from a fresh sum in the last bits). A final exact
 * pass gives the labels and inertia (the bounds spare it the other centres'
 * distances for most rows).
 *
 * Convergence follows scikit-learn: stop when no label changes, or when the
 * total squared centre shift is at most `tolerance`. An empty cluster takes the
 * row farthest from its centre.
 *
 * The iterations are written once, as `lloydSteps`: a generator that yields
 * each pass over the rows (a phase) and does the little serial work between
 * passes (adding the chunks' partial sums in chunk order, moving the centres,
 * deciding to stop). `runSteps` runs the passes on this thread; KMeansPool runs
 * the same generator with the passes split over worker threads. Same code, same
 * order of additions: the same fit to the bit.
 */
import { createKMeansBuffers, PHASE, SCALAR, type KMeansBuffers, type Phase } from "./kmeans-buffers.ts";
import { runChunk } from "./kmeans-chunk.ts";
import type { Matrix } from "./matrix.ts";
import { squaredDistance } from "./squared-distance.ts";

export interface KMeansFit {
  k: number;
  /** k × d, row-major, in the space of the input matrix. */
  centroids: Float64Array;
  /** Cluster index (0 … k−1) of each row. */
  labels: Int32Array;
  /** Sum of squared distances of rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning initialization. */
  iterations: number;
  converged: boolean;
}

/** A fit's passes over the rows, then its result. */
export type KMeansSteps<T> = Generator<Phase, T, void>;

/** @public Lloyd iterations from the given centres (k × d) on this thread; `tolerance` is absolute (total squared shift). */
export function lloyd(matrix: Matrix, initial: Float64Array, k: number, maxIterations: number, tolerance: number): KMeansFit {
  const buffers = createKMeansBuffers(matrix, k);
  return runSteps(buffers, lloydSteps(buffers, initial, k, maxIterations, tolerance));
}

/** Runs every pass of `steps` on this thread, chunk after chunk. */
export function runSteps<T>(buffers: KMeansBuffers, steps: KMeansSteps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    for (let chunk = 0; chunk < buffers.chunks; chunk++) runChunk(buffers, step.value, chunk);
  }
}

/** Lloyd's iterations as passes over the buffers; the result's labels and centroids are copies. */
export function* lloydSteps(b: KMeansBuffers, initial: Float64Array, k: number, maxIterations: number, tolerance: number): KMeansSteps<KMeansFit> {
  const { n, d, scalars } = b;
  const centroids = b.centroids.subarray(0, k * d);
  centroids.set(initial.subarray(0, k * d));
  scalars[SCALAR.k] = k;
  const next = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const moved = b.moved.subarray(0, k);
  // No move yet (a fit with no iteration goes from the first pass to the exact one).
  moved.fill(0);

  yield PHASE.assignFirst;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let changed = n;
    if (iterations > 1) {
      halfGaps(centroids, k, d, b.half);
      yield PHASE.assign;
      changed = sumInOrder(b.chunkTotals, b.chunks);
    }
    addChunks(b, k, next, counts);
    const relocated = relocateEmpty(b, k, next, counts);
    // The chunks' sums no longer match the labels of the rows that moved: the next pass sums again.
    scalars[SCALAR.resum] = relocated;
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) next[c * d + j]! /= counts[c]!;
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const s = squaredDistance(centroids, c * d, next, c * d, d);
      shift += s;
      moved[c] = Math.sqrt(s);
    }
    centroids.set(next);
    if (iterations > 1 && changed === 0 && relocated === 0) {
      converged = true;
      break;
    }
    if (shift <= tolerance) {
      converged = true;
      break;
    }
    largestMoves(moved, scalars);
  }
  // The bounds hold for the centres before their last move: loosen them by it in the exact pass.
  halfGaps(centroids, k, d, b.half);
  largestMoves(moved, scalars);
  yield PHASE.exact;
  const inertia = sumInOrder(b.chunkTotals, b.chunks);
  return { k, centroids: Float64Array.from(centroids), labels: Int32Array.from(b.labels), inertia, iterations, converged };
}

/** The chunks' totals added in chunk order. */
export function sumInOrder(totals: Float64Array, chunks: number): number {
  let s = 0;
  for (let chunk = 0; chunk < chunks; chunk++) s += totals[chunk]!;
  return s;
}

/** The chunks' sums and counts by label, added in chunk order. */
function addChunks(b: KMeansBuffers, k: number, sums: Float64Array, counts: Float64Array): void {
  const { d, sumStride, countStride, chunks, chunkSums, chunkCounts } = b;
  sums.fill(0);
  counts.fill(0);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const s = chunk * sumStride;
    for (let x = 0; x < k * d; x++) sums[x]! += chunkSums[s + x]!;
    const c = chunk * countStride;
    for (let x = 0; x < k; x++) counts[x]! += chunkCounts[c + x]!;
  }
}

/** Half the distance from each centre to its nearest other centre. */
function halfGaps(centroids: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const gap = Math.sqrt(squaredDistance(centroids, a * d, centroids, b * d, d)) / 2;
      if (gap < half[a]!) half[a] = gap;
      if (gap < half[b]!) half[b] = gap;
    }
  }
}

/** The largest centre move, the runner-up and the centre that moved most, for loosening the bounds. */
function largestMoves(moved: Float64Array, scalars: Float64Array): void {
  let largest = 0;
  let largestAt = -1;
  let runnerUp = 0;
  for (let c = 0; c < moved.length; c++) {
    if (moved[c]! > largest) {
      runnerUp = largest;
      largest = moved[c]!;
      largestAt = c;
    } else if (moved[c]! > runnerUp) {
      runnerUp = moved[c]!;
    }
  }
  scalars[SCALAR.largest] = largest;
  scalars[SCALAR.runnerUp] = runnerUp;
  scalars[SCALAR.largestAt] = largestAt;
}

/** Give each empty cluster the row farthest from its centre, taken out of a cluster that keeps at least one row. */
function relocateEmpty(b: KMeansBuffers, k: number, sums: Float64Array, counts: Float64Array): number {
  const { data, n, d, centroids, labels, upper, lower } = b;
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return 0;
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++) distance[i] = squaredDistance(data, i * d, centroids, labels[i]! * d, d);
  const order = Array.from(distance.keys()).sort((x, y) => distance[y]! - distance[x]! || x - y);
  let taken = 0;
  let relocated = 0;
  for (const c of empty) {
    while (taken < order.length && counts[labels[order[taken]!]!]! <= 1) taken++;
    if (taken >= order.length) break;
    const i = order[taken++]!;
    const from = labels[i]!;
    for (let j = 0; j < d; j++) {
      sums[from * d + j]! -= data[i * d + j]!;
      sums[c * d + j] = data[i * d + j]!;
    }
    counts[from]!--;
    counts[c] = 1;
    labels[i] = c;
    // Unknown until the next scan: force one.
    upper[i] = Infinity;
    lower[i] = 0;
    relocated++;
  }
  return relocated;
}
