/**
 * A rule is metadata plus a pure check. The check reads the validated workspace
 * and the computed facts, and reports findings at a path inside a document; the
 * runner turns paths into file:line:col. No I/O, no clock, no DuckDB in rules.
 */
import type { z } from "zod";
import type { ImpactResult } from "../engine/impact/impact-result.ts";
import type { Severity } from "../diagnostics/diagnostic.ts";
import type { FeatureCoverage } from "../engine/feature-coverage.ts";
import type { HypothesisResult } from "../engine/hypotheses.ts";
import type { IdsaaResult } from "../engine/idsaa.ts";
import type { SourceStats } from "../engine/load-sources.ts";
import type { PriorityRow, WeightCheck } from "../engine/prioritize.ts";
import type { SchemeMetrics } from "../engine/segment-metrics.ts";
import type { FeatureSkewness } from "../engine/cluster/skewness.ts";
import type { Quadrant, Sensitivity } from "../engine/sensitivity.ts";
import type { ValueLabelMeasures } from "../engine/value-labels.ts";
import type { LockChange } from "../lock/compare-lock.ts";
import type { Lock } from "../lock/lock.ts";
import type { Expr } from "../expr/ast.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { PathSegment } from "../workspace/locate.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import type { LoadedSegment, Workspace } from "../workspace/workspace.ts";
import type { ExampleData } from "./example-data.ts";

/** What the engine computed before the rules run. Data-aware facts are optional. */
export interface Facts {
  /** The analysis date, YYYY-MM-DD. */
  asOf: string;
  /** Today's date, YYYY-MM-DD: what freshness and review cadence are measured against. */
  today: string;
  catalog: ReadonlyMap<string, CatalogEntry>;
  /** Parsed `where:` expressions by segment file path. */
  expressions: ReadonlyMap<string, Expr>;
  weights: WeightCheck | undefined;
  priorities: readonly PriorityRow[];
  /** What the data says; absent when the definitions have errors or data is off. */
  data: DataFacts | undefined;
}

export interface DataFacts {
  members: number;
  sources: readonly SourceStats[];
  schemes: readonly SchemeMetrics[];
  hypotheses: readonly HypothesisResult[];
  /** By "scheme/id". */
  idsaa: Readonly<Record<string, IdsaaResult>>;
  /** The lock on disk and how it differs from a fresh recompute. */
  lock: { status: "missing" } | { status: "invalid"; message: string } | { status: "ok"; lock: Lock; changes: LockChange[] };
  freshLock: Lock;
  sensitivity: Sensitivity | undefined;
  quadrants: Readonly<Record<string, Quadrant>>;
  /** How the clustering compares with the lock's; absent until clusters are computed. */
  clusters?: ClusterFacts;
  /** Members with a value for each declared feature. */
  coverage?: readonly FeatureCoverage[];
  /** Members clustering set aside; absent without clustering. */
  setAside?: SetAsideFacts;
  /** Each clustering feature's skewness on the raw scale, and whether log1p is recommended; absent without clustering. */
  skewness?: readonly FeatureSkewness[];
  /** What the value labels on segments (ltv, support_cost) are checked against. */
  valueLabels?: ValueLabelMeasures;
  /** Before/after each segment's launch date; absent without a launch date. */
  impact?: ImpactResult;
}

export interface SetAsideFacts {
  /** Members in the features table. */
  members: number;
  /** Outside the Tukey fences of two or more transformed clustering features: not fitted, assigned to the nearest cluster. */
  outliers: number;
  /** With a missing or non-finite clustering feature: no cluster. */
  missing: number;
  /** The clustering features, and how many of the listed outliers lie outside each one's fences. */
  outlierFeatures: Readonly<Record<string, number>>;
}

export interface ClusterFacts {
  /**
   * Adjusted Rand index between each member's cluster now and under the lock's
   * centroids; null when there is no previous clustering to compare with.
   */
  ari: number | null;
  /** Members compared. */
  rows: number;
}

export interface DocsExample {
  /**
   * Workspace-relative path, e.g. segments/market/smb.yaml. For segmentation.yaml,
   * the text holds only the sections that differ from the default workspace.
   */
  file: string;
  text: string;
}

export interface RuleDocs {
  rationale: string;
  /** Files (besides a default valid workspace) that make the rule fire. */
  bad: DocsExample[];
  /** The same files, fixed. */
  good: DocsExample[];
  /** For data-aware rules: what the data measures under each example. */
  data?: { bad?: ExampleData; good?: ExampleData };
}

export interface Finding<MessageId extends string = string> {
  messageId: MessageId;
  document: LoadedDocument<unknown>;
  path: readonly PathSegment[];
  data: Record<string, string | number>;
  /** Overrides the rule's hint for this finding. */
  hint?: string;
  /**
   * The least severity of this finding, above the rule's configured one (data
   * past stale-data's error_after_days is an error whenever the rule is on).
   */
  severity?: Severity;
}

export interface RuleContext<Options, MessageId extends string = string> {
  workspace: Workspace;
  facts: Facts;
  options: Options;
  segmentsOf(scheme?: string): LoadedSegment[];
  report(finding: Finding<MessageId>): void;
}

export interface Rule<Options = Record<string, unknown>, MessageId extends string = string> {
  id: string;
  description: string;
  defaultSeverity: Severity | "off";
  options: z.ZodType<Options>;
  /** Message templates with `{placeholder}`s, by camelCase message id. */
  messages: Readonly<Record<MessageId, string>>;
  hint: string;
  docs: RuleDocs;
  /**
   * False for a rule whose findings must be fixed, never accepted: neither
   * seg-suppressions.json nor a seg-disable directive can hide them.
   */
  suppressible?: false;
  check(context: RuleContext<Options, MessageId>): void;
}

/**
 * A rule with its message ids and options typed: `context.report` accepts only
 * the rule's own message ids, and `context.options` has the type its schema parses to.
 */
export function defineRule<const MessageId extends string, Options>(rule: Rule<Options, MessageId>): Rule<Options, MessageId> {
  return rule;
}

/** A rule of any options and message ids, as the registry and the runner hold it. */
export type AnyRule = Rule<unknown, string>;

/** Fill `{name}` placeholders; a missing value is a bug in the rule. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`message placeholder {${key}} has no value`);
    return String(value);
  });
}
