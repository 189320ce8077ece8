/**
 * Hide accepted findings after the rules ran: first inline seg-disable
 * directives, then the seg-suppressions.json baseline. What is hidden is kept
 * (with what hid it) for counts and for updating the baseline.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { applyDirectives } from "./directives.ts";
import { applySuppressions } from "./suppressions.ts";
import { fixOnlyRules } from "../rules/index.ts";

export interface SuppressedFinding {
  by: "directive" | "baseline";
  diagnostic: Diagnostic;
}

export interface SuppressFindingsResult {
  /** What is left to report, with problems of the directives and the baseline, sorted. */
  reported: Diagnostic[];
  suppressed: SuppressedFinding[];
}

/** Every loaded file whose YAML may hold directives. */
export function directiveDocuments(workspace: Workspace): LoadedDocument<unknown>[] {
  return [...(workspace.config ? [workspace.config] : []), ...workspace.segments, ...workspace.personas, ...workspace.hypotheses, ...workspace.reviews];
}

/** `complete`: every rule ran, data-aware ones included (false when the data was not recomputed). */
export function suppressFindings(findings: readonly Diagnostic[], workspace: Workspace, options: { asOf: string; ruleIds: readonly string[]; complete: boolean }): SuppressFindingsResult {
  const { asOf, ruleIds, complete } = options;
  const inline = applyDirectives(directiveDocuments(workspace), findings, ruleIds, { complete, fixOnly: fixOnlyRules });
  const baseline = applySuppressions(inline.reported, workspace.suppressions, { asOf, ruleIds: new Set(ruleIds), complete });
  return {
    reported: [...baseline.reported, ...inline.diagnostics, ...baseline.diagnostics].sort(compareDiagnostics),
    suppressed: [...inline.suppressed.map((diagnostic) => ({ by: "directive" as const, diagnostic })), ...baseline.suppressed.map((diagnostic) => ({ by: "baseline" as const, diagnostic }))],
  };
}
