/**
 * The WebAssembly API of the running engine, typed for the little Seg uses
 * (the project's TypeScript lib, ES2023 without DOM, declares none of it).
 * Seg's k-means kernels need WebAssembly with shared memory (threads), which
 * every Node Seg supports has; an engine without it gets a clear error, never
 * a silent slower path.
 */

export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
}

export interface WasmModule {
  readonly kind?: never;
}

interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}

/** Bytes in one page of WebAssembly memory. */
export const WASM_PAGE = 65_536;

/** The engine's WebAssembly, or an error saying what is missing. */
export function webAssembly(): WasmApi {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined || typeof api.Memory !== "function") {
    throw new Error("Seg's k-means needs WebAssembly, which this JavaScript engine does not provide (run Seg on Node 22.18 or later without --jitless)");
  }
  return api;
}
