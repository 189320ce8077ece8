import { silhouette as perPoint } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { createMatrix } from "./matrix.ts";
import { fromRows, toRows } from "../../../test/support/matrix-rows.ts";
import type { Matrix } from "./matrix.ts";
import { sampleRows, silhouetteScores, type SilhouetteOptions } from "./silhouette.ts";

/** The silhouette of one labeling. */
function silhouetteScore(m: Matrix, labels: Int32Array, k: number, options: SilhouetteOptions): number | null {
  return silhouetteScores(m, [{ labels, k }], options)[0]!;
}

/** The silhouette of one labeling on its own, pair by pair, in the order silhouetteScores adds (each pair once, rows ascending). */
function oneAtATime(m: Matrix, labels: Int32Array, k: number, sample: number): number | null {
  const rows = sampleRows(m.n, sample, 1);
  const s = rows.length;
  const size = new Float64Array(k);
  for (const r of rows) size[labels[r]!]!++;
  if (size.filter((c) => c > 0).length < 2) return null;
  const sums = new Float64Array(s * k);
  for (let r = 0; r < s; r++) {
    for (let t = r + 1; t < s; t++) {
      let sq = 0;
      for (let j = 0; j < m.d; j++) sq += (m.data[rows[r]! * m.d + j]! - m.data[rows[t]! * m.d + j]!) ** 2;
      sums[r * k + labels[rows[t]!]!]! += Math.sqrt(sq);
      sums[t * k + labels[rows[r]!]!]! += Math.sqrt(sq);
    }
  }
  let total = 0;
  for (let r = 0; r < s; r++) {
    const lr = labels[rows[r]!]!;
    if (size[lr]! <= 1) continue;
    const a = sums[r * k + lr]! / (size[lr]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== lr && size[c]! > 0) b = Math.min(b, sums[r * k + c]! / size[c]!);
    if (Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  }
  return total / s;
}

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

  it("scores several labelings of the same rows in one pass, each to the bit as alone", () => {
    const random = mulberry32(11);
    const m = createMatrix(700, 3);
    for (let i = 0; i < m.data.length; i++) m.data[i] = random() * 4;
    const labelings = [2, 3, 5, 8].map((k) => ({ k, labels: Int32Array.from({ length: 700 }, (_, i) => Math.min(k - 1, Math.floor((m.data[i * 3]! / 4) * k))) }));
    // One cluster only: no silhouette, and the others are unaffected.
    labelings.push({ k: 3, labels: new Int32Array(700).fill(1) });
    for (const sample of [3000, 250]) {
      const together = silhouetteScores(m, labelings, { seed: 1, sample });
      expect(together[4]).toBeNull();
      expect(together).toEqual(labelings.map(({ labels, k }) => oneAtATime(m, labels, k, sample)));
      expect(new Set(together.slice(0, 4).filter((s) => s !== null && Number.isFinite(s))).size).toBe(4);
      for (const [i, { labels, k }] of labelings.entries()) expect(Object.is(silhouetteScore(m, labels, k, { seed: 1, sample }), together[i])).toBe(true);
    }
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
