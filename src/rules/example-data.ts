/**
 * Measured facts written by hand: what a rule's documentation examples and
 * tests say the data looks like (sizes, features, the lock, clusters). The rule
 * tester turns them into the `DataFacts` the engine would compute, so examples
 * stay short and every number in them is visible.
 */
import type { HypothesisResult } from "../engine/hypotheses.ts";
import type { IdsaaResult } from "../engine/idsaa.ts";
import type { ImpactResult } from "../engine/impact/impact-result.ts";

export interface ExampleData {
  /** Per scheme id: its population and what each segment measures. */
  schemes?: Record<string, ExampleScheme>;
  /** Per source name: its newest row (YYYY-MM-DD), for freshness checks. */
  sources?: Record<string, { newest: string | null }>;
  /**
   * The lock on disk. "fresh" (the default) equals what the data produces;
   * "missing"; { invalid: reason }; or an older lock described by how it differs.
   */
  lock?: "fresh" | "missing" | { invalid: string } | ExampleLock;
  /** Cluster agreement with the lock (the `clusters` fact). */
  clusters?: { ari: number | null; rows: number };
  hypotheses?: HypothesisResult[];
  /** Per declared feature: members with a value, of how many. */
  coverage?: Record<string, { values: number; members: number }>;
  /** Members clustering set aside (the `setAside` fact). */
  setAside?: { members: number; outliers: number; missing: number; outlierFeatures?: Record<string, number> };
  /** Per clustering feature: its skewness on the raw scale and whether log1p is recommended (the `skewness` fact). */
  skewness?: Record<string, { skewness: number | null; recommendLog1p: boolean; transformedSkewness?: number | null }>;
  /** What value labels are checked against (the `valueLabels` fact): per label, the measure, its population median, and by "scheme/id" each segment's mean percentile rank and median. */
  valueLabels?: Partial<Record<"ltv" | "support_cost", { measure: string; median: number; segments: Record<string, { rank: number; median: number; n?: number }> }>>;
  /** The before/after comparison around the launch date (the `impact` fact), as the engine reports it. */
  impact?: ImpactResult;
  /** IDSAA verdicts by "scheme/id"; by default computed from the scheme's measurements. */
  idsaa?: Record<string, IdsaaResult>;
}

export interface ExampleScheme {
  population: number;
  /** By segment id. Segments left out were not measured. */
  segments: Record<string, ExampleSegment>;
  /** Members in no segment; defaults to population minus the segments' counts. */
  unassigned?: number;
  /** Overlapping schemes: members in both segments, by "a|b" with a < b. */
  overlap?: Record<string, number>;
}

export interface ExampleSegment {
  count: number;
  value?: number | null;
  valueShare?: number | null;
  /** Declared metrics by name. */
  metrics?: Record<string, number | null>;
  /** Comparable features: mean and standard deviation over the segment's members. */
  features?: Record<string, { mean: number; sd: number; n?: number }>;
}

export interface ExampleLock {
  /** The segments ("scheme/id") the lock knew; default: every current segment. */
  segments?: string[];
  /** The share the lock recorded, by "scheme/id". */
  shares?: Record<string, number>;
  /** Segments ("scheme/id") whose definition, order, status or scores changed since the lock. */
  changed?: string[];
}
