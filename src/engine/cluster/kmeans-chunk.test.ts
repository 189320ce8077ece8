import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { createKMeansBuffers, PHASE, SCALAR, type KMeansBuffers, type Phase } from "./kmeans-buffers.ts";
import { runChunk } from "./kmeans-chunk.ts";
import { fitKMeansSteps } from "./kmeans.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { runChunkReference } from "../../../test/support/kmeans-chunk-reference.ts";

/**
 * The WebAssembly kernels against the plain-JavaScript ones of the same
 * arithmetic (test/support/kmeans-chunk-reference.ts): after every pass, every
 * array the kernels write (labels, bounds, sums and counts per chunk, chunk
 * totals, k-means++ distances) is the same to the bit.
 */

const ARRAYS = ["labels", "upper", "lower", "chunkSums", "chunkCounts", "chunkTotals", "seeding", "centroids"] as const;

function bits(array: Float64Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function expectSameBits(wasm: KMeansBuffers, reference: KMeansBuffers, context: string): void {
  for (const name of ARRAYS) {
    if (!bits(wasm[name]).equals(bits(reference[name]))) {
      const a = wasm[name];
      const b = reference[name];
      const at = a.findIndex((value, x) => !Object.is(value, b[x]));
      expect.fail(`${context}: ${name}[${at}] is ${a[at]} in WebAssembly, ${b[at]} in JavaScript`);
    }
  }
}

function runPass(buffers: KMeansBuffers, phase: Phase, kernel: typeof runChunk): void {
  for (let chunk = 0; chunk < buffers.chunks; chunk++) kernel(buffers, phase, chunk);
}

/** A whole fit (seeding, Lloyd, exact pass) driven on both kernels side by side, compared after every pass; returns the passes by phase (and as "resum" the assign passes that summed every row again). */
function fitBoth(matrix: Matrix, k: number, nInit: number, context: string): Map<Phase | "resum", number> {
  const wasm = createKMeansBuffers(matrix, k);
  const reference = createKMeansBuffers(matrix, k);
  const options = { seed: 7, nInit };
  const wasmSteps = fitKMeansSteps(matrix, wasm, k, options);
  const referenceSteps = fitKMeansSteps(matrix, reference, k, options);
  const passes = new Map<Phase | "resum", number>();
  for (let pass = 0; ; pass++) {
    const a = wasmSteps.next();
    const b = referenceSteps.next();
    if (a.done || b.done) {
      if (!a.done || !b.done) return expect.fail(`${context}: one fit ended before the other`);
      expect(bits(a.value.labels).equals(bits(b.value.labels)), context).toBe(true);
      expect(bits(a.value.centroids).equals(bits(b.value.centroids)), context).toBe(true);
      expect(Object.is(a.value.inertia, b.value.inertia), context).toBe(true);
      return passes;
    }
    expect(a.value, context).toBe(b.value);
    runPass(wasm, a.value, runChunk);
    runPass(reference, b.value, runChunkReference);
    passes.set(a.value, (passes.get(a.value) ?? 0) + 1);
    if (a.value === PHASE.assign && wasm.scalars[SCALAR.resum] !== 0) passes.set("resum", (passes.get("resum") ?? 0) + 1);
    expectSameBits(wasm, reference, `${context}, pass ${pass} (phase ${a.value})`);
  }
}

function matrixOf(n: number, d: number, value: (i: number, j: number) => number): Matrix {
  const m = createMatrix(n, d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m.data[i * d + j] = value(i, j);
  return m;
}

function blobs(n: number, d: number, seed: number): Matrix {
  const random = mulberry32(seed);
  return matrixOf(n, d, (i, j) => (i % 5) * (j + 1) * 0.7 + random() * (1 + (i % 3)) - 1e3 * (j % 2));
}

describe("k-means chunk kernels: WebAssembly equals the JavaScript reference to the bit", () => {
  it("on random blobs over several chunks, for several k and d", () => {
    let assigns = 0;
    for (const [n, d, k] of [
      [10_000, 3, 4],
      [9_000, 8, 7],
      [5_000, 13, 2],
      // Wider than UNROLL_MAX: the module that loops over the columns.
      [4_500, 21, 3],
    ] as const) {
      const passes = fitBoth(blobs(n, d, n + d), k, 2, `n = ${n}, d = ${d}, k = ${k}`);
      assigns += passes.get(PHASE.assign) ?? 0;
      expect(passes.get(PHASE.seedTrial)).toBeGreaterThan(0);
      expect(passes.get(PHASE.exact)).toBe(2);
    }
    // Later Lloyd iterations (bounds, rows moving between sums) were compared, not only first ones.
    expect(assigns).toBeGreaterThan(20);
  });

  it("with d = 1, and with k = 1", () => {
    fitBoth(blobs(6_000, 1, 3), 3, 3, "d = 1");
    fitBoth(blobs(4_200, 17, 3), 2, 1, "d = 17");
    fitBoth(blobs(6_000, 4, 4), 1, 2, "k = 1");
    fitBoth(blobs(1, 2, 5), 1, 1, "one row");
  });

  it("with ties and duplicate rows: points on a small integer grid, equidistant from several centres", () => {
    // Values in {0, 1, 2}: many rows are duplicates and many distances tie exactly.
    fitBoth(matrixOf(8_200, 2, (i, j) => (i * (j + 3) + j) % 3), 6, 3, "grid");
    fitBoth(matrixOf(300, 3, (i) => i % 2), 4, 2, "two distinct rows, k = 4");
  });

  it("with empty clusters: every row the same, so k-means++ repeats a centre and Lloyd relocates rows (the resum path)", () => {
    const identical = fitBoth(matrixOf(5_000, 3, () => 1.5), 3, 2, "identical rows");
    // Nine equal rows and one far away: k = 4 has fewer distinct rows than centres.
    const twoDistinct = fitBoth(matrixOf(4_500, 2, (i, j) => (i % 10 === 9 ? 100 + j : 0)), 4, 3, "nine equal, one far");
    expect((identical.get("resum") ?? 0) + (twoDistinct.get("resum") ?? 0)).toBeGreaterThan(0);
  });

  it("on arbitrary state: each kernel, with bounds, moves and flags the driver would not produce", () => {
    const random = mulberry32(11);
    const n = 9_000;
    const d = 5;
    const kMax = 6;
    const matrix = blobs(n, d, 12);
    const wasm = createKMeansBuffers(matrix, kMax);
    const reference = createKMeansBuffers(matrix, kMax);
    for (let round = 0; round < 30; round++) {
      const k = 1 + Math.floor(random() * kMax);
      const fill = (name: "centroids" | "half" | "moved", length: number, scale: number) => {
        for (let x = 0; x < length; x++) wasm[name][x] = reference[name][x] = (random() - 0.3) * scale;
      };
      fill("centroids", k * d, 4);
      fill("half", k, 3);
      fill("moved", k, 0.5);
      const scalars = [k, random(), random() * 0.1, Math.floor(random() * k) - (round % 4 === 0 ? 1 : 0), Math.floor(random() * n), round % 3, (round + 1) % 3, round % 2];
      wasm.scalars.set(scalars);
      reference.scalars.set(scalars);
      const phase = ([PHASE.assignFirst, PHASE.assign, PHASE.assign, PHASE.exact, PHASE.seedFirst, PHASE.seedTrial] as const)[round % 6]!;
      runPass(wasm, phase, runChunk);
      runPass(reference, phase, runChunkReference);
      expectSameBits(wasm, reference, `round ${round}, phase ${phase}, k = ${k}, resum = ${scalars[SCALAR.resum]}`);
    }
  });
});
