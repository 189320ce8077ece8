/**
 * A worker thread of KMeansPool: it views the shared k-means buffers, then
 * waits at the barrier for each pass, takes chunks from the shared counter
 * until none are left, and says it is done. It imports only the chunk
 * kernels and the buffer layout, both Seg's own modules.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PHASE, viewKMeansBuffers, type KMeansBufferSources, type Phase } from "./kmeans-buffers.ts";
import { runChunk } from "./kmeans-chunk.ts";
import { CONTROL, type KMeansWorkerData } from "./kmeans-pool-control.ts";

const input = workerData as KMeansWorkerData;
const buffers = viewKMeansBuffers(input.sources as KMeansBufferSources);
const control = new Int32Array(input.control);

parentPort!.postMessage("ready");
let seen = 0;
for (;;) {
  Atomics.wait(control, CONTROL.generation, seen);
  const generation = Atomics.load(control, CONTROL.generation);
  if (generation === seen) continue;
  seen = generation;
  const phase = Atomics.load(control, CONTROL.phase) as Phase;
  if (phase === PHASE.stop) break;
  try {
    let taken = 0;
    for (let chunk = Atomics.add(control, CONTROL.next, 1); chunk < buffers.chunks; chunk = Atomics.add(control, CONTROL.next, 1)) {
      runChunk(buffers, phase, chunk);
      taken++;
    }
    Atomics.add(control, CONTROL.byWorkers, taken);
  } catch (error) {
    Atomics.store(control, CONTROL.failed, 1);
    parentPort!.postMessage({ error: String((error as Error)?.stack ?? error) });
  }
  if (Atomics.add(control, CONTROL.done, 1) + 1 === input.workers) Atomics.notify(control, CONTROL.done);
}
