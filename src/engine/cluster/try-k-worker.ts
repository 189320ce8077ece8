/**
 * A worker thread of chooseKInParallel: it reads the matrix from shared memory
 * once, then fits every k it is sent and posts back the fit (the silhouettes of
 * all the fits are computed together, by the caller).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ChooseKOptions } from "./choose-k.ts";
import { fitKMeans } from "./kmeans.ts";
import type { Matrix } from "./matrix.ts";

export interface TryKWorkerData {
  data: SharedArrayBuffer;
  n: number;
  d: number;
  options: ChooseKOptions;
}

const input = workerData as TryKWorkerData;
const matrix: Matrix = { data: new Float64Array(input.data), n: input.n, d: input.d };

parentPort!.on("message", (k: number) => {
  const fit = fitKMeans(matrix, k, { seed: input.options.seed, nInit: input.options.nInit });
  parentPort!.postMessage(fit, [fit.labels.buffer as ArrayBuffer, fit.centroids.buffer as ArrayBuffer]);
});
