import { describe, expect, it } from "vitest";
import { adjustedRandIndex, contingencyOf, contingencyTable } from "./agreement.ts";

const ari = (a: (string | number)[], b: (string | number)[]) => adjustedRandIndex(contingencyOf(a, b));

describe("adjustedRandIndex", () => {
  it("matches scikit-learn's documented examples", () => {
    expect(ari([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(ari([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(ari([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285714, 15);
    expect(ari([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285714, 15);
    expect(ari([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBe(-0.5);
  });

  it("is null without members", () => {
    expect(adjustedRandIndex(contingencyTable([]))).toBeNull();
  });
});

describe("contingency tables", () => {
  it("counts members per pair of labels, labels sorted", () => {
    const table = contingencyOf(["b", "a", "a", "b", "a"], ["c2", "c1", "c1", "c1", "c2"]);
    expect(table).toEqual({ rows: ["a", "b"], columns: ["c1", "c2"], counts: [[2, 1], [1, 1]] });
    expect(table.counts.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("adds up repeated cells", () => {
    expect(contingencyTable([{ row: "a", column: "x", count: 2 }, { row: "a", column: "x", count: 3 }]).counts).toEqual([[5]]);
  });
});
