/**
 * One phase of a k-means fit over one chunk of rows: the work every thread
 * does, on the main thread or a worker alike. A chunk's results go only to its
 * own rows and its own slot of partial sums, so chunks can run in any order on
 * any thread; the driver (lloyd.ts, kmeans-plus-plus.ts) adds the slots up in
 * chunk order.
 *
 * The kernels are WebAssembly (kmeans-kernels.ts): compiled once per thread
 * (and per d, up to the widths whose loops are unrolled), and instantiated
 * once per thread and shared memory, all instances working
 * in the one memory of the fit's buffers.
 */
import { webAssembly, type WasmMemory, type WasmModule } from "../wasm/wasm-runtime.ts";
import { PHASE, type KMeansBuffers, type Phase } from "./kmeans-buffers.ts";
import { KERNELS, kmeansKernelsModule, UNROLL_MAX, type KernelName } from "./kmeans-kernels.ts";

type Kernels = Record<KernelName, (chunk: number) => void>;

/** Compiled modules by d (columns unrolled), and under −1 the one for any d. */
const compiled = new Map<number, WasmModule>();
const instances = new WeakMap<WasmMemory, Kernels>();

/** This thread's kernels over the buffers' memory. */
function kernelsFor(memory: WasmMemory, d: number): Kernels {
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    const api = webAssembly();
    const key = d <= UNROLL_MAX ? d : -1;
    let module = compiled.get(key);
    if (module === undefined) {
      module = new api.Module(kmeansKernelsModule(key === -1 ? undefined : d));
      compiled.set(key, module);
    }
    const { exports } = new api.Instance(module, { env: { memory } });
    kernels = Object.fromEntries(KERNELS.map((name) => [name, exports[name] as (chunk: number) => void])) as Kernels;
    instances.set(memory, kernels);
  }
  return kernels;
}

const KERNEL_OF_PHASE: Partial<Record<Phase, KernelName>> = {
  [PHASE.assignFirst]: "assignFirst",
  [PHASE.assign]: "assign",
  [PHASE.exact]: "exact",
  [PHASE.seedFirst]: "seedFirst",
  [PHASE.seedTrial]: "seedTrial",
};

export function runChunk(b: KMeansBuffers, phase: Phase, chunk: number): void {
  const name = KERNEL_OF_PHASE[phase];
  if (name === undefined) throw new RangeError(`unknown k-means phase ${phase}`);
  kernelsFor(b.memory, b.d)[name](chunk);
}
