/**
 * Greedy k-means++ seeding, as scikit-learn does it (Arthur & Vassilvitskii
 * 2007): the first centre is a uniform pick; each next centre is the best of
 * `2 + ⌊ln k⌋` candidates drawn with probability proportional to the squared
 * distance to the nearest centre so far, "best" meaning the lowest resulting
 * potential. Randomness comes only from `random`, so a seed fixes the result.
 */
import type { Matrix } from "./matrix.ts";

/** Initial centres, k × d row-major. */
export function kmeansPlusPlus(matrix: Matrix, k: number, random: () => number): Float64Array {
  const { data, n, d } = matrix;
  if (k < 1 || k > n) throw new RangeError(`k-means++ needs 1 ≤ k ≤ n, got k = ${k}, n = ${n}`);
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));

  const first = Math.min(n - 1, Math.floor(random() * n));
  centres.set(data.subarray(first * d, first * d + d), 0);
  let closest: Float64Array = distancesTo(matrix, data, first * d);
  let potential = sum(closest);

  const cumulative = new Float64Array(n);
  let candidateBest: Float64Array = new Float64Array(n);
  let candidateDist: Float64Array = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cumulative[i] = acc += closest[i]!;
    let bestPotential = Infinity;
    let bestIndex = -1;
    for (let t = 0; t < trials; t++) {
      const candidate = searchRight(cumulative, random() * potential);
      const offset = candidate * d;
      let pot = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * d;
        for (let j = 0; j < d; j++) {
          const diff = data[row + j]! - data[offset + j]!;
          s += diff * diff;
        }
        const m = s < closest[i]! ? s : closest[i]!;
        candidateDist[i] = m;
        pot += m;
      }
      if (pot < bestPotential) {
        bestPotential = pot;
        bestIndex = candidate;
        [candidateBest, candidateDist] = [candidateDist, candidateBest];
      }
    }
    centres.set(data.subarray(bestIndex * d, bestIndex * d + d), c * d);
    [closest, candidateBest] = [candidateBest, closest];
    potential = bestPotential;
  }
  return centres;
}

function distancesTo(matrix: Matrix, source: Float64Array, offset: number): Float64Array {
  const { data, n, d } = matrix;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const diff = data[i * d + j]! - source[offset + j]!;
      s += diff * diff;
    }
    out[i] = s;
  }
  return out;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

/** First index whose cumulative weight exceeds `value` (numpy searchsorted, side right), clipped to the last row. */
function searchRight(cumulative: Float64Array, value: number): number {
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return Math.min(lo, cumulative.length - 1);
}
