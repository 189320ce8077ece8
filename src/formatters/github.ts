/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its
 * file and line (`::error file=…,line=…::message`). GitHub shows at most 10
 * error, 10 warning and 10 notice annotations per step, so the rest are printed
 * as plain log lines, and `githubStepSummary` lists them in the step summary
 * (at most 1 MiB per step).
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import type { Formatter, FormatOptions, StepSummary } from "./formatter.ts";
import { byteLength, markdownFindings } from "./markdown-findings.ts";
import { repositoryPath } from "./repository-path.ts";
import { plural } from "../text/plural.ts";
import { markdownSummaryLine, severityCounts } from "./summarize-counts.ts";

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;
/** GitHub's cap on one step's summary. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Escape the message of a workflow command (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escape a property value of a workflow command: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The first ANNOTATIONS_PER_KIND findings of each severity, and the rest. */
export function splitAnnotations(diagnostics: readonly Diagnostic[]): { annotated: Diagnostic[]; overflow: Diagnostic[] } {
  const seen: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const annotated: Diagnostic[] = [];
  const overflow: Diagnostic[] = [];
  for (const d of diagnostics) (++seen[d.severity] <= ANNOTATIONS_PER_KIND ? annotated : overflow).push(d);
  return { annotated, overflow };
}

export function annotation(d: Diagnostic, options: FormatOptions): string {
  const properties: [string, string | number][] = [["file", repositoryPath(d.file, options)], ["line", d.line]];
  // GitHub takes columns only for a span on one line.
  if (d.endLine === d.line) properties.push(["col", d.column], ["endColumn", d.endColumn]);
  else properties.push(["endLine", d.endLine]);
  properties.push(["title", `seg ${d.ruleId}`]);
  const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${COMMAND[d.severity]} ${properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",")}::${escapeData(text)}`;
}

/** A log line that GitHub cannot mistake for a command: one line, never starting with "::". */
function plainLine(d: Diagnostic, options: FormatOptions): string {
  return `${repositoryPath(d.file, options)}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.ruleId})`.replace(/[\r\n]+/g, " ");
}

export const github: Formatter = (input, options) => {
  const { annotated, overflow } = splitAnnotations(input.diagnostics);
  const lines = [...annotated.map((d) => annotation(d, options)), ...overflow.map((d) => plainLine(d, options))];
  const total = input.counts.error + input.counts.warning + input.counts.info;
  const suppressed = input.suppressed ? `; ${input.suppressed} suppressed` : "";
  lines.push(total === 0 ? `seg check: no problems (as of ${input.asOf}${suppressed}).` : `seg check: ${plural(total, "problem")} (${severityCounts(input.counts)}${suppressed}).`);
  if (overflow.length > 0) {
    const where = options.stepSummaryBytes !== undefined ? "above and in the step summary" : "above";
    lines.push(`seg check: ${plural(overflow.length, "finding")} beyond GitHub's ${ANNOTATIONS_PER_KIND} annotations per kind and step ${overflow.length === 1 ? "is" : "are"} listed ${where}.`);
  }
  return `${lines.join("\n")}\n`;
};

/**
 * Markdown for $GITHUB_STEP_SUMMARY: the counts, and the findings that did not
 * become annotations, within the bytes the summary has left.
 */
export const githubStepSummary: StepSummary = (input, options) => {
  const budget = Math.min(options.stepSummaryBytes, STEP_SUMMARY_MAX_BYTES);
  const { overflow } = splitAnnotations(input.diagnostics);
  let text = `### Seg check\n\n${markdownSummaryLine(input)}`;
  if (overflow.length > 0) {
    text += `\n${plural(overflow.length, "finding")} beyond GitHub's annotation limit (${ANNOTATIONS_PER_KIND} errors, ${ANNOTATIONS_PER_KIND} warnings and ${ANNOTATIONS_PER_KIND} notices per step):\n\n`;
  } else if (input.diagnostics.length > 0) {
    text += "\nEvery finding is annotated on its file.\n";
  }
  const table = markdownFindings(overflow, options, budget - byteLength(text) - 1);
  const out = `${text}${table}\n`;
  return byteLength(out) <= budget ? out : undefined;
};
