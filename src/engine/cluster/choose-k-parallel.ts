/**
 * chooseK on several cores: every k of the range is an independent fit (its
 * own seeded initializations), so worker threads take the ks from a queue,
 * largest first, over one shared copy of the matrix; the silhouettes of all
 * the fits are then computed here in one pass over the pairs (scoreFits). The
 * result is chooseK's to the bit; only the wall time changes. With fewer ks
 * than threads on a large matrix, each fit's passes are split over the threads
 * instead (kmeans-pool.ts), again to the bit. Small matrices, one thread, or a
 * worker that cannot start run chooseK in this thread.
 */
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { checkRange, choose, chooseK, scoreFits, type ChooseKOptions, type ChooseKResult, type KRange } from "./choose-k.ts";
import { fitKMeansInThreads, THREADED_MIN_ROWS } from "./kmeans-pool.ts";
import type { KMeansFit } from "./lloyd.ts";
import type { Matrix } from "./matrix.ts";
import type { TryKWorkerData } from "./try-k-worker.ts";

/** Below this many matrix cells per k, starting workers costs more than it saves. */
const MIN_CELLS = 20_000;
/** The worker sits beside this module: .ts in a checkout, .js in the published package. */
const WORKER = new URL(`./try-k-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export async function chooseKInParallel(matrix: Matrix, range: KRange, options: ChooseKOptions, threads = availableParallelism()): Promise<ChooseKResult> {
  checkRange(matrix, range);
  const ks = Array.from({ length: range.max - range.min + 1 }, (_, i) => range.max - i);
  if (threads >= 2 && ks.length < threads && matrix.n >= THREADED_MIN_ROWS) {
    // Fewer ks than threads (one k, say) on a large matrix: split each fit's passes over the threads instead.
    const fits: KMeansFit[] = [];
    for (const k of ks) fits.push(await fitKMeansInThreads(matrix, k, { seed: options.seed, nInit: options.nInit }, threads));
    return choose(scoreFits(matrix, fits, options));
  }
  if (Math.min(threads, ks.length) < 2 || matrix.n * matrix.d < MIN_CELLS) return chooseK(matrix, range, options);
  let fits: KMeansFit[];
  try {
    fits = await fitKInWorkers(matrix, ks, options, threads);
  } catch {
    // A worker that cannot start or dies leaves the same work to this thread.
    return chooseK(matrix, range, options);
  }
  return choose(scoreFits(matrix, fits, options));
}

/** Fits the given ks on up to `threads` worker threads (largest k first, as given). */
export async function fitKInWorkers(matrix: Matrix, ks: readonly number[], options: ChooseKOptions, threads: number): Promise<KMeansFit[]> {
  const shared = new SharedArrayBuffer(matrix.data.byteLength);
  new Float64Array(shared).set(matrix.data);
  const workerData: TryKWorkerData = { data: shared, n: matrix.n, d: matrix.d, options };
  const pool = Array.from({ length: Math.max(1, Math.min(threads, ks.length)) }, () => new Worker(WORKER, { workerData }));
  try {
    return await runQueue(pool, ks);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

function runQueue(pool: readonly Worker[], ks: readonly number[]): Promise<KMeansFit[]> {
  const queue = [...ks];
  const tried: KMeansFit[] = [];
  return new Promise((resolve, reject) => {
    const feed = (worker: Worker) => {
      const k = queue.shift();
      if (k !== undefined) worker.postMessage(k);
    };
    for (const worker of pool) {
      worker.on("message", (result: KMeansFit) => {
        tried.push(result);
        if (tried.length === ks.length) resolve(tried);
        else feed(worker);
      });
      worker.once("error", reject);
      worker.once("exit", (code) => {
        if (tried.length < ks.length) reject(new Error(`k-means worker exited with code ${code}`));
      });
      feed(worker);
    }
  });
}
