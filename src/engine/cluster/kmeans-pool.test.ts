/**
 * k-means split over worker threads gives the one-thread fit to the bit: same
 * labels, same centroids (every bit of every double), same inertia, for any
 * number of threads. The Online Retail RFM case is in
 * test/integration/kmeans-threads.test.ts.
 */
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { chooseKInParallel } from "./choose-k-parallel.ts";
import { chooseK } from "./choose-k.ts";
import { CHUNK_ROWS } from "./kmeans-buffers.ts";
import { KMeansPool, fitKMeansInThreads, THREADED_MIN_ROWS } from "./kmeans-pool.ts";
import { fitKMeans, fitKMeansSteps } from "./kmeans.ts";
import type { KMeansFit, KMeansSteps } from "./lloyd.ts";
import { createMatrix, type Matrix } from "./matrix.ts";

/** n × d: eight overlapping blobs of uneven size and spread, so that many rows sit near boundaries. */
function blobs(n: number, d: number, seed: number): Matrix {
  const random = mulberry32(seed);
  const m = createMatrix(n, d);
  const centres = Array.from({ length: 8 }, () => Array.from({ length: d }, () => random() * 6));
  for (let i = 0; i < n; i++) {
    const b = Math.floor(random() ** 2 * 8);
    for (let j = 0; j < d; j++) m.data[i * d + j] = centres[b]![j]! + (random() + random() + random() - 1.5) * (1 + b / 4);
  }
  return m;
}

/** Bit-for-bit equality of two fits. */
function expectSameFit(threaded: KMeansFit, single: KMeansFit): void {
  expect(threaded.k).toBe(single.k);
  expect(Buffer.from(threaded.centroids.buffer).equals(Buffer.from(single.centroids.buffer))).toBe(true);
  expect(Buffer.from(threaded.labels.buffer).equals(Buffer.from(single.labels.buffer))).toBe(true);
  expect(Object.is(threaded.inertia, single.inertia)).toBe(true);
  expect(threaded.iterations).toBe(single.iterations);
  expect(threaded.converged).toBe(single.converged);
}

describe("k-means on worker threads", () => {
  const matrix = blobs(200_000, 8, 11);
  const options = { seed: 3, nInit: 2 };
  const single = fitKMeans(matrix, 5, options);

  it("fits 200,000 × 8 exactly as on one thread, with 2 and 3 threads", async () => {
    expect(matrix.n).toBeGreaterThanOrEqual(THREADED_MIN_ROWS);
    expect(single.iterations).toBeGreaterThan(5);
    expect(new Set(single.labels).size).toBe(5);
    for (const threads of [2, 3]) {
      const pool = await KMeansPool.start(matrix, 5, threads);
      try {
        expect(pool.threads).toBe(threads);
        const threaded = await pool.run(fitKMeansSteps(matrix, pool.buffers, 5, options));
        expectSameFit(threaded, single);
        // Every thread took part: the main thread cannot have taken every chunk of every pass.
        expect(pool.chunksByWorkers).toBeGreaterThan(0);
      } finally {
        await pool.close();
      }
    }
  }, 120_000);

  it("fitKMeansInThreads gives the same fit, and chooseKInParallel the same k search, as one thread", async () => {
    expectSameFit(await fitKMeansInThreads(matrix, 5, options, 2), single);
    const threaded = await chooseKInParallel(matrix, { min: 5, max: 5 }, { ...options, silhouetteSample: 500 }, 2);
    const one = chooseK(matrix, { min: 5, max: 5 }, { ...options, silhouetteSample: 500 });
    expect(threaded.candidates).toEqual(one.candidates);
    expectSameFit(threaded.fit, one.fit);
  }, 120_000);

  it("a failing pass rejects, and closing terminates every worker", async () => {
    const small = blobs(4 * CHUNK_ROWS, 2, 5);
    const pool = await KMeansPool.start(small, 2, 3);
    const broken = (function* (): KMeansSteps<number> {
      yield 99 as never;
      return 0;
    })();
    await expect(pool.run(broken)).rejects.toThrow("unknown k-means phase 99");
    expect(pool.running).toBe(2);
    await pool.close();
    expect(pool.running).toBe(0);
  }, 60_000);

  it("refuses a bad k before starting any thread", async () => {
    await expect(fitKMeansInThreads(matrix, 0, options, 2)).rejects.toThrow("k-means needs 1 ≤ k");
  });
});
