/** Machine-readable output: every diagnostic with its position, hint and data. */
import type { Formatter } from "./formatter.ts";

export const json: Formatter = (input) =>
  `${JSON.stringify(
    {
      asOf: input.asOf,
      counts: input.counts,
      diagnostics: input.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ...(d.hint ? { hint: d.hint } : {}),
        ...(d.data ? { data: d.data } : {}),
      })),
    },
    null,
    2,
  )}\n`;
