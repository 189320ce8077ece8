import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { missingPython, PYTHON } from "../../../test/support/shared-data.ts";
import { mulberry32 } from "./seeded-random.ts";
import { studentTCdf } from "./student-t.ts";
import { twoProportionTest, welchTest, type Summary } from "./two-sample.ts";

function summarize(xs: number[]): Summary {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  return { n, mean, variance: xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) };
}

function sample(random: () => number, n: number, shift: number, scale: number): number[] {
  return Array.from({ length: n }, () => shift + scale * (random() + random() + random() - 1.5));
}

describe("welchTest", () => {
  it("gives Cohen's d and the sign of the difference", () => {
    const r = welchTest({ n: 50, mean: 10, variance: 4 }, { n: 50, mean: 9, variance: 4 }, "greater")!;
    expect(r.effectSize).toBeCloseTo(0.5, 12);
    expect(r.difference).toBe(1);
    expect(r.pValue).toBeLessThan(0.01);
  });

  it("returns nothing for groups too small to test", () => {
    expect(welchTest({ n: 1, mean: 1, variance: Number.NaN }, { n: 10, mean: 0, variance: 1 })).toBeUndefined();
  });

  const missing = missingPython();
  if (missing) console.warn(`SciPy comparison skipped: ${missing}`);
  it.runIf(!missing)("agrees with SciPy's ttest_ind(equal_var=False) and t.cdf", () => {
    const random = mulberry32(7);
    const pairs = [
      [sample(random, 12, 0, 1), sample(random, 9, 0.8, 2)],
      [sample(random, 200, 5, 3), sample(random, 150, 5.2, 1)],
      [sample(random, 5, 1, 1), sample(random, 40, 1, 1)],
      [sample(random, 3000, 0, 1), sample(random, 2500, 0.05, 1.1)],
    ];
    const cdf = [[-2.5, 3], [0.3, 7.5], [1.96, 1000], [4, 2], [-0.01, 30]] as const;
    const out = spawnSync(PYTHON, [resolve(import.meta.dirname, "../../../test/reference/ttest_reference.py")], { input: JSON.stringify({ pairs, cdf }), encoding: "utf8" });
    expect(out.stderr).toBe("");
    const reference = JSON.parse(out.stdout) as { welch: [number, number][]; cdf: number[] };
    pairs.forEach(([a, b], i) => {
      const ours = welchTest(summarize(a!), summarize(b!))!;
      expect(ours.statistic).toBeCloseTo(reference.welch[i]![0], 9);
      expect(Math.abs(ours.pValue - reference.welch[i]![1])).toBeLessThan(1e-9);
    });
    cdf.forEach(([t, df], i) => expect(Math.abs(studentTCdf(t, df) - reference.cdf[i]!)).toBeLessThan(1e-10));
  });
});

describe("twoProportionTest", () => {
  it("computes the pooled z statistic and Cohen's h", () => {
    const r = twoProportionTest({ n: 100, successes: 30 }, { n: 100, successes: 15 }, "greater")!;
    const pooled = 45 / 200;
    expect(r.statistic).toBeCloseTo(0.15 / Math.sqrt(pooled * (1 - pooled) * 0.02), 12);
    expect(r.pValue).toBeCloseTo(0.0051, 3);
    expect(r.effectSize).toBeCloseTo(2 * Math.asin(Math.sqrt(0.3)) - 2 * Math.asin(Math.sqrt(0.15)), 12);
  });
});
