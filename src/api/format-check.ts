/**
 * A check result as a report, the way `seg check --format <name>` writes it:
 * the formatter's input carries the counts, what was suppressed, the rules'
 * metadata, Seg's version and (for SARIF fingerprints) the text of the files
 * the findings name.
 */
import type { FormatInput, FormatOptions } from "../formatters/formatter.ts";
import { formatters } from "../formatters/index.ts";
import { directiveChecks } from "../lint/directives.ts";
import { directiveDocuments } from "../lint/suppress-findings.ts";
import { suppressionChecks } from "../lint/suppressions.ts";
import { rules } from "../rules/index.ts";
import { VERSION } from "../version.ts";
import { readWorkspaceFile } from "../workspace/workspace-file.ts";
import type { CheckResult } from "./check.ts";

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
    rules: [...rules, ...suppressionChecks, ...directiveChecks],
    sources: options.sources ? findingSources(result) : {},
    version: VERSION,
  };
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
