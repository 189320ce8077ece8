import { silhouette as perPoint } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { createMatrix } from "./matrix.ts";
import { fromRows, toRows } from "../../../test/support/matrix-rows.ts";
import { sampleRows, silhouetteScore } from "./silhouette.ts";

describe("silhouetteScore", () => {
  it("matches the per-point silhouettes of simple-statistics", () => {
    const random = mulberry32(3);
    const m = createMatrix(120, 3);
    for (let i = 0; i < m.data.length; i++) m.data[i] = random() + (Math.floor(i / 3) % 3);
    const labels = Int32Array.from({ length: 120 }, (_, i) => i % 3);
    const expected = perPoint(toRows(m), Array.from(labels));
    const mean = expected.reduce((s, v) => s + v, 0) / expected.length;
    expect(silhouetteScore(m, labels, 3, { seed: 1 })).toBeCloseTo(mean, 12);
  });

  it("computes a hand-checked example", () => {
    // a = 1 for every point, b = 10 and 9 / 11: s = 1 − a/b.
    const m = fromRows([[0], [1], [10], [11]]);
    const s = silhouetteScore(m, Int32Array.from([0, 0, 1, 1]), 2, { seed: 1 })!;
    const expected = ((1 - 1 / 10.5) + (1 - 1 / 9.5) + (1 - 1 / 9.5) + (1 - 1 / 10.5)) / 4;
    expect(s).toBeCloseTo(expected, 14);
  });

  it("scores a point alone in its cluster 0", () => {
    const m = fromRows([[0], [1], [10]]);
    const s = silhouetteScore(m, Int32Array.from([0, 0, 1]), 2, { seed: 1 })!;
    expect(s).toBeCloseTo(((1 - 1 / 10) + (1 - 1 / 9) + 0) / 3, 14);
  });

  it("is null with fewer than two clusters", () => {
    expect(silhouetteScore(fromRows([[0], [1]]), Int32Array.from([0, 0]), 2, { seed: 1 })).toBeNull();
  });

  it("samples deterministically, without repeats", () => {
    const rows = sampleRows(10_000, 300, 9);
    expect(rows.length).toBe(300);
    expect(new Set(rows).size).toBe(300);
    expect(Array.from(rows)).toEqual([...rows].sort((a, b) => a - b));
    expect(sampleRows(10_000, 300, 9)).toEqual(rows);
    expect(sampleRows(10_000, 300, 10)).not.toEqual(rows);
    expect(Array.from(sampleRows(5, 300, 9))).toEqual([0, 1, 2, 3, 4]);
  });
});
