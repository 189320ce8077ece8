/**
 * Lloyd's k-means iterations, accelerated with Hamerly's bounds (Hamerly 2010,
 * "Making k-means even faster"): each row keeps an upper bound on the distance
 * to its own centre and a lower bound on the distance to any other, and skips
 * the distance computations whenever the bounds prove its label cannot change.
 * The labels and centres are those of plain Lloyd: centres are recomputed from
 * all rows every iteration, and a final exact pass gives the labels and inertia.
 *
 * Convergence follows scikit-learn: stop when no label changes, or when the
 * total squared centre shift is at most `tolerance`. An empty cluster takes the
 * row farthest from its centre.
 */
import type { Matrix } from "./matrix.ts";

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

/** Bounds are trusted only with this relative margin, so rounding can never skip a needed check. */
const MARGIN = 1e-9;

/** Lloyd iterations from the given centres (k × d); `tolerance` is absolute (total squared shift). */
export function lloyd(matrix: Matrix, initial: Float64Array, k: number, maxIterations: number, tolerance: number): KMeansFit {
  const { data, n, d } = matrix;
  let centroids = Float64Array.from(initial);
  let next = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const x = new Float64Array(d);

  for (let i = 0; i < n; i++) scan(data, i, d, centroids, k, x, labels, upper, lower);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let changed = 0;
    if (iterations > 1) {
      halfGaps(centroids, k, d, half);
      for (let i = 0; i < n; i++) {
        const a = labels[i]!;
        const bound = Math.max(half[a]!, lower[i]!) * (1 - MARGIN);
        if (upper[i]! <= bound) continue;
        upper[i] = Math.sqrt(squaredDistance(data, i * d, centroids, a * d, d));
        if (upper[i]! <= bound) continue;
        scan(data, i, d, centroids, k, x, labels, upper, lower);
        if (labels[i] !== a) changed++;
      }
    } else {
      changed = n;
    }
    sumByLabel(matrix, labels, k, next, counts);
    const relocated = relocateEmpty(matrix, centroids, labels, upper, lower, next, counts);
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) next[c * d + j]! /= counts[c]!;
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const s = squaredDistance(centroids, c * d, next, c * d, d);
      shift += s;
      moved[c] = Math.sqrt(s);
    }
    [centroids, next] = [next, centroids];
    if (iterations > 1 && changed === 0 && relocated === 0) {
      converged = true;
      break;
    }
    if (shift <= tolerance) {
      converged = true;
      break;
    }
    loosenBounds(labels, moved, k, upper, lower);
  }
  const { labels: finalLabels, inertia } = exactPass(matrix, centroids, k, labels);
  return { k, centroids, labels: finalLabels, inertia, iterations, converged };
}

/** Nearest and second-nearest centre of row i: sets its label and both bounds (first on ties). */
function scan(data: Float64Array, i: number, d: number, centroids: Float64Array, k: number, x: Float64Array, labels: Int32Array, upper: Float64Array, lower: Float64Array): void {
  const row = i * d;
  for (let j = 0; j < d; j++) x[j] = data[row + j]!;
  let best = 0;
  let first = Infinity;
  let second = Infinity;
  for (let c = 0, centre = 0; c < k; c++, centre += d) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const diff = x[j]! - centroids[centre + j]!;
      s += diff * diff;
    }
    if (s < first) {
      second = first;
      first = s;
      best = c;
    } else if (s < second) {
      second = s;
    }
  }
  labels[i] = best;
  upper[i] = Math.sqrt(first);
  lower[i] = Math.sqrt(second);
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

/** After centres move: own distance may grow by its centre's move, others may shrink by the largest other move. */
function loosenBounds(labels: Int32Array, moved: Float64Array, k: number, upper: Float64Array, lower: Float64Array): void {
  let largest = 0;
  let largestAt = -1;
  let runnerUp = 0;
  for (let c = 0; c < k; c++) {
    if (moved[c]! > largest) {
      runnerUp = largest;
      largest = moved[c]!;
      largestAt = c;
    } else if (moved[c]! > runnerUp) {
      runnerUp = moved[c]!;
    }
  }
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i]!;
    upper[i]! += moved[a]!;
    lower[i]! -= a === largestAt ? runnerUp : largest;
  }
}

function sumByLabel(matrix: Matrix, labels: Int32Array, k: number, sums: Float64Array, counts: Float64Array): void {
  const { data, n, d } = matrix;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    counts[c]!++;
    const row = i * d;
    const centre = c * d;
    for (let j = 0; j < d; j++) sums[centre + j]! += data[row + j]!;
  }
}

/** Give each empty cluster the row farthest from its centre, taken out of a cluster that keeps at least one row. */
function relocateEmpty(matrix: Matrix, centroids: Float64Array, labels: Int32Array, upper: Float64Array, lower: Float64Array, sums: Float64Array, counts: Float64Array): number {
  const { data, n, d } = matrix;
  const empty: number[] = [];
  counts.forEach((count, c) => {
    if (count === 0) empty.push(c);
  });
  if (empty.length === 0) return 0;
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++) distance[i] = squaredDistance(data, i * d, centroids, labels[i]! * d, d);
  const order = Array.from(distance.keys()).sort((a, b) => distance[b]! - distance[a]! || a - b);
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

/** Exact labels and inertia for the final centres. */
function exactPass(matrix: Matrix, centroids: Float64Array, k: number, labels: Int32Array): { labels: Int32Array; inertia: number } {
  const { data, n, d } = matrix;
  const x = new Float64Array(d);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) x[j] = data[row + j]!;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0, centre = 0; c < k; c++, centre += d) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = x[j]! - centroids[centre + j]!;
        s += diff * diff;
      }
      if (s < bestDistance) {
        bestDistance = s;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDistance;
  }
  return { labels, inertia };
}

export function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = a[aOffset + j]! - b[bOffset + j]!;
    s += diff * diff;
  }
  return s;
}
