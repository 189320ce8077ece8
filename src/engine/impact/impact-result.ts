/**
 * The shape of the before/after comparison, from the engine to the check
 * result, `seg check --format json`, the rules and the playbook.
 */
import type { TestResult } from "../stats/two-sample.ts";
import type { ImpactFormat, KpiMeasureRef } from "./impact-measures.ts";
import type { ImpactWindows, WindowProblem } from "./impact-windows.ts";

/** One group in one window: members with a value, and the mean (or share). */
export interface WindowFigure {
  n: number;
  /** Mean per member, or the share for share measures; null without members. */
  value: number | null;
}

/** A group's before/after: the figures, after − before, and the two-sample test of after against before. */
export interface GroupChange {
  before: WindowFigure;
  after: WindowFigure;
  /** after − before; null when either window has no members. */
  change: number | null;
  /** Welch's t (means) or the two-proportion z-test (shares), after minus before, two-sided; d or h. */
  test: TestResult | null;
}

export interface MeasuredImpact {
  status: "measured";
  key: string;
  label: string;
  kind: "mean" | "share";
  format: ImpactFormat;
  segment: GroupChange;
  /** Everyone in the population but the segment's members. */
  rest: GroupChange;
  /**
   * The segment's change less everyone else's. The test is Welch's on each
   * member's own change (after − before), segment against the rest, for means;
   * a z-test on the four proportions for shares.
   */
  did: { estimate: number | null; test: TestResult | null };
}

export interface UnmeasuredImpact {
  status: "outside-data";
  key: string;
  label: string;
  kind: "mean" | "share";
  format: ImpactFormat;
  problem: WindowProblem;
}

export type MeasureImpact = MeasuredImpact | UnmeasuredImpact;

/** Everyone's before/after at one launch date: the baseline each segment reads against. */
export interface LaunchImpact {
  windows: ImpactWindows;
  /** Members seen in the data (a dated row in any source) before the first window opened: the compared members. */
  cohort: number;
  /** Members first seen later, or never: left out of both windows. */
  notYetSeen: number;
  population: { key: string; label: string; kind: "mean" | "share"; format: ImpactFormat; figures: GroupChange | null; problem: WindowProblem | null }[];
}

export interface SegmentImpact {
  scheme: string;
  segment: string;
  /** The segment's own launch date, or the workspace's. */
  launch: string;
  /** Where the launch was set: the segment file or segmentation.yaml. */
  launchFrom: "segment" | "workspace";
  /** Cohort members in the segment on its launch day (features recomputed as of that day). */
  members: number;
  measures: MeasureImpact[];
  /** The segment's KPIs that name a metric, with their measure's key or why they cannot be compared. */
  kpis: KpiMeasureRef[];
}

export interface ImpactResult {
  windowDays: number;
  /** Whose figures a segment's are: its members on the launch day, or today's. */
  membership: "at-launch" | "today";
  alpha: number;
  /** One per distinct launch date, the workspace's first. */
  launches: LaunchImpact[];
  segments: SegmentImpact[];
}
