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
 * Everything lives in one shared WebAssembly memory (the matrix is copied in
 * once): the chunk kernels (kmeans-chunk.ts) are WebAssembly functions that
 * read the layout from a header at address 0, and the driver's JavaScript
 * (lloyd.ts, kmeans-plus-plus.ts) reads and writes the same bytes through
 * typed-array views. Worker threads get the memory itself and
 * `viewKMeansBuffers` rebuilds the same views there. The memory never grows,
 * so the views stay valid.
 */
import { SegError } from "../../diagnostics/seg-error.ts";
import { webAssembly, WASM_PAGE, type WasmMemory } from "../wasm/wasm-runtime.ts";
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

/**
 * The header at address 0 of the memory: 32-bit slots (index × 4 bytes) with
 * the sizes and the byte address of every array, written once by
 * createKMeansBuffers and read by the kernels at the start of each chunk.
 */
export const HEADER = {
  n: 0,
  d: 1,
  /** Bytes from one chunk's slot of sums, or of counts, to the next. */
  sumStride: 2,
  countStride: 3,
  data: 4,
  labels: 5,
  upper: 6,
  lower: 7,
  centroids: 8,
  half: 9,
  moved: 10,
  scalars: 11,
  chunkSums: 12,
  chunkCounts: 13,
  chunkTotals: 14,
  seeding: 15,
} as const;

/** Bytes of the header; every array starts on a 64-byte cache line. */
const HEADER_BYTES = 64;
const LINE = 64;

export interface KMeansBuffers {
  n: number;
  d: number;
  /** Largest k these buffers hold. */
  kMax: number;
  chunks: number;
  /** The shared memory every array below views. */
  memory: WasmMemory;
  /** Doubles from one chunk's slot of `chunkSums` (kMax × d, padded to a cache line) to the next, and of `chunkCounts`. */
  sumStride: number;
  countStride: number;
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
  /** chunks slots of kMax × d sums of rows by label, kept from one Lloyd iteration to the next (slot c at c × sumStride). */
  chunkSums: Float64Array;
  /** chunks slots of kMax rows by label (slot c at c × countStride). */
  chunkCounts: Float64Array;
  /** One number per chunk: labels changed, inertia, or k-means++ potential, as the phase says. */
  chunkTotals: Float64Array;
  /** 3 × n: k-means++ nearest-so-far distances, the best trial, and the current trial (roles rotate). */
  seeding: Float64Array;
}

/** What a worker needs to view the same buffers (the shared memory is shared, not copied). */
export interface KMeansBufferSources {
  n: number;
  d: number;
  kMax: number;
  memory: WasmMemory;
}

export function chunkCount(n: number): number {
  return Math.ceil(n / CHUNK_ROWS);
}

const roundUp = (value: number, to: number) => Math.ceil(value / to) * to;

/** Doubles per chunk slot of sums and of counts: whole cache lines, so two threads never write one line. */
function strides(d: number, kMax: number): { sumStride: number; countStride: number } {
  return { sumStride: roundUp(kMax * d, LINE / 8), countStride: roundUp(kMax, LINE / 8) };
}

/** Byte address and length (in elements) of every array, after the header. */
function layout(n: number, d: number, kMax: number): { bytes: number; at: Record<Exclude<keyof typeof HEADER, "n" | "d" | "sumStride" | "countStride">, [address: number, length: number]> } {
  const chunks = chunkCount(n);
  const { sumStride, countStride } = strides(d, kMax);
  let next = HEADER_BYTES;
  const place = (length: number, bytesEach: number): [number, number] => {
    const address = next;
    next = roundUp(next + length * bytesEach, LINE);
    return [address, length];
  };
  const at = {
    data: place(n * d, 8),
    labels: place(n, 4),
    upper: place(n, 8),
    lower: place(n, 8),
    centroids: place(kMax * d, 8),
    half: place(kMax, 8),
    moved: place(kMax, 8),
    scalars: place(8, 8),
    chunkSums: place(chunks * sumStride, 8),
    chunkCounts: place(chunks * countStride, 8),
    chunkTotals: place(chunks, 8),
    seeding: place(3 * n, 8),
  };
  return { bytes: next, at };
}

/** Buffers for fitting `matrix` with up to kMax centres, in a new shared memory holding a copy of the matrix. */
export function createKMeansBuffers(matrix: Matrix, kMax: number): KMeansBuffers {
  const { n, d } = matrix;
  const { bytes, at } = layout(n, d, kMax);
  const pages = Math.ceil(bytes / WASM_PAGE);
  if (pages > 65_536) {
    const fits = Math.floor((n * 65_536 * WASM_PAGE) / bytes);
    throw new SegError(
      `k-means on ${n.toLocaleString("en-US")} rows × ${d} features needs ${(bytes / 2 ** 30).toFixed(1)} GiB of working memory, over the 4 GiB one WebAssembly memory can hold. ` +
        `Set clustering.sample in segmentation.yaml to at most about ${fits.toLocaleString("en-US")}: the fit runs on that seeded sample and every other member is assigned to its nearest centre.`,
    );
  }
  const memory = new (webAssembly().Memory)({ initial: pages, maximum: pages, shared: true });
  const header = new Int32Array(memory.buffer, 0, HEADER_BYTES / 4);
  const { sumStride, countStride } = strides(d, kMax);
  header[HEADER.n] = n;
  header[HEADER.d] = d;
  header[HEADER.sumStride] = sumStride * 8;
  header[HEADER.countStride] = countStride * 8;
  for (const [name, [address]] of Object.entries(at)) header[HEADER[name as keyof typeof at]] = address;
  const buffers = viewKMeansBuffers({ n, d, kMax, memory });
  buffers.data.set(matrix.data.subarray(0, n * d));
  return buffers;
}

export function viewKMeansBuffers(sources: KMeansBufferSources): KMeansBuffers {
  const { n, d, kMax, memory } = sources;
  const { at } = layout(n, d, kMax);
  const f64 = ([address, length]: [number, number]) => new Float64Array(memory.buffer, address, length);
  return {
    n,
    d,
    kMax,
    chunks: chunkCount(n),
    memory,
    ...strides(d, kMax),
    data: f64(at.data),
    labels: new Int32Array(memory.buffer, at.labels[0], at.labels[1]),
    upper: f64(at.upper),
    lower: f64(at.lower),
    centroids: f64(at.centroids),
    half: f64(at.half),
    moved: f64(at.moved),
    scalars: f64(at.scalars),
    chunkSums: f64(at.chunkSums),
    chunkCounts: f64(at.chunkCounts),
    chunkTotals: f64(at.chunkTotals),
    seeding: f64(at.seeding),
  };
}

/** What a worker needs to view these buffers. */
export function kmeansBufferSources(buffers: KMeansBuffers): KMeansBufferSources {
  return { n: buffers.n, d: buffers.d, kMax: buffers.kMax, memory: buffers.memory };
}
