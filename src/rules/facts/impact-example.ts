/**
 * A before/after comparison written by hand, as the engine reports it: one
 * segment, one measure, for the docs and tests of the impact rules.
 */
import type { ImpactResult, MeasuredImpact } from "../../engine/impact/impact-result.ts";
import type { WindowProblem } from "../../engine/impact/impact-windows.ts";

export interface ImpactExampleOptions {
  scheme?: string;
  segment?: string;
  key?: string;
  label?: string;
  /** Segment before and after, everyone else before and after. */
  values: [number, number, number, number];
  /** p of the segment's before/after test, and of the difference in differences. */
  p: number;
  didP?: number;
  kpi?: { index: number; name: string; direction: "increase" | "decrease" | null };
  launch?: string;
  launchFrom?: "segment" | "workspace";
  problem?: WindowProblem;
}

export function impactExample(o: ImpactExampleOptions): ImpactResult {
  const [sb, sa, rb, ra] = o.values;
  const launch = o.launch ?? "2026-06-01";
  const key = o.key ?? "tickets_90d";
  const head = { key, label: o.label ?? "Support tickets (last 90 days)", kind: "mean" as const, format: "number" as const };
  const measured: MeasuredImpact = {
    status: "measured",
    ...head,
    segment: { before: { n: 300, value: sb }, after: { n: 300, value: sa }, change: sa - sb, test: { statistic: sa > sb ? 4.2 : -4.2, df: 590, pValue: o.p, effectSize: sa > sb ? 0.3 : -0.3, difference: sa - sb } },
    rest: { before: { n: 2400, value: rb }, after: { n: 2400, value: ra }, change: ra - rb, test: null },
    did: { estimate: sa - sb - (ra - rb), test: { statistic: 3.1, df: 420, pValue: o.didP ?? o.p, effectSize: 0.25, difference: sa - sb - (ra - rb) } },
  };
  const windows = { launch, days: 90, before: { start: "2026-03-03", end: launch }, after: { start: launch, end: "2026-08-30" } };
  return {
    windowDays: 90,
    membership: "at-launch",
    alpha: 0.05,
    launches: [{ windows, cohort: 2700, notYetSeen: 300, population: [{ ...head, figures: null, problem: o.problem ?? null }] }],
    segments: [
      {
        scheme: o.scheme ?? "usage",
        segment: o.segment ?? "heavy",
        launch,
        launchFrom: o.launchFrom ?? "workspace",
        members: 300,
        measures: [o.problem ? { status: "outside-data", ...head, problem: o.problem } : measured],
        kpis: o.kpi ? [{ ...o.kpi, key, reason: null }] : [],
      },
    ],
  };
}
