import { describe, expect, it } from "vitest";
import { proportionDifferenceInDifferences } from "./difference-in-differences.ts";

describe("proportionDifferenceInDifferences", () => {
  it("subtracts the comparison's change from the group's and tests it against the four sampling variances", () => {
    // Group: 20% → 10%; comparison: 20% → 18%. Difference: −10 − (−2) = −8 points.
    const r = proportionDifferenceInDifferences({ before: { n: 400, successes: 80 }, after: { n: 400, successes: 40 } }, { before: { n: 1600, successes: 320 }, after: { n: 1600, successes: 288 } })!;
    expect(r.difference).toBeCloseTo(-0.08, 12);
    const se = Math.sqrt((0.1 * 0.9) / 400 + (0.2 * 0.8) / 400 + (0.18 * 0.82) / 1600 + (0.2 * 0.8) / 1600);
    expect(r.statistic).toBeCloseTo(-0.08 / se, 10);
    // Two-sided p of z ≈ −2.81 is about 0.005.
    expect(r.pValue).toBeGreaterThan(0.004);
    expect(r.pValue).toBeLessThan(0.006);
    const h = (p: number) => 2 * Math.asin(Math.sqrt(p));
    expect(r.effectSize).toBeCloseTo(h(0.1) - h(0.2) - (h(0.18) - h(0.2)), 12);
  });

  it("finds no difference when both groups change alike", () => {
    const r = proportionDifferenceInDifferences({ before: { n: 100, successes: 10 }, after: { n: 100, successes: 20 } }, { before: { n: 300, successes: 30 }, after: { n: 300, successes: 60 } })!;
    expect(r.difference).toBeCloseTo(0, 12);
    expect(r.pValue).toBeCloseTo(1, 6);
  });

  it("gives one-sided p-values", () => {
    const group = { before: { n: 200, successes: 20 }, after: { n: 200, successes: 40 } };
    const comparison = { before: { n: 200, successes: 20 }, after: { n: 200, successes: 20 } };
    const greater = proportionDifferenceInDifferences(group, comparison, "greater")!;
    const less = proportionDifferenceInDifferences(group, comparison, "less")!;
    expect(greater.pValue + less.pValue).toBeCloseTo(1, 10);
    expect(greater.pValue).toBeLessThan(0.05);
  });

  it("cannot test an empty window, and a certain difference has p = 0", () => {
    expect(proportionDifferenceInDifferences({ before: { n: 0, successes: 0 }, after: { n: 5, successes: 1 } }, { before: { n: 5, successes: 1 }, after: { n: 5, successes: 1 } })).toBeUndefined();
    const r = proportionDifferenceInDifferences({ before: { n: 10, successes: 0 }, after: { n: 10, successes: 10 } }, { before: { n: 10, successes: 0 }, after: { n: 10, successes: 0 } })!;
    expect(r).toMatchObject({ difference: 1, pValue: 0 });
  });
});
