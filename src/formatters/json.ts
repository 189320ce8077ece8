/**
 * Machine-readable output: every diagnostic with its position, hint and data,
 * the counts, and a summary of each rule that fired (description, default
 * severity, hint) so a consumer needs no second source to explain a finding.
 */
import type { Formatter } from "./formatter.ts";
import { ruleSummaries } from "./rule-summaries.ts";

export const json: Formatter = (input) =>
  `${JSON.stringify(
    {
      asOf: input.asOf,
      counts: input.counts,
      suppressed: input.suppressed ?? 0,
      diagnostics: input.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        ...(d.messageId ? { messageId: d.messageId } : {}),
        severity: d.severity,
        message: d.message,
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ...(d.path ? { path: d.path } : {}),
        ...(d.hint ? { hint: d.hint } : {}),
        ...(d.data ? { data: d.data } : {}),
      })),
      ...(input.metrics ? { metrics: input.metrics } : {}),
      ...(input.hypotheses ? { hypotheses: input.hypotheses } : {}),
      ...(input.impact ? { impact: input.impact } : {}),
      rules: Object.fromEntries(
        ruleSummaries(input, "found").map((r) => [r.id, { description: r.description, defaultSeverity: r.defaultSeverity, ...(r.hint ? { hint: r.hint } : {}) }]),
      ),
    },
    null,
    2,
  )}\n`;
