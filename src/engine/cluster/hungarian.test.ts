import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { minimumCostAssignment } from "./hungarian.ts";

/** Every injective pairing of rows into columns (rows ≤ columns), by brute force. */
function bruteForce(cost: number[][]): number {
  const columns = cost[0]!.length;
  let best = Infinity;
  const walk = (row: number, used: Set<number>, total: number) => {
    if (row === cost.length) {
      best = Math.min(best, total);
      return;
    }
    for (let c = 0; c < columns; c++) {
      if (used.has(c)) continue;
      used.add(c);
      walk(row + 1, used, total + cost[row]![c]!);
      used.delete(c);
    }
  };
  walk(0, new Set(), 0);
  return best;
}

const total = (cost: number[][], pairing: number[]) => pairing.reduce((s, c, r) => s + (c >= 0 ? cost[r]![c]! : 0), 0);

describe("minimumCostAssignment", () => {
  it("beats the greedy choice", () => {
    // Greedy takes (0,0)=1 first and must then pay (1,1)=100; optimal is 2 + 3.
    const cost = [
      [1, 2],
      [3, 100],
    ];
    expect(minimumCostAssignment(cost)).toEqual([1, 0]);
  });

  it("finds the optimum of random square and rectangular matrices", () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 60; trial++) {
      const rows = 1 + Math.floor(random() * 6);
      const columns = 1 + Math.floor(random() * 6);
      const cost = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.round(random() * 100) / 10));
      const pairing = minimumCostAssignment(cost);
      const paired = pairing.filter((c) => c >= 0);
      expect(paired.length).toBe(Math.min(rows, columns));
      expect(new Set(paired).size).toBe(paired.length);
      const optimum = rows <= columns ? bruteForce(cost) : bruteForce(cost[0]!.map((_, j) => cost.map((r) => r[j]!)));
      expect(total(cost, pairing)).toBeCloseTo(optimum, 9);
    }
  });

  it("handles empty matrices and refuses non-finite costs", () => {
    expect(minimumCostAssignment([])).toEqual([]);
    expect(minimumCostAssignment([[], []])).toEqual([-1, -1]);
    expect(() => minimumCostAssignment([[Number.NaN]])).toThrow("costs must be finite");
  });
});
