/**
 * `seg check --suppress-all | --suppress-rule | --prune-suppressions` as a
 * library call: from a finished check, write the next seg-suppressions.json and
 * return the check result as the new baseline sees it, without recomputing.
 */
import { compareDiagnostics } from "../diagnostics/diagnostic.ts";
import { applySuppressions, countSuppressions, isBaselineCandidate, updateSuppressions, type SuppressionsUpdate } from "../lint/suppressions.ts";
import { writeSuppressions } from "../lint/write-suppressions.ts";
import { suppressibleRuleIds } from "../rules/index.ts";
import { suppressionsSchema } from "../schema/suppressions.ts";
import { SUPPRESSIONS_FILE } from "../workspace/discover.ts";
import { readDocument } from "../workspace/read-document.ts";
import { countBySeverity } from "../diagnostics/count-by-severity.ts";
import type { CheckResult } from "../lint/check-result.ts";

export type UpdateSuppressionsResult =
  | { status: "written"; path: string; changed: boolean; findings: number; entries: number; expired: number; result: CheckResult }
  /** The file exists but could not be read: it is left alone rather than overwritten. */
  | { status: "refused"; reason: string; result: CheckResult };

export function updateSuppressionsFile(result: CheckResult, update: SuppressionsUpdate): UpdateSuppressionsResult {
  const broken = result.diagnostics.find((d) => d.file === SUPPRESSIONS_FILE && d.severity === "error");
  if (broken && !result.workspace.suppressions) {
    return { status: "refused", reason: `${SUPPRESSIONS_FILE} has errors (${broken.message}); fix them, or delete the file, before updating it`, result };
  }
  // As check() decides: data-aware rules ran only when the data was recomputed without errors.
  const complete = result.data !== undefined && !result.data.engine.diagnostics.some((d) => d.severity === "error");
  if (update.prune && !complete) {
    return { status: "refused", reason: "pruning needs a check with the data (data-aware rules did not run, so their suppressions cannot be judged); fix the errors that stop the recompute, and do not pass --no-data", result };
  }
  const ruleIds = new Set(suppressibleRuleIds);
  const candidates = [...result.diagnostics, ...result.suppressed.filter((s) => s.by === "baseline").map((s) => s.diagnostic)]
    .filter((d) => isBaselineCandidate(d, ruleIds))
    .sort(compareDiagnostics);
  const next = updateSuppressions(result.workspace.suppressions?.value, candidates, update);
  const written = writeSuppressions(result.root, next);
  const baseline = readDocument(result.root, SUPPRESSIONS_FILE, suppressionsSchema, "yaml").document;
  const applied = applySuppressions(candidates, baseline, { asOf: result.asOf, ruleIds, complete });
  const others = result.diagnostics.filter((d) => !isBaselineCandidate(d, ruleIds) && !d.ruleId.startsWith("suppressions/"));
  const diagnostics = [...others, ...applied.reported, ...applied.diagnostics].sort(compareDiagnostics);
  const suppressed = [...result.suppressed.filter((s) => s.by === "directive"), ...applied.suppressed.map((diagnostic) => ({ by: "baseline" as const, diagnostic }))];
  const workspace = { ...result.workspace, suppressions: baseline };
  return {
    status: "written",
    path: written.path,
    changed: written.changed,
    ...countSuppressions(next),
    expired: applied.diagnostics.filter((d) => d.ruleId === "suppressions/expired").length,
    result: { ...result, workspace, diagnostics, counts: countBySeverity(diagnostics), suppressed },
  };
}
