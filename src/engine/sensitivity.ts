/**
 * How much the ranking depends on the exact weights: which ranks flip when one
 * weight moves ±5 points (the others rescaled to keep the sum), and how often
 * each segment keeps its rank under random weights (uniform on the simplex,
 * seeded so the answer is reproducible).
 */
import type { Factor } from "../schema/prioritization.ts";
import { percentWeights, ranksOf, type ScoredSegment } from "./prioritize.ts";
import { mulberry32 } from "./stats/seeded-random.ts";

export interface WeightShift {
  factor: string;
  delta: number;
  /** Segments whose rank changes, with old → new rank. */
  flips: { id: string; from: number; to: number }[];
}

export interface Sensitivity {
  shifts: WeightShift[];
  /** Per segment: share of random weightings that leave its rank unchanged. */
  rankStability: Record<string, number>;
  /** Share of random weightings with the same top segment. */
  topStability: number;
  draws: number;
}

export function weightSensitivity(factors: Readonly<Record<string, Factor>>, segments: readonly ScoredSegment[], options: { delta?: number; draws?: number; seed?: number } = {}): Sensitivity {
  const delta = options.delta ?? 5;
  const draws = options.draws ?? 1000;
  const complete = segments.filter((s) => Object.keys(factors).every((f) => s.scores[f] !== undefined));
  const base = ranksOf(factors, complete);
  const weights = percentWeights(factors);
  const shifts: WeightShift[] = [];
  for (const name of Object.keys(factors)) {
    for (const d of [delta, -delta]) {
      const w = weights[name]!;
      if (w + d < 0 || w + d > 100) continue;
      const shifted = withWeights(factors, rescale(weights, name, w + d));
      const ranks = ranksOf(shifted, complete);
      const flips = complete.filter((s) => ranks.get(s.id) !== base.get(s.id)).map((s) => ({ id: s.id, from: base.get(s.id)!, to: ranks.get(s.id)! }));
      shifts.push({ factor: name, delta: d, flips });
    }
  }
  const random = mulberry32(options.seed ?? 42);
  const same: Record<string, number> = Object.fromEntries(complete.map((s) => [s.id, 0]));
  let top = 0;
  const baseTop = complete.find((s) => base.get(s.id) === 1)?.id;
  const names = Object.keys(factors);
  for (let i = 0; i < draws; i++) {
    // Uniform on the simplex: normalized exponentials.
    const e = names.map(() => -Math.log(1 - random()));
    const sum = e.reduce((a, b) => a + b, 0);
    const drawn = withWeights(factors, Object.fromEntries(names.map((n, j) => [n, (e[j]! / sum) * 100])));
    const ranks = ranksOf(drawn, complete);
    for (const s of complete) if (ranks.get(s.id) === base.get(s.id)) same[s.id]!++;
    if (baseTop !== undefined && ranks.get(baseTop) === 1) top++;
  }
  return {
    shifts,
    rankStability: Object.fromEntries(Object.entries(same).map(([id, n]) => [id, draws > 0 ? n / draws : 1])),
    topStability: draws > 0 ? top / draws : 1,
    draws,
  };
}

function rescale(weights: Record<string, number>, factor: string, value: number): Record<string, number> {
  const rest = 100 - weights[factor]!;
  const out: Record<string, number> = {};
  for (const [name, w] of Object.entries(weights)) out[name] = name === factor ? value : rest === 0 ? (100 - value) / (Object.keys(weights).length - 1) : (w * (100 - value)) / rest;
  return out;
}

function withWeights(factors: Readonly<Record<string, Factor>>, weights: Record<string, number>): Record<string, Factor> {
  return Object.fromEntries(Object.entries(factors).map(([name, f]) => [name, { ...f, weight: weights[name]! }]));
}

export type Quadrant = "protect-and-grow" | "develop" | "maintain" | "deprioritize";

/**
 * Value × potential: current value share (from data) against the priority
 * total (potential), each split at the median across the scored segments.
 */
export function valuePotentialQuadrants(points: readonly { id: string; value: number; potential: number }[]): Record<string, Quadrant> {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const mv = median(points.map((p) => p.value));
  const mp = median(points.map((p) => p.potential));
  return Object.fromEntries(
    points.map((p) => {
      const highValue = p.value > mv;
      const highPotential = p.potential > mp;
      return [p.id, highValue && highPotential ? "protect-and-grow" : highPotential ? "develop" : highValue ? "maintain" : "deprioritize"];
    }),
  );
}
