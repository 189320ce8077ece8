/**
 * Greedy k-means++ seeding, as scikit-learn does it (Arthur & Vassilvitskii
 * 2007): the first centre is a uniform pick; each next centre is the best of
 * `2 + ⌊ln k⌋` candidates drawn with probability proportional to the squared
 * distance to the nearest centre so far, "best" meaning the lowest resulting
 * potential. Randomness comes only from `random`, so a seed fixes the result.
 *
 * Written as passes over the rows (see lloyd.ts): each candidate's distances
 * are one pass, computed per chunk, and potentials are chunk totals added in
 * chunk order, so the seeding is the same on any number of threads.
 */
import { CHUNK_ROWS, createKMeansBuffers, PHASE, SCALAR, type KMeansBuffers } from "./kmeans-buffers.ts";
import { runSteps, sumInOrder, type KMeansSteps } from "./lloyd.ts";
import type { Matrix } from "./matrix.ts";

/** @public Initial centres, k × d row-major: the seeding's passes run on this thread (the threaded pool runs the same steps). */
export function kmeansPlusPlus(matrix: Matrix, k: number, random: () => number): Float64Array {
  if (k < 1 || k > matrix.n) throw new RangeError(`k-means++ needs 1 ≤ k ≤ n, got k = ${k}, n = ${matrix.n}`);
  const buffers = createKMeansBuffers(matrix, k);
  return runSteps(buffers, kmeansPlusPlusSteps(buffers, k, random));
}

/** The seeding as passes over the buffers; returns the k × d initial centres. */
export function* kmeansPlusPlusSteps(b: KMeansBuffers, k: number, random: () => number): KMeansSteps<Float64Array> {
  const { data, n, d, scalars } = b;
  if (k < 1 || k > n) throw new RangeError(`k-means++ needs 1 ≤ k ≤ n, got k = ${k}, n = ${n}`);
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  // Thirds of b.seeding: nearest-so-far distances, the best trial so far, the trial being computed.
  let closest = 0;
  let best = 1;
  let scratch = 2;

  const first = Math.min(n - 1, Math.floor(random() * n));
  centres.set(data.subarray(first * d, first * d + d), 0);
  scalars[SCALAR.candidate] = first;
  scalars[SCALAR.closestAt] = closest;
  yield PHASE.seedFirst;
  let potential = sumInOrder(b.chunkTotals, b.chunks);

  // Chunk totals of the nearest-so-far distances and of the best trial so far.
  const closestTotals = Float64Array.from(b.chunkTotals);
  const bestTotals = new Float64Array(b.chunks);
  const prefix = new Float64Array(b.chunks);
  for (let c = 1; c < k; c++) {
    cumulate(closestTotals, prefix);
    let bestPotential = Infinity;
    let bestIndex = -1;
    for (let t = 0; t < trials; t++) {
      const candidate = pick(b.seeding.subarray(closest * n, closest * n + n), prefix, random() * potential);
      scalars[SCALAR.candidate] = candidate;
      scalars[SCALAR.closestAt] = closest;
      scalars[SCALAR.targetAt] = scratch;
      yield PHASE.seedTrial;
      const pot = sumInOrder(b.chunkTotals, b.chunks);
      if (pot < bestPotential) {
        bestPotential = pot;
        bestIndex = candidate;
        [best, scratch] = [scratch, best];
        bestTotals.set(b.chunkTotals);
      }
    }
    centres.set(data.subarray(bestIndex * d, bestIndex * d + d), c * d);
    [closest, best] = [best, closest];
    closestTotals.set(bestTotals);
    potential = bestPotential;
  }
  return centres;
}

/** Running sums of the chunk totals, in chunk order. */
function cumulate(totals: Float64Array, prefix: Float64Array): void {
  let acc = 0;
  for (let chunk = 0; chunk < totals.length; chunk++) prefix[chunk] = acc += totals[chunk]!;
}

/**
 * The first row whose running sum of weights exceeds `value` (numpy's
 * searchsorted, side right, on the cumulative weights), found by chunk and then
 * within the chunk; clipped to the last row.
 */
function pick(weights: Float64Array, prefix: Float64Array, value: number): number {
  let lo = 0;
  let hi = prefix.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prefix[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  if (lo >= prefix.length) return weights.length - 1;
  const end = Math.min(weights.length, (lo + 1) * CHUNK_ROWS);
  let acc = lo > 0 ? prefix[lo - 1]! : 0;
  for (let i = lo * CHUNK_ROWS; i < end; i++) {
    acc += weights[i]!;
    if (acc > value) return i;
  }
  return end - 1;
}
