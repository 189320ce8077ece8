/**
 * The Impact page and each segment's impact section: did the segmentation
 * work? From the engine's before/after comparison (engine/impact), typed end
 * to end: per launch date, everyone's before and after; per segment, each
 * measure before and after the launch with its test, everyone else's change,
 * and the difference between the two, with a verdict in words. The figures stay
 * numbers here; the page formats them.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import type { GroupChange, ImpactResult, MeasureImpact } from "../../engine/impact/impact-result.ts";
import type { WindowProblem } from "../../engine/impact/impact-windows.ts";
import { formatPercent } from "../../text/number-format.ts";

export type ImpactVerdict = "improved" | "worsened" | "rose" | "fell" | "no-clear-change" | "not-compared";

export interface ImpactChange {
  before: number | null;
  after: number | null;
  change: number | null;
  nBefore: number;
  nAfter: number;
  /** Test of after against before: t (Welch) or z (proportions), two-sided p, and d or h. */
  statistic: number | null;
  test: "t" | "z" | null;
  p: number | null;
  effect: number | null;
}

export interface ImpactRow {
  key: string;
  label: string;
  kind: "mean" | "share";
  format: "number" | "percent" | "currency";
  /** Which way is good: a KPI's direction, or the built-in's (revenue and purchases up, tickets down). */
  better: "higher" | "lower" | null;
  /** The KPI that tracks this measure on this segment. */
  kpi: { name: string; direction: "increase" | "decrease" | null } | null;
  segment: ImpactChange | null;
  rest: ImpactChange | null;
  /** The segment's change less everyone else's, with its test. */
  did: { estimate: number | null; p: number | null; effect: number | null; statistic: number | null; test: "t" | "z" | null } | null;
  /** What the segment's own before/after test says. */
  verdict: ImpactVerdict;
  /** What the difference from everyone else's change says. */
  versusRest: "more" | "less" | "same" | null;
  /** Why the measure was not compared. */
  problem: string | null;
}

export interface ImpactSegmentSection {
  key: string;
  scheme: string;
  id: string;
  name: string;
  url: string;
  launch: string;
  launchFrom: "segment" | "workspace";
  /** Compared members in the segment on the launch day. */
  members: number;
  /** Members today (as_of), for contrast; null when not measured. */
  membersToday: number | null;
  rows: ImpactRow[];
  /** KPIs with a metric that cannot be split before and after, and why. */
  notCompared: { name: string; reason: string }[];
}

export interface ImpactLaunchSection {
  launch: string;
  before: { start: string; end: string };
  after: { start: string; end: string };
  cohort: number;
  notYetSeen: number;
  population: { key: string; label: string; kind: "mean" | "share"; format: "number" | "percent" | "currency"; figures: ImpactChange | null; problem: string | null }[];
}

export type ImpactPage =
  | { status: "not-configured" }
  | { status: "no-data" }
  | {
      status: "measured";
      windowDays: number;
      membership: "at-launch" | "today";
      alpha: number;
      currency: string | null;
      launches: ImpactLaunchSection[];
      schemes: { id: string; label: string; segments: ImpactSegmentSection[] }[];
    };

export interface ImpactContext {
  /** "scheme/id" → name, page and members today. */
  segments: ReadonlyMap<string, { name: string; url: string; members: number | null }>;
  schemeLabels: ReadonlyMap<string, string>;
}

const BUILT_IN_BETTER: Readonly<Record<string, "higher" | "lower">> = { revenue: "higher", purchases: "higher", tickets: "lower" };

export interface ImpactInput {
  /** A launch date is set (impact: in segmentation.yaml, or launch: on a segment). */
  configured: boolean;
  /** The engine's comparison; undefined when the data was not recomputed. */
  impact: ImpactResult | undefined;
  currency: string | null;
}

/** The workspace's impact input from a check result. */
export function impactInput(result: CheckResult): ImpactInput {
  const config = result.workspace.config?.value;
  return {
    configured: config?.impact !== undefined || result.workspace.segments.some((s) => s.value.launch !== undefined),
    impact: result.data?.engine.impact,
    currency: config?.currency ?? null,
  };
}

export function buildImpact(input: ImpactInput, context: ImpactContext): ImpactPage {
  if (!input.configured) return { status: "not-configured" };
  const impact = input.impact;
  if (!impact) return { status: "no-data" };
  const schemes = new Map<string, ImpactSegmentSection[]>();
  for (const s of impact.segments) {
    const key = `${s.scheme}/${s.segment}`;
    const page = context.segments.get(key);
    if (!page) continue;
    const rows = s.measures.map((m) => {
      const kpi = s.kpis.find((k) => k.key === m.key) ?? null;
      return row(m, impact, kpi ? { name: kpi.name, direction: kpi.direction } : null);
    });
    const section: ImpactSegmentSection = {
      key,
      scheme: s.scheme,
      id: s.segment,
      name: page.name,
      url: page.url,
      launch: s.launch,
      launchFrom: s.launchFrom,
      members: s.members,
      membersToday: page.members,
      rows,
      notCompared: s.kpis.flatMap((k) => (k.key === null && k.reason !== null ? [{ name: k.name, reason: k.reason }] : [])),
    };
    schemes.set(s.scheme, [...(schemes.get(s.scheme) ?? []), section]);
  }
  return {
    status: "measured",
    windowDays: impact.windowDays,
    membership: impact.membership,
    alpha: impact.alpha,
    currency: input.currency,
    launches: impact.launches.map((l) => ({
      launch: l.windows.launch,
      before: l.windows.before,
      after: l.windows.after,
      cohort: l.cohort,
      notYetSeen: l.notYetSeen,
      population: l.population.map((p) => ({ key: p.key, label: p.label, kind: p.kind, format: p.format, figures: p.figures ? change(p.figures, p.kind) : null, problem: p.problem ? problemText(p.problem) : null })),
    })),
    schemes: [...schemes].map(([id, segments]) => ({ id, label: context.schemeLabels.get(id) ?? id, segments })),
  };
}

function change(g: GroupChange, kind: "mean" | "share"): ImpactChange {
  return {
    before: g.before.value,
    after: g.after.value,
    change: g.change,
    nBefore: g.before.n,
    nAfter: g.after.n,
    statistic: finite(g.test?.statistic),
    test: g.test ? (kind === "share" ? "z" : "t") : null,
    p: finite(g.test?.pValue),
    effect: finite(g.test?.effectSize),
  };
}

function row(m: MeasureImpact, impact: ImpactResult, kpi: ImpactRow["kpi"]): ImpactRow {
  const better = kpi?.direction ? (kpi.direction === "increase" ? "higher" : "lower") : (BUILT_IN_BETTER[m.key] ?? null);
  const head = { key: m.key, label: m.label, kind: m.kind, format: m.format, better, kpi };
  if (m.status !== "measured") return { ...head, segment: null, rest: null, did: null, verdict: "not-compared", versusRest: null, problem: problemText(m.problem) };
  const segment = change(m.segment, m.kind);
  const significant = segment.p !== null && segment.p < impact.alpha && segment.change !== null && segment.change !== 0;
  const up = (segment.change ?? 0) > 0;
  const verdict: ImpactVerdict = !significant ? "no-clear-change" : better === null ? (up ? "rose" : "fell") : up === (better === "higher") ? "improved" : "worsened";
  const didP = finite(m.did.test?.pValue);
  const versusRest = didP === null || m.did.estimate === null ? null : didP >= impact.alpha ? "same" : m.did.estimate > 0 ? "more" : "less";
  return {
    ...head,
    segment,
    rest: change(m.rest, m.kind),
    did: { estimate: m.did.estimate, p: didP, effect: finite(m.did.test?.effectSize), statistic: finite(m.did.test?.statistic), test: m.did.test ? (m.kind === "share" ? "z" : "t") : null },
    verdict,
    versusRest,
    problem: null,
  };
}

/** Why a measure was not compared, in one sentence. */
export function problemText(p: WindowProblem): string {
  switch (p.problem) {
    case "before-data":
      return `The window before the launch starts on ${p.windowDay}, before the first row of ${p.source} (${p.limit ?? "it has no rows"}).`;
    case "after-data":
      return `The window after the launch runs to ${p.windowDay}, past the last row of ${p.source} (${p.limit ?? "it has no rows"}).`;
    case "after-as-of":
      return `The window after the launch runs to ${p.windowDay}, past the analysis date ${p.limit ?? ""}.`;
  }
}

function finite(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** Share of the population the compared members are, for the page's note. */
export function cohortShare(l: ImpactLaunchSection): string {
  return formatPercent(l.cohort / Math.max(1, l.cohort + l.notYetSeen));
}
