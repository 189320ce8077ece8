import { describe, expect, it } from "vitest";
import { fromRows } from "../../../test/support/matrix-rows.ts";
import { findOutliers, quantileSorted, tukeyFences } from "./outliers.ts";

describe("quantileSorted", () => {
  it("interpolates linearly, as numpy.quantile", () => {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.75]) == [1.75, 3.25]
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([7], 0.25)).toBe(7);
  });
});

describe("outliers", () => {
  const rows = [
    ...Array.from({ length: 20 }, (_, i) => [i, i % 5, 3 + (i % 2)]),
    [100, 2, 3], // one feature only
    [100, 50, 3], // two features
    [-80, -40, 4], // two features, low side
  ];
  const data = fromRows(rows);
  const ids = rows.map((_, i) => `m${i}`);
  const fences = tukeyFences(data, ["a", "b", "c"]);

  it("puts fences 1.5 IQR beyond the quartiles", () => {
    expect(fences[1]).toMatchObject({ feature: "b", q1: 1, q3: 3, lower: -2, upper: 6 });
  });

  it("lists rows outside the fences of two or more features, with those features", () => {
    const { outliers, mask } = findOutliers(data, ids, fences);
    expect(outliers).toEqual([
      { memberId: "m21", features: ["a", "b"] },
      { memberId: "m22", features: ["a", "b"] },
    ]);
    expect(Array.from(mask).reduce((s, v) => s + v, 0)).toBe(2);
    expect(mask[21]).toBe(1);
  });

  it("does not fence a feature whose IQR is 0", () => {
    const zeros = fromRows([[0, 0], [0, 0], [0, 0], [0, 0], [9, 0], [0, 7]]);
    const f = tukeyFences(zeros, ["x", "y"]);
    expect(f.map((x) => x.lower)).toEqual([null, null]);
    expect(findOutliers(zeros, [1, 2, 3, 4, 5, 6], f).outliers).toEqual([]);
  });
});
