/**
 * Recompute prioritization from factor scores and weights: weighted totals
 * (exact and to one decimal), ranks and lens subtotals. Weights may be written
 * as percentages (summing to 100) or fractions (summing to 1).
 */
import type { Factor } from "../schema/prioritization.ts";
import type { LoadedSegment, Workspace } from "../workspace/workspace.ts";
import { scoresWithDerived } from "./derive-scores.ts";
import type { SegmentMetrics } from "./segment-metrics.ts";

export interface ScoredSegment {
  id: string;
  scheme: string;
  scores: Readonly<Record<string, number>>;
  statedTotal?: number | undefined;
}

export interface PriorityRow {
  id: string;
  scheme: string;
  scores: Record<string, number>;
  /** Σ score × weight / 100, unrounded. */
  total: number;
  /** The total rounded half-up to one decimal. */
  totalRounded: number;
  /** 1 = highest total; ties share a rank. */
  rank: number;
  /** Weighted mean score per lens (demand, competition, capacity). */
  lenses: Record<string, number>;
  /** Factors without a score: the total is not computed. */
  missing: string[];
}

export interface WeightCheck {
  sum: number;
  /** "percent" when the weights sum to 100, "fraction" when they sum to 1. */
  scale: "percent" | "fraction" | "invalid";
}

export function checkWeights(factors: Readonly<Record<string, Factor>>): WeightCheck {
  const sum = round9(Object.values(factors).reduce((s, f) => s + f.weight, 0));
  if (Math.abs(sum - 100) < 1e-6) return { sum, scale: "percent" };
  if (Math.abs(sum - 1) < 1e-9) return { sum, scale: "fraction" };
  return { sum, scale: "invalid" };
}

/** Weights as percentages, whatever scale they were written in. */
export function percentWeights(factors: Readonly<Record<string, Factor>>): Record<string, number> {
  const { sum } = checkWeights(factors);
  const out: Record<string, number> = {};
  for (const [name, factor] of Object.entries(factors)) out[name] = sum === 0 ? 0 : round9((factor.weight * 100) / sum);
  return out;
}

export function prioritize(factors: Readonly<Record<string, Factor>>, segments: readonly ScoredSegment[]): PriorityRow[] {
  const weights = percentWeights(factors);
  const names = Object.keys(factors);
  const rows: PriorityRow[] = segments.map((segment) => {
    const missing = names.filter((n) => segment.scores[n] === undefined);
    const total = missing.length > 0 ? Number.NaN : weightedTotal(segment.scores, weights, names);
    const lenses: Record<string, number> = {};
    for (const lens of ["demand", "competition", "capacity"]) {
      const inLens = names.filter((n) => factors[n]?.lens === lens && segment.scores[n] !== undefined);
      const w = inLens.reduce((s, n) => s + (weights[n] ?? 0), 0);
      if (w > 0) lenses[lens] = round9(inLens.reduce((s, n) => s + (segment.scores[n] ?? 0) * (weights[n] ?? 0), 0) / w);
    }
    return { id: segment.id, scheme: segment.scheme, scores: { ...segment.scores }, total, totalRounded: roundHalfUp(total, 1), rank: 0, lenses, missing };
  });
  rankByTotal(rows);
  return rows;
}

/**
 * The rank prioritize gives each segment, by id, without the rest of its row (lenses, rounding, copies of the
 * scores): weightSensitivity ranks the segments under a thousand weightings.
 */
export function ranksOf(factors: Readonly<Record<string, Factor>>, segments: readonly ScoredSegment[]): Map<string, number> {
  const weights = percentWeights(factors);
  const names = Object.keys(factors);
  const rows = segments.map((segment) => ({ id: segment.id, total: names.some((n) => segment.scores[n] === undefined) ? Number.NaN : weightedTotal(segment.scores, weights, names), rank: 0 }));
  rankByTotal(rows);
  return new Map(rows.map((row) => [row.id, row.rank]));
}

/** 1 = highest total (equal totals in id order); totals within 1e-9 share a rank; a row without a total keeps its rank. */
function rankByTotal(rows: readonly { id: string; total: number; rank: number }[]): void {
  const ranked = rows.filter((r) => !Number.isNaN(r.total)).sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    row.rank = previous && Math.abs(previous.total - row.total) < 1e-9 ? previous.rank : i + 1;
  });
}

function weightedTotal(scores: Readonly<Record<string, number>>, weights: Record<string, number>, names: string[]): number {
  // Sum in hundredths so integer scores and weights stay exact.
  const sum = names.reduce((s, n) => s + (scores[n] ?? 0) * (weights[n] ?? 0), 0);
  return round9(sum / 100);
}

/** Round half away from zero at `digits` decimals, robust to binary noise (7.35 → 7.4). */
export interface WorkspacePriorities {
  /** The segments scored, in the order of `rows`: those of the prioritized schemes that are not retired. */
  segments: LoadedSegment[];
  /** Their scores: as written, with factors that have `derive:` filled in from the data when it was recomputed. */
  scored: ScoredSegment[];
  rows: PriorityRow[];
}

/**
 * Prioritize a workspace's segments: the one place that decides which segments are scored and
 * with which scores. Without `metricsOf` (definitions only) derived factors stay unscored.
 */
export function prioritizeSegments(workspace: Workspace, metricsOf?: (scheme: string, segment: string) => SegmentMetrics | undefined): WorkspacePriorities | undefined {
  const prioritization = workspace.config?.value.prioritization;
  if (!prioritization) return undefined;
  const segments = workspace.segments.filter((s) => prioritization.schemes.includes(s.scheme) && s.value.status !== "retired");
  const scored = segments.map((s) => ({
    id: s.value.id,
    scheme: s.scheme,
    statedTotal: s.value.stated_total,
    scores: metricsOf ? scoresWithDerived(s.value.scores ?? {}, prioritization.factors, metricsOf(s.scheme, s.value.id)) : (s.value.scores ?? {}),
  }));
  return { segments, scored, rows: prioritize(prioritization.factors, scored) };
}

export function roundHalfUp(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(round9(value * factor) + Number.EPSILON * 8) / factor;
}

/** Whether a stated total is a correct rounding of the exact total at the precision it was written. */
export function statedTotalAgrees(stated: number, exact: number): boolean {
  const decimals = decimalsOf(stated);
  return Math.abs(stated - exact) <= 0.5 * 10 ** -decimals + 1e-9;
}

export function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
