import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { bestK, chooseK } from "./choose-k.ts";
import { createMatrix } from "./matrix.ts";
import { fromRows } from "../../../test/support/matrix-rows.ts";

describe("chooseK", () => {
  const random = mulberry32(4);
  const centres = [[0, 0], [20, 0], [10, 15]];
  const data = createMatrix(300, 2);
  for (let i = 0; i < 300; i++) for (let j = 0; j < 2; j++) data.data[i * 2 + j] = centres[i % 3]![j]! + random() * 2;

  it("chooses the k with the best silhouette and reports every k", () => {
    const result = chooseK(data, { min: 2, max: 6 }, { seed: 1 });
    expect(result.k).toBe(3);
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    expect(result.fit.k).toBe(3);
    const best = Math.max(...result.candidates.map((c) => c.silhouette!));
    expect(result.candidates.find((c) => c.k === 3)!.silhouette).toBe(best);
    // Inertia falls as k grows: the elbow chart.
    const inertias = result.candidates.map((c) => c.inertia);
    expect([...inertias].sort((a, b) => b - a)).toEqual(inertias);
  });

  it("keeps the smaller k when silhouettes tie", () => {
    const candidate = (k: number, silhouette: number | null) => ({ k, inertia: 1, silhouette, iterations: 1, converged: true });
    expect(bestK([candidate(2, 0.5), candidate(3, 0.7), candidate(4, 0.7)])).toBe(3);
    expect(bestK([candidate(2, 0.7), candidate(3, 0.7)])).toBe(2);
    expect(bestK([candidate(2, null), candidate(3, 0.1)])).toBe(3);
    expect(bestK([candidate(2, null), candidate(3, null)])).toBe(2);
  });

  it("refuses a range the rows cannot support", () => {
    expect(() => chooseK(fromRows([[0], [1], [2]]), { min: 2, max: 3 }, { seed: 1 })).toThrow("needs more than 3 rows");
    expect(() => chooseK(data, { min: 1, max: 3 }, { seed: 1 })).toThrow("is not 2 ≤ min ≤ max");
  });
});
