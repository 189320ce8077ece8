/**
 * A check result as a report, the way `seg check --format <name>` writes it:
 * the formatter's input carries the counts, what was suppressed, the rules'
 * metadata, Seg's version and (for SARIF fingerprints) the text of the files
 * the findings name.
 */
import { checks } from "../checks/index.ts";
import type { FormatInput, FormatOptions, ReportedHypothesis } from "../formatters/formatter.ts";
import { formatters } from "../formatters/index.ts";
import { directiveDocuments } from "../lint/suppress-findings.ts";
import { rules } from "../rules/index.ts";
import { VERSION } from "../version.ts";
import { readWorkspaceFile } from "../workspace/workspace-file.ts";
import type { CheckResult } from "../lint/check-result.ts";

export interface ReportOptions {
  /** Errors only. */
  quiet?: boolean;
  /** Include the text of the files findings name (SARIF fingerprints need them). */
  sources?: boolean;
}

export function checkReportInput(result: CheckResult, options: ReportOptions = {}): FormatInput {
  return {
    root: result.root,
    asOf: result.asOf,
    diagnostics: options.quiet ? result.diagnostics.filter((d) => d.severity === "error") : result.diagnostics,
    counts: options.quiet ? { error: result.counts.error, warning: 0, info: 0 } : result.counts,
    suppressed: result.suppressed.length,
    rules: [...rules, ...checks.filter((c) => c.id.startsWith("suppressions/") || c.id.startsWith("directives/"))],
    sources: options.sources ? findingSources(result) : {},
    version: VERSION,
    ...(result.data ? { metrics: populationMetrics(result), hypotheses: reportedHypotheses(result) } : {}),
    ...(result.data?.engine.impact ? { impact: result.data.engine.impact } : {}),
  };
}

/** Each declared metric over the whole population. */
function populationMetrics(result: CheckResult): NonNullable<FormatInput["metrics"]> {
  const values = result.data?.engine.schemes[0]?.populationMetrics ?? {};
  const declared = result.workspace.config?.value.metrics ?? {};
  return Object.fromEntries(Object.entries(declared).map(([name, m]) => [name, { label: m.label, feature: m.feature, aggregate: m.aggregate, value: values[name] ?? null }]));
}

/** The engine's hypothesis results with the file, statement, metric and segments of each. */
function reportedHypotheses(result: CheckResult): ReportedHypothesis[] {
  return (result.data?.engine.hypotheses ?? []).flatMap((h) => {
    const document = result.workspace.hypotheses.find((d) => d.value.id === h.id);
    return document ? [{ ...h, file: document.file.path, statement: document.value.statement, metric: document.value.metric, segments: document.value.segments }] : [];
  });
}

/** The report in one of the formats of `seg check --format` (stylish, json, github, sarif, markdown). */
export function formatCheck(result: CheckResult, format: string, options: Partial<FormatOptions> & ReportOptions = {}): string {
  const formatter = formatters[format];
  if (!formatter) throw new RangeError(`unknown format "${format}"; use one of ${Object.keys(formatters).sort().join(", ")}`);
  const { quiet, sources, ...formatOptions } = options;
  return formatter(checkReportInput(result, { quiet, sources: sources ?? format === "sarif" }), { color: false, ...formatOptions });
}

/** File texts for SARIF fingerprints: the loaded documents, and any other file a finding names. */
function findingSources(result: CheckResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const document of [...directiveDocuments(result.workspace), ...(result.workspace.suppressions ? [result.workspace.suppressions] : [])]) out[document.file.path] = document.file.text;
  for (const d of result.diagnostics) {
    if (out[d.file] !== undefined) continue;
    // Through the workspace gate: a finding about a link that leads outside must not carry the target's text.
    const read = readWorkspaceFile(result.root, d.file, { limit: 2_000_000 });
    if (read.ok) out[d.file] = read.bytes.toString("utf8");
  }
  return out;
}
