import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { fitKMeans, meanVariance } from "./kmeans.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { fromRows } from "../../../test/support/matrix-rows.ts";

/** n points around each of the given centres, uniform noise of ±spread. */
function blobs(centres: number[][], n: number, spread: number, seed: number): Matrix {
  const random = mulberry32(seed);
  const d = centres[0]!.length;
  const m = createMatrix(centres.length * n, d);
  centres.forEach((c, b) => {
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m.data[(b * n + i) * d + j] = c[j]! + (random() * 2 - 1) * spread;
  });
  return m;
}

describe("fitKMeans", () => {
  const data = blobs([[0, 0], [10, 0], [0, 10], [10, 10]], 100, 1, 1);

  it("finds well-separated groups", () => {
    const fit = fitKMeans(data, 4, { seed: 1 });
    for (let b = 0; b < 4; b++) expect(new Set(fit.labels.subarray(b * 100, b * 100 + 100)).size).toBe(1);
    expect(new Set(fit.labels).size).toBe(4);
    expect(fit.converged).toBe(true);
  });

  it("is deterministic for a seed", () => {
    const a = fitKMeans(data, 3, { seed: 5 });
    const b = fitKMeans(data, 3, { seed: 5 });
    expect(b.centroids).toEqual(a.centroids);
    expect(b.labels).toEqual(a.labels);
    expect(b.inertia).toBe(a.inertia);
  });

  it("keeps the lowest inertia of its initializations", () => {
    const uneven = blobs([[0, 0], [3, 0], [20, 0], [0, 30], [25, 25]], 40, 2, 2);
    for (const seed of [1, 2, 3]) {
      const many = fitKMeans(uneven, 5, { seed, nInit: 8 });
      const first = fitKMeans(uneven, 5, { seed, nInit: 1 });
      expect(many.inertia).toBeLessThanOrEqual(first.inertia);
    }
  });

  it("refuses k beyond the rows and a bad nInit", () => {
    expect(() => fitKMeans(fromRows([[1], [2]]), 3, { seed: 1 })).toThrow("k-means needs 1 ≤ k ≤ 2 rows");
    expect(() => fitKMeans(data, 2, { seed: 1, nInit: 0 })).toThrow("nInit must be a positive integer");
  });

  it("scales the tolerance by the mean feature variance", () => {
    expect(meanVariance(fromRows([[0, 0], [2, 4]]))).toBe((1 + 4) / 2);
  });
});
