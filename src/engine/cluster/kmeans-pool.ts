/**
 * k-means on several threads: worker threads and the main thread share the
 * buffers of one fit (kmeans-buffers.ts) and split every pass over the rows by
 * chunks, taken from a shared counter so that a thread the machine slows down
 * simply takes fewer. Between passes they meet at a barrier (Atomics.wait /
 * notify in the workers, Atomics.waitAsync on the main thread, so a worker
 * that dies is noticed). The serial work between passes runs on the main
 * thread in the same generator as the one-thread fit, and every sum is added
 * in chunk order, so the result is fitKMeans's to the bit whatever the number
 * of threads.
 *
 * Workers load only Seg's own kmeans-worker module (beside this one) and are
 * terminated when the fit ends, succeeds or fails.
 */
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createKMeansBuffers, kmeansBufferSources, PHASE, type KMeansBuffers, type Phase } from "./kmeans-buffers.ts";
import { runChunk } from "./kmeans-chunk.ts";
import { checkFit, fitKMeans, fitKMeansSteps, type KMeansOptions } from "./kmeans.ts";
import { CONTROL, CONTROL_SLOTS, type KMeansWorkerData } from "./kmeans-pool-control.ts";
import type { KMeansFit, KMeansSteps } from "./lloyd.ts";
import type { Matrix } from "./matrix.ts";

/**
 * Below this many rows a fit stays on one thread. Starting a worker costs about
 * 30–60 ms and every pass a barrier of well under a millisecond; at 100,000 × 8
 * one Lloyd pass takes a few milliseconds, so threads start to pay off there
 * (bench/kmeans.ts measures the large case).
 */
export const THREADED_MIN_ROWS = 100_000;

/** Atomics.waitAsync (ES2024, in Node since 16), typed here because the project's lib is ES2023. */
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> } }).waitAsync;

/** The worker sits beside this module: .ts in a checkout, .js in the published package. */
const WORKER = new URL(`./kmeans-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * fitKMeans on up to `threads` threads (default: all cores); the same fit to
 * the bit. Small matrices and one thread run fitKMeans here. The first passes
 * run on this thread while the workers start (which takes from tens of
 * milliseconds to seconds on a busy machine); a pool that cannot start leaves
 * every pass to this thread.
 */
export async function fitKMeansInThreads(matrix: Matrix, k: number, options: KMeansOptions, threads = availableParallelism()): Promise<KMeansFit> {
  checkFit(matrix, k, options);
  if (threads < 2 || matrix.n < THREADED_MIN_ROWS) return fitKMeans(matrix, k, options);
  const buffers = createKMeansBuffers(matrix, k);
  const starting = KMeansPool.startOn(buffers, threads);
  let pool: KMeansPool | undefined;
  starting.then(
    (started) => (pool = started),
    () => {},
  );
  try {
    const steps = fitKMeansSteps(matrix, buffers, k, options);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (pool) {
        await pool.pass(step.value);
      } else {
        for (let chunk = 0; chunk < buffers.chunks; chunk++) runChunk(buffers, step.value, chunk);
        // Let the workers' "ready" in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    await (await starting.catch(() => undefined))?.close();
  }
}

export class KMeansPool {
  readonly buffers: KMeansBuffers;
  private readonly control: Int32Array;
  private readonly workers: Worker[];
  /** Rejects when a worker fails or exits early. */
  private readonly failure: Promise<never>;
  private closed = false;

  private constructor(buffers: KMeansBuffers, control: Int32Array, workers: Worker[], failure: Promise<never>) {
    this.buffers = buffers;
    this.control = control;
    this.workers = workers;
    this.failure = failure;
  }

  /** Shared buffers for `matrix` with up to kMax centres, and threads − 1 workers started and ready. */
  static start(matrix: Matrix, kMax: number, threads: number): Promise<KMeansPool> {
    return KMeansPool.startOn(createKMeansBuffers(matrix, kMax), threads);
  }

  /** threads − 1 workers on the given shared buffers (createKMeansBuffers), started and ready. */
  static async startOn(buffers: KMeansBuffers, threads: number): Promise<KMeansPool> {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
    const count = Math.max(1, threads - 1);
    const workerData: KMeansWorkerData = { sources: kmeansBufferSources(buffers), control: control.buffer as SharedArrayBuffer, workers: count };
    const workers: Worker[] = [];
    let fail: (error: Error) => void = () => {};
    const failure = new Promise<never>((_, reject) => (fail = reject));
    // Nobody may be awaiting it yet: a failure is still reported by the pass that meets it.
    failure.catch(() => {});
    const ready: Promise<void>[] = [];
    const pool = new KMeansPool(buffers, control, workers, failure);
    try {
      for (let w = 0; w < count; w++) {
        const worker = new Worker(WORKER, { workerData });
        workers.push(worker);
        ready.push(
          new Promise<void>((resolve, reject) => {
            worker.once("message", () => resolve());
            worker.once("error", reject);
          }),
        );
        worker.on("message", (message: unknown) => {
          if (typeof message === "object" && message !== null && "error" in message) fail(new Error(`k-means worker failed: ${(message as { error: string }).error}`));
        });
        worker.once("error", (error) => fail(error instanceof Error ? error : new Error(String(error))));
        worker.once("exit", (code) => {
          if (!pool.closed) fail(new Error(`k-means worker exited with code ${code}`));
        });
      }
      await Promise.race([Promise.all(ready), failure]);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Runs every pass of `steps` split over the threads; the serial work between passes runs here. */
  async run<T>(steps: KMeansSteps<T>): Promise<T> {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await this.pass(step.value);
    }
  }

  /** One pass over every chunk, split over the threads. */
  async pass(phase: Phase): Promise<void> {
    const { control, buffers } = this;
    Atomics.store(control, CONTROL.phase, phase);
    Atomics.store(control, CONTROL.next, 0);
    Atomics.store(control, CONTROL.done, 0);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
    // The main thread takes chunks too.
    for (let chunk = Atomics.add(control, CONTROL.next, 1); chunk < buffers.chunks; chunk = Atomics.add(control, CONTROL.next, 1)) runChunk(buffers, phase, chunk);
    for (let done = Atomics.load(control, CONTROL.done); done < this.workers.length; done = Atomics.load(control, CONTROL.done)) {
      const wait = waitAsync(control, CONTROL.done, done);
      if (wait.async) await Promise.race([wait.value, this.failure]);
    }
    if (Atomics.load(control, CONTROL.failed) !== 0) await this.failure;
  }

  /** Threads a pass is split over: the workers and this one. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /** Chunks the workers (not this thread) have taken over all passes so far. */
  get chunksByWorkers(): number {
    return Atomics.load(this.control, CONTROL.byWorkers);
  }

  /** Workers still running. */
  get running(): number {
    return this.workers.filter((worker) => worker.threadId !== -1).length;
  }

  /** Stops and terminates every worker. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.control, CONTROL.phase, PHASE.stop);
    Atomics.add(this.control, CONTROL.generation, 1);
    Atomics.notify(this.control, CONTROL.generation);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
