/** What `seg diff` reports: two sides, what changed in the definitions, and what that did. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { clustersChanged, type ClusterDiff } from "./cluster-diff.ts";
import type { DefinitionDiff } from "./definition-diff.ts";
import type { FindingsDiff } from "./findings-diff.ts";
import type { HypothesisVerdictChange } from "./hypothesis-diff.ts";
import { metricsChanged, type SchemeMetricChange } from "./metric-diff.ts";
import type { Migration } from "./migration-matrix.ts";
import { populationMetricChanged, type PopulationMetricChange } from "./population-metric-diff.ts";

export type DataMode = "head" | "base" | "each";

export interface DiffSide {
  /** The revision as given, e.g. origin/main, or "working tree". */
  label: string;
  /** The commit, or null for the working tree. */
  commit: string | null;
  /** False when the workspace does not exist at this revision (everything at head is new). */
  exists: boolean;
  asOf: string | null;
  /** Whose data this side was recomputed on: the base's, the head's, or a folder given with --data-dir. */
  data: "base" | "head" | "data-dir";
  /** True when the data were recomputed (no definition errors, data loaded). */
  recomputed: boolean;
  counts: { error: number; warning: number; info: number };
  /** Errors that stopped the recompute, when it was stopped. */
  blocking: Diagnostic[];
}

export interface SchemeDiff extends SchemeMetricChange {
  /** Null when either side was not recomputed. */
  migration: Migration | null;
}

export interface DiffResult {
  base: DiffSide;
  head: DiffSide;
  data: DataMode;
  definitions: DefinitionDiff;
  schemes: SchemeDiff[];
  clusters: ClusterDiff | null;
  findings: FindingsDiff;
  /** Declared metrics over the whole population, base → head. */
  population?: PopulationMetricChange[];
  /** Hypotheses whose verdict the change moves (both sides recomputed). */
  hypotheses?: HypothesisVerdictChange[];
  /** False when there is nothing to report (the PR comment is then removed). */
  changed: boolean;
}

export function hasChanges(result: Omit<DiffResult, "changed">): boolean {
  const d = result.definitions;
  if (d.segments.length + d.config.length + d.personas.length + d.hypotheses.length > 0) return true;
  if (result.findings.added.length + result.findings.fixed.length > 0) return true;
  if ((result.hypotheses?.length ?? 0) > 0) return true;
  if ((result.population ?? []).some(populationMetricChanged)) return true;
  if (clustersChanged(result.clusters)) return true;
  if (result.base.recomputed !== result.head.recomputed) return true;
  return result.schemes.some((s) => s.segments.some(metricsChanged) || (s.migration?.moved ?? 0) + (s.migration?.added ?? 0) + (s.migration?.removed ?? 0) > 0);
}
