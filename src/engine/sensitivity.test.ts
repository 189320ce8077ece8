import { describe, expect, it } from "vitest";
import type { Factor } from "../schema/prioritization.ts";
import { prioritize, ranksOf, type ScoredSegment } from "./prioritize.ts";
import { weightSensitivity } from "./sensitivity.ts";
import { mulberry32 } from "./stats/seeded-random.ts";

const factors: Record<string, Factor> = {
  size: { label: "Size", weight: 40, lens: "demand" },
  fit: { label: "Fit", weight: 35, lens: "capacity" },
  ease: { label: "Ease", weight: 25, lens: "competition" },
};

/** Scores 1-10 drawn with a seed, with ties (few distinct values) and one segment missing a score. */
function segments(count: number): ScoredSegment[] {
  const random = mulberry32(7);
  const score = () => 1 + Math.floor(random() * 4) * 3;
  const out: ScoredSegment[] = Array.from({ length: count }, (_, i) => ({ id: `s${String(i).padStart(3, "0")}`, scheme: "market", scores: { size: score(), fit: score(), ease: score() } }));
  out.push({ id: "unscored", scheme: "market", scores: { size: 5, fit: 5 } });
  return out;
}

describe("ranksOf", () => {
  it("gives every segment the rank prioritize gives it, ties and unscored segments included", () => {
    const scored = segments(60);
    const rows = prioritize(factors, scored);
    expect(new Set(rows.map((r) => r.rank)).size).toBeLessThan(rows.length - 1); // ties are there
    expect(ranksOf(factors, scored)).toEqual(new Map(rows.map((r) => [r.id, r.rank])));
    expect(ranksOf(factors, scored).get("unscored")).toBe(0);
    for (const weights of [
      { size: 10, fit: 10, ease: 80 },
      { size: 0.2, fit: 0.5, ease: 0.3 },
      { size: 33.3333, fit: 33.3333, ease: 33.3334 },
    ]) {
      const shifted = Object.fromEntries(Object.entries(factors).map(([name, f]) => [name, { ...f, weight: weights[name as keyof typeof weights] }]));
      expect(ranksOf(shifted, scored)).toEqual(new Map(prioritize(shifted, scored).map((r) => [r.id, r.rank])));
    }
  });
});

describe("weightSensitivity", () => {
  it("finds the flips and rank stabilities the prioritize-based ranking found (figures from before ranksOf), seeded", () => {
    const random = mulberry32(7);
    const score = () => 1 + Math.floor(random() * 4) * 3;
    const scored = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, scheme: "market", scores: { size: score(), fit: score(), ease: score() } }));
    const result = weightSensitivity(factors, scored, { draws: 200 });
    expect(result.shifts.map((s) => [s.factor, s.delta, s.flips.map((f) => `${f.id} ${f.from}>${f.to}`).join(", ")])).toEqual([
      ["size", 5, "s5 4>5, s7 5>4"],
      ["size", -5, "s3 6>5, s7 5>6"],
      ["fit", 5, "s3 6>5, s7 5>6"],
      ["fit", -5, "s5 4>5, s7 5>4"],
      ["ease", 5, ""],
      ["ease", -5, "s3 6>5, s5 4>6, s7 5>4"],
    ]);
    expect(result.rankStability).toEqual({ s0: 0.445, s1: 0.325, s2: 0.475, s3: 0.05, s4: 0.365, s5: 0.27, s6: 0.12, s7: 0.055 });
    expect(result.topStability).toBe(0.365);
    expect(result.draws).toBe(200);
  });
});
