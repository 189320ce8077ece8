import { kmeans as mlKmeans } from "ml-kmeans";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { lloyd } from "./lloyd.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { fromRows, toRows } from "../../../test/support/matrix-rows.ts";

function randomMatrix(n: number, d: number, seed: number): Matrix {
  const m = createMatrix(n, d);
  const random = mulberry32(seed);
  // Uneven blobs so clusters are not all alike.
  for (let i = 0; i < n; i++) {
    const blob = i % 4;
    for (let j = 0; j < d; j++) m.data[i * d + j] = blob * (j + 1) + random() * (1 + blob);
  }
  return m;
}

/** Plain Lloyd, the textbook way, for comparison. */
function naiveLloyd(m: Matrix, initial: Float64Array, k: number): { centroids: number[][]; labels: number[] } {
  const rows = toRows(m);
  let centroids = toRows({ data: initial, n: k, d: m.d });
  let labels: number[] = [];
  for (let iteration = 0; iteration < 300; iteration++) {
    const next = rows.map((r) => {
      let best = 0;
      centroids.forEach((c, j) => {
        const dj = c.reduce((s, v, t) => s + (r[t]! - v) ** 2, 0);
        const db = centroids[best]!.reduce((s, v, t) => s + (r[t]! - v) ** 2, 0);
        if (dj < db) best = j;
      });
      return best;
    });
    const same = next.every((l, i) => l === labels[i]);
    labels = next;
    centroids = centroids.map((c, j) => {
      const members = rows.filter((_, i) => labels[i] === j);
      return c.map((_, t) => members.reduce((s, r) => s + r[t]!, 0) / members.length);
    });
    if (same) break;
  }
  return { centroids, labels };
}

describe("lloyd", () => {
  it("reaches the same centroids and labels as plain Lloyd from the same start", () => {
    const m = randomMatrix(2000, 3, 1);
    const initial = Float64Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 5, 5, 5, 3, 1, 4]);
    const ours = lloyd(m, initial, 5, 300, 0);
    const plain = naiveLloyd(m, initial, 5);
    expect(Array.from(ours.labels)).toEqual(plain.labels);
    toRows({ data: ours.centroids, n: 5, d: 3 }).forEach((c, j) => c.forEach((v, t) => expect(v).toBeCloseTo(plain.centroids[j]![t]!, 12)));
    expect(ours.converged).toBe(true);
  });

  it("agrees with ml-kmeans from the same start", () => {
    const m = randomMatrix(1500, 4, 2);
    const initial = toRows(m).filter((_, i) => i % 300 === 7);
    const ours = lloyd(m, Float64Array.from(initial.flat()), initial.length, 300, 0);
    const theirs = mlKmeans(toRows(m), initial.length, { initialization: initial, maxIterations: 300, tolerance: 0 });
    expect(Array.from(ours.labels)).toEqual(theirs.clusters);
    theirs.centroids.forEach((c, j) => c.forEach((v, t) => expect(ours.centroids[j * 4 + t]).toBeCloseTo(v, 9)));
  });

  it("reports inertia as the sum of squared distances to the final centroids", () => {
    const m = fromRows([[0], [2], [10], [12]]);
    const fit = lloyd(m, Float64Array.from([0, 12]), 2, 300, 0);
    expect(Array.from(fit.centroids)).toEqual([1, 11]);
    expect(Array.from(fit.labels)).toEqual([0, 0, 1, 1]);
    expect(fit.inertia).toBe(4);
  });

  it("gives an empty cluster the point farthest from its centre", () => {
    // The third start is nowhere near the data: it would stay empty.
    const m = fromRows([[0], [1], [10], [11], [30]]);
    const fit = lloyd(m, Float64Array.from([0, 10, 1000]), 3, 300, 0);
    expect(new Set(fit.labels).size).toBe(3);
    expect(fit.labels[4]).toBe(2);
    expect(fit.centroids[2]).toBe(30);
  });

  it("stops at the iteration limit and says it did not converge", () => {
    const m = randomMatrix(500, 2, 3);
    const fit = lloyd(m, Float64Array.from([0, 0, 0.1, 0.1, 0.2, 0.2]), 3, 1, 0);
    expect(fit.iterations).toBe(1);
    expect(fit.converged).toBe(false);
  });
});
