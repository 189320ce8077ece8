/**
 * The control block KMeansPool shares with its workers: one Int32Array over a
 * SharedArrayBuffer, read and written only with Atomics. The main thread bumps
 * `generation` to start a pass (after setting `phase` and zeroing `next` and
 * `done`); every thread takes chunks with Atomics.add on `next`; each worker
 * adds one to `done` when it finds none left, and the last one wakes the main
 * thread.
 */
import type { KMeansBufferSources } from "./kmeans-buffers.ts";

export const CONTROL = {
  generation: 0,
  phase: 1,
  next: 2,
  done: 3,
  failed: 4,
  /** Chunks taken by workers over all passes (for tests and benchmarks: did the threads take part). */
  byWorkers: 5,
} as const;

export const CONTROL_SLOTS = 6;

export interface KMeansWorkerData {
  sources: KMeansBufferSources;
  control: SharedArrayBuffer;
  /** Worker threads in the pool (the main thread works too, and is not counted). */
  workers: number;
}
