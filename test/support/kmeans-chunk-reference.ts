/**
 * The k-means chunk kernels in plain JavaScript: the arithmetic of the
 * WebAssembly kernels (src/engine/cluster/kmeans-kernels.ts), operation for
 * operation and in the same order. They were Seg's kernels before the
 * WebAssembly ones; kmeans-chunk.test.ts runs both on the same buffers and
 * holds their labels, bounds and sums equal to the bit.
 *
 * Lloyd's iterations use Hamerly's bounds (Hamerly 2010, "Making k-means even
 * faster"): each row keeps an upper bound on the distance to its own centre and
 * a lower bound on the distance to any other, and skips the distance
 * computations whenever the bounds prove its label cannot change.
 */
import { CHUNK_ROWS, PHASE, SCALAR, type KMeansBuffers, type Phase } from "../../src/engine/cluster/kmeans-buffers.ts";
import { MARGIN } from "../../src/engine/cluster/kmeans-kernels.ts";
import { squaredDistance } from "../../src/engine/cluster/squared-distance.ts";

/**
 * An integer slot of `scalars` (k, a centre, a row) as a small integer. Read
 * from a Float64Array it is a heap number, and one heap number in an offset
 * makes V8 compute every index of squaredDistance, in every pass, in floating
 * point with a conversion and bounds check per element.
 */
function integer(scalars: Float64Array, slot: number): number {
  return scalars[slot]! | 0;
}

/** One phase over one chunk, as kmeans-chunk.ts runChunk does it in WebAssembly. */
export function runChunkReference(b: KMeansBuffers, phase: Phase, chunk: number): void {
  const start = chunk * CHUNK_ROWS;
  const end = Math.min(b.n, start + CHUNK_ROWS);
  switch (phase) {
    case PHASE.assignFirst:
      assignFirst(b, chunk, start, end);
      break;
    case PHASE.assign:
      assign(b, chunk, start, end);
      break;
    case PHASE.exact:
      exact(b, chunk, start, end);
      break;
    case PHASE.seedFirst:
      seedFirst(b, chunk, start, end);
      break;
    case PHASE.seedTrial:
      seedTrial(b, chunk, start, end);
      break;
    default:
      throw new RangeError(`unknown k-means phase ${phase}`);
  }
}

function assignFirst(b: KMeansBuffers, chunk: number, start: number, end: number): void {
  const k = integer(b.scalars, SCALAR.k);
  for (let i = start; i < end; i++) scan(b, i, k, -1, 0);
  sumChunk(b, chunk, start, end, k);
}

function assign(b: KMeansBuffers, chunk: number, start: number, end: number): void {
  const { data, d, labels, upper, lower, centroids, half, moved, scalars } = b;
  const k = integer(scalars, SCALAR.k);
  const largest = scalars[SCALAR.largest]!;
  const runnerUp = scalars[SCALAR.runnerUp]!;
  const largestAt = integer(scalars, SCALAR.largestAt);
  const resum = scalars[SCALAR.resum] !== 0;
  let changed = 0;
  for (let i = start; i < end; i++) {
    const a = labels[i]!;
    // The centres moved: the own distance may have grown by the own centre's move, the others shrunk by the largest other move.
    const u = upper[i]! + moved[a]!;
    const l = lower[i]! - (a === largestAt ? runnerUp : largest);
    lower[i] = l;
    const h = half[a]!;
    const bound = (h > l ? h : l) * (1 - MARGIN);
    if (u <= bound) {
      upper[i] = u;
      continue;
    }
    const own = squaredDistance(data, i * d, centroids, a * d, d);
    const tight = Math.sqrt(own);
    upper[i] = tight;
    if (tight <= bound) continue;
    scan(b, i, k, a, own);
    if (labels[i] !== a) {
      changed++;
      if (!resum) move(b, chunk, i, a, labels[i]!);
    }
  }
  b.chunkTotals[chunk] = changed;
  if (resum) sumChunk(b, chunk, start, end, k);
}

/**
 * Nearest and second-nearest centre of row i: sets its label and both bounds
 * (first on ties). `own` ≥ 0 is a centre whose squared distance `ownSquared`
 * the caller already has (the same bits this loop would compute).
 */
function scan(b: KMeansBuffers, i: number, k: number, own: number, ownSquared: number): void {
  const { data, d, centroids } = b;
  const row = i * d;
  let best = 0;
  let first = Infinity;
  let second = Infinity;
  for (let c = 0; c < k; c++) {
    const s = c === own ? ownSquared : squaredDistance(data, row, centroids, c * d, d);
    if (s < first) {
      second = first;
      first = s;
      best = c;
    } else if (s < second) {
      second = s;
    }
  }
  b.labels[i] = best;
  b.upper[i] = Math.sqrt(first);
  b.lower[i] = Math.sqrt(second);
}

/**
 * Row i changed label from `from` to `to`: its chunk's sums follow it. Only the
 * rows that change label are added or taken out after the first iteration
 * (rather than summing every row again); each chunk's slot is updated by the one
 * thread that has the chunk, row after row, so the sums are the same on any
 * number of threads.
 */
function move(b: KMeansBuffers, chunk: number, i: number, from: number, to: number): void {
  const { data, d, sumStride, countStride, chunkSums, chunkCounts } = b;
  const row = i * d;
  const slot = chunk * sumStride;
  for (let j = 0; j < d; j++) {
    const x = data[row + j]!;
    chunkSums[slot + from * d + j]! -= x;
    chunkSums[slot + to * d + j]! += x;
  }
  chunkCounts[chunk * countStride + from]!--;
  chunkCounts[chunk * countStride + to]!++;
}

/** Sums of the chunk's rows by label, into the chunk's slot: zeroed, then row after row. */
function sumChunk(b: KMeansBuffers, chunk: number, start: number, end: number, k: number): void {
  const { data, d, labels, chunkSums, chunkCounts } = b;
  const sums = chunk * b.sumStride;
  const counts = chunk * b.countStride;
  chunkSums.fill(0, sums, sums + k * d);
  chunkCounts.fill(0, counts, counts + k);
  for (let i = start; i < end; i++) {
    const c = labels[i]!;
    chunkCounts[counts + c]!++;
    for (let j = 0, row = i * d, centre = sums + c * d; j < d; j++) chunkSums[centre + j]! += data[row + j]!;
  }
}

/**
 * Final labels and inertia: every row's own distance (the inertia needs it),
 * and the other centres only for rows whose bounds, loosened by the last
 * moves, cannot prove the own centre nearest. Same labels and the same
 * distances, added in the same order, as a scan of every centre.
 */
function exact(b: KMeansBuffers, chunk: number, start: number, end: number): void {
  const { data, d, centroids, labels, lower, half, scalars } = b;
  const k = integer(scalars, SCALAR.k);
  const largest = scalars[SCALAR.largest]!;
  const runnerUp = scalars[SCALAR.runnerUp]!;
  const largestAt = integer(scalars, SCALAR.largestAt);
  let inertia = 0;
  for (let i = start; i < end; i++) {
    const a = labels[i]!;
    const row = i * d;
    const own = squaredDistance(data, row, centroids, a * d, d);
    const l = lower[i]! - (a === largestAt ? runnerUp : largest);
    const h = half[a]!;
    if (Math.sqrt(own) <= (h > l ? h : l) * (1 - MARGIN)) {
      inertia += own;
      continue;
    }
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const s = c === a ? own : squaredDistance(data, row, centroids, c * d, d);
      if (s < bestDistance) {
        bestDistance = s;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDistance;
  }
  b.chunkTotals[chunk] = inertia;
}

function seedFirst(b: KMeansBuffers, chunk: number, start: number, end: number): void {
  const { data, d, n, seeding, scalars } = b;
  const offset = integer(scalars, SCALAR.candidate) * d;
  const closest = integer(scalars, SCALAR.closestAt) * n;
  let potential = 0;
  for (let i = start; i < end; i++) {
    const s = squaredDistance(data, i * d, data, offset, d);
    seeding[closest + i] = s;
    potential += s;
  }
  b.chunkTotals[chunk] = potential;
}

function seedTrial(b: KMeansBuffers, chunk: number, start: number, end: number): void {
  const { data, d, n, seeding, scalars } = b;
  const offset = integer(scalars, SCALAR.candidate) * d;
  const closest = integer(scalars, SCALAR.closestAt) * n;
  const target = integer(scalars, SCALAR.targetAt) * n;
  let potential = 0;
  for (let i = start; i < end; i++) {
    const s = squaredDistance(data, i * d, data, offset, d);
    const near = seeding[closest + i]!;
    const m = s < near ? s : near;
    seeding[target + i] = m;
    potential += m;
  }
  b.chunkTotals[chunk] = potential;
}
