/**
 * Sizes, shares, value and priority base → head for every segment of every
 * scheme, with the deltas a reviewer reads first. A side that could not be
 * recomputed (or a segment missing on one side) shows as null.
 */
import type { PriorityRow } from "../engine/prioritize.ts";
import type { SchemeMetrics } from "../engine/segment-metrics.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { compareText, UNASSIGNED } from "./migration-matrix.ts";

export interface SegmentFigures {
  count: number;
  share: number;
  value: number | null;
  valueShare: number | null;
  /** Weighted priority total and rank (prioritized schemes only). */
  total: number | null;
  rank: number | null;
}

export interface SegmentMetricChange {
  /** Segment id, or UNASSIGNED. */
  segment: string;
  name: string;
  base: SegmentFigures | null;
  head: SegmentFigures | null;
  delta: { count: number; share: number; value: number | null; valueShare: number | null; rank: number | null };
}

export interface SchemeMetricChange {
  scheme: string;
  label: string;
  exclusive: boolean;
  population: { base: number | null; head: number | null };
  segments: SegmentMetricChange[];
}

export interface MetricSide {
  workspace: Workspace | undefined;
  /** Undefined when the side was not recomputed. */
  schemes: readonly SchemeMetrics[] | undefined;
  priorities: readonly PriorityRow[];
}

export function diffMetrics(base: MetricSide, head: MetricSide): SchemeMetricChange[] {
  const configs = [head.workspace?.config?.value, base.workspace?.config?.value];
  const schemeIds = [...new Set(configs.flatMap((c) => Object.keys(c?.schemes ?? {})))].sort(compareText);
  return schemeIds.map((scheme) => {
    const settings = configs.map((c) => c?.schemes[scheme]).find((s) => s !== undefined)!;
    const names = new Map<string, string>();
    for (const side of [base, head]) for (const s of side.workspace?.segments ?? []) if (s.scheme === scheme) names.set(s.value.id, s.value.name);
    const baseScheme = base.schemes?.find((s) => s.scheme === scheme);
    const headScheme = head.schemes?.find((s) => s.scheme === scheme);
    const ids = new Set<string>();
    for (const m of [...(baseScheme?.segments ?? []), ...(headScheme?.segments ?? [])]) ids.add(m.segment ?? UNASSIGNED);
    for (const side of [base, head]) for (const s of side.workspace?.segments ?? []) if (s.scheme === scheme && s.value.status !== "retired") ids.add(s.value.id);
    const segments = [...ids].sort(compareText).map((segment) => {
      const before = figures(base, baseScheme, scheme, segment);
      const after = figures(head, headScheme, scheme, segment);
      return { segment, name: segment === UNASSIGNED ? "Unassigned" : (names.get(segment) ?? segment), base: before, head: after, delta: delta(before, after) };
    });
    return {
      scheme,
      label: settings.label,
      exclusive: settings.exclusive,
      population: { base: baseScheme?.population ?? null, head: headScheme?.population ?? null },
      segments,
    };
  });
}

function figures(side: MetricSide, metrics: SchemeMetrics | undefined, scheme: string, segment: string): SegmentFigures | null {
  if (!side.schemes || !side.workspace) return null;
  const isSegment = segment !== UNASSIGNED;
  const exists = !isSegment || side.workspace.segments.some((s) => s.scheme === scheme && s.value.id === segment && s.value.status !== "retired");
  if (!exists) return null;
  const m = metrics?.segments.find((s) => (s.segment ?? UNASSIGNED) === segment);
  const priority = isSegment ? side.priorities.find((p) => p.scheme === scheme && p.id === segment && !Number.isNaN(p.total)) : undefined;
  return {
    count: m?.count ?? 0,
    share: m?.share ?? 0,
    value: m ? m.value : null,
    valueShare: m ? m.valueShare : null,
    total: priority?.total ?? null,
    rank: priority?.rank ?? null,
  };
}

function delta(before: SegmentFigures | null, after: SegmentFigures | null): SegmentMetricChange["delta"] {
  const minus = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : a - b);
  return {
    count: (after?.count ?? 0) - (before?.count ?? 0),
    share: (after?.share ?? 0) - (before?.share ?? 0),
    value: before && after ? minus(after.value, before.value) : (after?.value ?? (before?.value === null || before?.value === undefined ? null : -before.value)),
    valueShare: before && after ? minus(after.valueShare, before.valueShare) : null,
    rank: minus(after?.rank, before?.rank),
  };
}

/** Whether anything a reviewer would notice moved: count, share, value, priority score or rank. */
export function metricsChanged(change: SegmentMetricChange): boolean {
  const { base, head } = change;
  if ((base === null) !== (head === null)) return true;
  if (!base || !head) return false;
  return base.count !== head.count || base.rank !== head.rank || Math.abs((base.total ?? 0) - (head.total ?? 0)) > 1e-9 || Math.abs((base.valueShare ?? 0) - (head.valueShare ?? 0)) > 1e-9 || Math.abs((base.value ?? 0) - (head.value ?? 0)) > 1e-6;
}
