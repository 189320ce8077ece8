/**
 * A worker thread of chooseKInParallel: it reads the matrix from shared memory
 * once, then fits every k it is sent and posts back the fit and silhouette.
 */
import { parentPort, workerData } from "node:worker_threads";
import { tryK, type ChooseKOptions } from "./choose-k.ts";
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
  const { fit, candidate } = tryK(matrix, k, input.options);
  parentPort!.postMessage({ fit, candidate }, [fit.labels.buffer as ArrayBuffer, fit.centroids.buffer as ArrayBuffer]);
});
