/**
 * The memory one k-means fit works in, laid out so that any number of threads
 * can share it: the matrix, each row's label and Hamerly bounds, the centres,
 * and one slot of partial results per fixed-size chunk of rows.
 *
 * Every sum over rows is taken per chunk of CHUNK_ROWS rows and the chunks are
 * then added in index order, whichever thread computed them. That fixes the
 * order of every floating-point addition, so a fit on one thread and a fit on
 * eight give the same labels and centres to the bit.
 *
 * On one thread the arrays live in ordinary ArrayBuffers and the matrix is used
 * in place; for worker threads they live in SharedArrayBuffers (the matrix is
 * copied once) and `viewKMeansBuffers` rebuilds the same views in a worker.
 */
import type { Matrix } from "./matrix.ts";

/** Rows per chunk: the unit of work a thread takes and of every partial sum. */
export const CHUNK_ROWS = 4096;

/** What a pass over the chunks computes (see kmeans-chunk.ts). */
export const PHASE = {
  /** Stop the worker threads. */
  stop: 0,
  /** First Lloyd iteration: nearest and second-nearest centre of every row, partial sums. */
  assignFirst: 1,
  /** Later Lloyd iterations: loosen the bounds, re-check rows the bounds cannot settle, partial sums. */
  assign: 2,
  /** Exact labels and inertia for the final centres. */
  exact: 3,
  /** k-means++: squared distance of every row to the first centre. */
  seedFirst: 4,
  /** k-means++: squared distance to the nearest centre if a candidate were added. */
  seedTrial: 5,
} as const;

export type Phase = (typeof PHASE)[keyof typeof PHASE];

/** Slots of `scalars`: the parameters of the current phase, written by the driver before each pass. */
export const SCALAR = {
  k: 0,
  /** Largest centre move of the last iteration, the runner-up, and the centre that moved most. */
  largest: 1,
  runnerUp: 2,
  largestAt: 3,
  /** k-means++: the candidate row, and which third of `seeding` holds the nearest-so-far distances / receives the trial. */
  candidate: 4,
  closestAt: 5,
  targetAt: 6,
  /** Non-zero when labels were changed between passes (an empty cluster took a row): the next assign pass sums every row of its chunks again. */
  resum: 7,
} as const;

export interface KMeansBuffers {
  n: number;
  d: number;
  /** Largest k these buffers hold. */
  kMax: number;
  chunks: number;
  data: Float64Array;
  labels: Int32Array;
  /** Hamerly's bounds: distance to the own centre (upper), to any other (lower). */
  upper: Float64Array;
  lower: Float64Array;
  /** kMax × d, the current centres. */
  centroids: Float64Array;
  /** Half the distance from each centre to its nearest other centre. */
  half: Float64Array;
  /** How far each centre moved in the last iteration. */
  moved: Float64Array;
  scalars: Float64Array;
  /** chunks × kMax × d sums of rows by label, kept from one Lloyd iteration to the next. */
  chunkSums: Float64Array;
  /** chunks × kMax rows by label. */
  chunkCounts: Float64Array;
  /** One number per chunk: labels changed, inertia, or k-means++ potential, as the phase says. */
  chunkTotals: Float64Array;
  /** 3 × n: k-means++ nearest-so-far distances, the best trial, and the current trial (roles rotate). */
  seeding: Float64Array;
}

/** The buffers behind a KMeansBuffers, as posted to a worker (SharedArrayBuffers are shared, not copied). */
export interface KMeansBufferSources {
  n: number;
  d: number;
  kMax: number;
  buffers: Record<ArrayName, ArrayBufferLike>;
}

type ArrayName = "data" | "labels" | "upper" | "lower" | "centroids" | "half" | "moved" | "scalars" | "chunkSums" | "chunkCounts" | "chunkTotals" | "seeding";

export function chunkCount(n: number): number {
  return Math.ceil(n / CHUNK_ROWS);
}

/** Buffers for fitting `matrix` with up to kMax centres; `shared` puts them (and a copy of the matrix) in shared memory. */
export function createKMeansBuffers(matrix: Matrix, kMax: number, shared: boolean): KMeansBuffers {
  const { n, d } = matrix;
  const chunks = chunkCount(n);
  const make = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  let data: ArrayBufferLike;
  if (shared) {
    data = make(matrix.data.byteLength);
    new Float64Array(data).set(matrix.data);
  } else {
    data = matrix.data.buffer;
  }
  const f64 = (count: number) => make(count * 8);
  const sources: KMeansBufferSources = {
    n,
    d,
    kMax,
    buffers: {
      data,
      labels: make(n * 4),
      upper: f64(n),
      lower: f64(n),
      centroids: f64(kMax * d),
      half: f64(kMax),
      moved: f64(kMax),
      scalars: f64(8),
      chunkSums: f64(chunks * kMax * d),
      chunkCounts: f64(chunks * kMax),
      chunkTotals: f64(chunks),
      seeding: f64(3 * n),
    },
  };
  const buffers = viewKMeansBuffers(sources);
  // The matrix is used in place on one thread: view exactly its rows.
  if (!shared) buffers.data = matrix.data.subarray(0, n * d);
  return buffers;
}

export function viewKMeansBuffers(sources: KMeansBufferSources): KMeansBuffers {
  const { n, d, kMax, buffers: b } = sources;
  return {
    n,
    d,
    kMax,
    chunks: chunkCount(n),
    data: new Float64Array(b.data, 0, n * d),
    labels: new Int32Array(b.labels),
    upper: new Float64Array(b.upper),
    lower: new Float64Array(b.lower),
    centroids: new Float64Array(b.centroids),
    half: new Float64Array(b.half),
    moved: new Float64Array(b.moved),
    scalars: new Float64Array(b.scalars),
    chunkSums: new Float64Array(b.chunkSums),
    chunkCounts: new Float64Array(b.chunkCounts),
    chunkTotals: new Float64Array(b.chunkTotals),
    seeding: new Float64Array(b.seeding),
  };
}

/** The sources of buffers made by createKMeansBuffers(…, shared = true), to post to workers. */
export function kmeansBufferSources(buffers: KMeansBuffers): KMeansBufferSources {
  return {
    n: buffers.n,
    d: buffers.d,
    kMax: buffers.kMax,
    buffers: {
      data: buffers.data.buffer,
      labels: buffers.labels.buffer,
      upper: buffers.upper.buffer,
      lower: buffers.lower.buffer,
      centroids: buffers.centroids.buffer,
      half: buffers.half.buffer,
      moved: buffers.moved.buffer,
      scalars: buffers.scalars.buffer,
      chunkSums: buffers.chunkSums.buffer,
      chunkCounts: buffers.chunkCounts.buffer,
      chunkTotals: buffers.chunkTotals.buffer,
      seeding: buffers.seeding.buffer,
    },
  };
}
