import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { kmeansPlusPlus } from "./kmeans-plus-plus.ts";
import { fromRows, toRows } from "../../../test/support/matrix-rows.ts";

/** Three tight groups far apart. */
const groups = fromRows([
  [0, 0], [0, 1], [1, 0], [1, 1],
  [100, 100], [100, 101], [101, 100],
  [-100, 50], [-101, 50], [-100, 51],
]);

describe("kmeansPlusPlus", () => {
  it("picks rows of the data, one in each far-apart group", () => {
    const centres = toRows({ data: kmeansPlusPlus(groups, 3, mulberry32(1)), n: 3, d: 2 });
    const rows = toRows(groups).map((r) => r.join());
    for (const c of centres) expect(rows).toContain(c.join());
    const group = (c: number[]) => (c[0]! > 50 ? "b" : c[0]! < -50 ? "c" : "a");
    expect(new Set(centres.map(group)).size).toBe(3);
  });

  it("is deterministic for a seed and varies with it", () => {
    const a = kmeansPlusPlus(groups, 3, mulberry32(7));
    expect(kmeansPlusPlus(groups, 3, mulberry32(7))).toEqual(a);
    const seeds = [1, 2, 3, 4, 5, 6].map((s) => Array.from(kmeansPlusPlus(groups, 1, mulberry32(s))).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it("copes with identical rows (zero potential)", () => {
    const same = fromRows([[1, 1], [1, 1], [1, 1]]);
    expect(Array.from(kmeansPlusPlus(same, 2, mulberry32(1)))).toEqual([1, 1, 1, 1]);
  });

  it("refuses k outside 1…n", () => {
    expect(() => kmeansPlusPlus(groups, 11, mulberry32(1))).toThrow("k-means++ needs 1 ≤ k ≤ n");
  });
});
