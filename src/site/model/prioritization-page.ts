/**
 * Page data for prioritization: the weights, the recomputed matrix and lenses,
 * weight sensitivity, the value × potential quadrants and the plan of attack
 * checked against the ranks.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import { percentWeights } from "../../engine/prioritize.ts";
import type { Quadrant } from "../../engine/sensitivity.ts";
import { LENS_LABELS, PHASE_LABELS, PHASES, QUADRANT_LABELS } from "./labels.ts";
import type { SiteSegment } from "./segment-pages.ts";

export interface PrioritizationPage {
  schemes: { id: string; label: string }[];
  factors: { name: string; label: string; weight: number; lens: string; description: string | null; derived: string | null }[];
  lenses: { id: string; label: string; description: string; factors: string[]; weight: number }[];
  /** Scored segments by rank. */
  rows: { id: string; name: string; url: string; scores: Record<string, number>; total: number; totalRounded: number; rank: number; statedTotal: number | null; lenses: Record<string, number>; phase: string | null; quadrant: string | null }[];
  sensitivity:
    | {
        shifts: { factor: string; delta: number; flips: { id: string; name: string; from: number; to: number }[] }[];
        stability: { id: string; name: string; rank: number; share: number }[];
        topStability: number;
        draws: number;
      }
    | undefined;
  quadrants: { id: Quadrant; label: string; description: string; segments: { id: string; name: string; url: string }[] }[];
  /** Value share and potential per segment, with the medians, for the quadrant chart. */
  quadrantPoints: { points: { name: string; value: number; potential: number; quadrant: string }[]; medianValue: number; medianPotential: number } | undefined;
  plan: { phase: string; label: string; description: string; segments: { id: string; name: string; url: string; rank: number | null }[] }[];
  /** Pairs where a segment is planned before one that ranks higher. */
  planConflicts: { earlier: { name: string; url: string; rank: number; phase: string }; later: { name: string; url: string; rank: number; phase: string } }[];
  /** Other problems with the plan, in sentences. */
  planNotes: string[];
  unphased: { id: string; name: string; url: string }[];
  charts: { breakdown: string | null; quadrant: string | null; stability: string | null };
}

export function buildPrioritization(result: CheckResult, segments: readonly SiteSegment[]): PrioritizationPage | undefined {
  const prioritization = result.workspace.config?.value.prioritization;
  if (!prioritization) return undefined;
  const config = result.workspace.config!.value;
  const byId = new Map(segments.map((s) => [s.id, s]));
  const ref = (id: string) => ({ id, name: byId.get(id)?.segment.name ?? id, url: `/segments/${id}/` });
  const weights = percentWeights(prioritization.factors);
  const factors = Object.entries(prioritization.factors).map(([name, f]) => ({
    name,
    label: f.label,
    weight: weights[name] ?? f.weight,
    lens: f.lens,
    description: f.description ?? null,
    derived: f.derive ? `from ${f.derive.metric}: ${f.derive.from} → 1, ${f.derive.to} → 10` : null,
  }));
  const rows = result.priorities
    .filter((p) => Number.isFinite(p.total))
    .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))
    .map((p) => {
      const s = byId.get(p.id);
      return { ...ref(p.id), scores: p.scores, total: p.total, totalRounded: p.totalRounded, rank: p.rank, statedTotal: s?.segment.stated_total ?? null, lenses: p.lenses, phase: s?.segment.phase ?? null, quadrant: s?.priority?.quadrantLabel ?? null };
    });
  const sensitivity = result.data?.sensitivity;
  const quadrants = result.data?.quadrants ?? {};
  const scored = segments.filter((s) => prioritization.schemes.includes(s.scheme) && s.segment.status !== "retired");
  return {
    schemes: prioritization.schemes.map((id) => ({ id, label: config.schemes[id]?.label ?? id })),
    factors,
    lenses: Object.entries(LENS_LABELS).map(([id, l]) => {
      const inLens = factors.filter((f) => f.lens === id);
      return { id, ...l, factors: inLens.map((f) => f.label), weight: inLens.reduce((s, f) => s + f.weight, 0) };
    }),
    rows,
    sensitivity: sensitivity
      ? {
          shifts: sensitivity.shifts.map((s) => ({ factor: prioritization.factors[s.factor]?.label ?? s.factor, delta: s.delta, flips: s.flips.map((f) => ({ ...ref(f.id), from: f.from, to: f.to })) })),
          stability: rows.map((r) => ({ id: r.id, name: r.name, rank: r.rank, share: sensitivity.rankStability[r.id] ?? 1 })),
          topStability: sensitivity.topStability,
          draws: sensitivity.draws,
        }
      : undefined,
    quadrants: (Object.keys(QUADRANT_LABELS) as Quadrant[]).map((q) => ({ id: q, ...QUADRANT_LABELS[q], segments: Object.entries(quadrants).filter(([, v]) => v === q).map(([id]) => ref(id)) })),
    quadrantPoints: quadrantPoints(rows, segments, quadrants),
    plan: PHASES.map((phase) => ({
      phase,
      ...PHASE_LABELS[phase]!,
      segments: scored.filter((s) => s.segment.phase === phase).map((s) => ({ ...ref(s.id), rank: s.priority?.rank ?? null })).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
    })),
    planConflicts: planConflicts(scored),
    planNotes: planNotes(scored),
    unphased: scored.filter((s) => !s.segment.phase && s.segment.status === "active").map((s) => ref(s.id)),
    charts: { breakdown: null, quadrant: null, stability: null },
  };
}

function quadrantPoints(rows: PrioritizationPage["rows"], segments: readonly SiteSegment[], quadrants: Record<string, Quadrant>): PrioritizationPage["quadrantPoints"] {
  const points = rows.flatMap((r) => {
    const value = segments.find((s) => s.id === r.id)?.size?.valueShare;
    const q = quadrants[r.id];
    return value !== null && value !== undefined && q ? [{ name: r.name, value, potential: r.total, quadrant: QUADRANT_LABELS[q].label }] : [];
  });
  if (points.length === 0) return undefined;
  return { points, medianValue: median(points.map((p) => p.value)), medianPotential: median(points.map((p) => p.potential)) };
}

function planConflicts(scored: readonly SiteSegment[]): PrioritizationPage["planConflicts"] {
  const ranked = scored.filter((s) => s.priority && s.segment.phase);
  const phaseIndex = (s: SiteSegment) => PHASES.indexOf(s.segment.phase!);
  const point = (s: SiteSegment) => ({ name: s.segment.name, url: s.url, rank: s.priority!.rank, phase: PHASE_LABELS[s.segment.phase!]!.label });
  return ranked.flatMap((s) => ranked.filter((o) => phaseIndex(o) > phaseIndex(s) && o.priority!.rank < s.priority!.rank).map((o) => ({ earlier: point(s), later: point(o) })));
}

function planNotes(scored: readonly SiteSegment[]): string[] {
  const notes: string[] = [];
  const ranked = scored.filter((s) => s.priority);
  const beachheads = ranked.filter((s) => s.segment.phase === "beachhead");
  if (ranked.length > 0 && beachheads.length === 0) notes.push("No segment is marked as the beachhead: the plan has no first target.");
  if (beachheads.length > 1) notes.push(`${beachheads.length} segments are marked as the beachhead (${beachheads.map((s) => s.segment.name).join(", ")}); a beachhead is usually one segment.`);
  for (const s of ranked) {
    if (s.segment.status === "deprioritized" && s.segment.phase) notes.push(`${s.segment.name} is marked as not served but sits in the ${PHASE_LABELS[s.segment.phase]!.label.toLowerCase()} phase.`);
  }
  return notes;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
