/**
 * What every formatter receives and returns. A formatter is pure: the check
 * result and rule metadata in, text out. It reads no environment, clock or file;
 * whatever it needs from outside (colors, a step summary's free bytes, the path
 * of the workspace inside the repository) comes in through FormatOptions.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";

/** What a formatter may show about a rule: a subset of the rule's meta. */
export interface RuleSummary {
  id: string;
  description: string;
  defaultSeverity: Severity | "off";
  hint: string;
  docs?: {
    rationale: string;
    bad: readonly { file: string; text: string }[];
    good: readonly { file: string; text: string }[];
  };
}

import type { HypothesisResult } from "../engine/hypotheses.ts";
import type { ImpactResult } from "../engine/impact/impact-result.ts";

export interface FormatInput {
  /** Absolute workspace folder. */
  root: string;
  asOf: string;
  diagnostics: readonly Diagnostic[];
  counts: { error: number; warning: number; info: number };
  /** Findings hidden by seg-suppressions.json or by inline directives. */
  suppressed?: number;
  /** Metadata of the rules and built-in checks, for SARIF and the JSON summary. */
  rules?: readonly RuleSummary[];
  /** Text of the workspace files by workspace-relative path, for SARIF fingerprints. */
  sources?: Readonly<Record<string, string>>;
  /** Seg's version. */
  version?: string;
  /** Each hypothesis tested on the data, with its verdict and statistics (absent when the data was not recomputed). */
  hypotheses?: readonly ReportedHypothesis[];
  /** Before/after each segment's launch date (absent without a launch date, or when the data was not recomputed). */
  impact?: ImpactResult;
  /** Declared metrics over the whole population (absent when the data was not recomputed). */
  metrics?: Readonly<Record<string, { label: string; feature: string; aggregate: string; value: number | null }>>;
}

/** A hypothesis result with the file and statement it comes from. */
export type ReportedHypothesis = HypothesisResult & { file: string; statement: string; metric: string; segments: readonly string[] };

export interface FormatOptions {
  color: boolean;
  /**
   * The workspace folder relative to the repository root, with forward slashes
   * ("" when they are the same). Formats read by other tools (github, sarif,
   * markdown) prefix file paths with it so annotations land on the right file.
   */
  pathPrefix?: string;
  /** Bytes still free in the CI's Markdown step summary, when there is one ($GITHUB_STEP_SUMMARY). */
  stepSummaryBytes?: number;
}

export type Formatter = (input: FormatInput, options: FormatOptions) => string;

/** A second report some formats add, e.g. GitHub's step summary; undefined when there is nothing to add. */
export type StepSummary = (input: FormatInput, options: FormatOptions & { stepSummaryBytes: number }) => string | undefined;

