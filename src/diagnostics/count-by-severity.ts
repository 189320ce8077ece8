/** How many findings of each severity a list holds: what exit codes and summaries are decided on. */
import type { Diagnostic, Severity } from "./diagnostic.ts";

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
