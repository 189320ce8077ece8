/**
 * The rule metadata a report describes: every rule and check given in the
 * input, plus a plain entry for any id that shows up in the findings without
 * metadata (built-in checks such as schema/unknown-key).
 */
import { dataChecks } from "../engine/data-checks.ts";
import type { FormatInput, RuleSummary } from "./formatter.ts";

const NAMESPACES: Record<string, string> = {
  yaml: "YAML files parse",
  json: "JSON files parse",
  schema: "Files match their schema",
  expr: "Segment expressions are valid",
  workspace: "The workspace has the files Seg needs",
  prioritization: "Prioritized segments are fully scored",
  source: "Data sources load and hold the declared columns",
  data: "The data holds what its declaration says",
  suppressions: "The suppressions baseline is current",
  directives: "Inline seg-disable directives are valid and used",
};

function fallback(id: string, input: FormatInput): RuleSummary {
  const check = dataChecks.find((c) => c.id === id);
  if (check) return { id, description: check.description, defaultSeverity: check.severity, hint: check.hint };
  const first = input.diagnostics.find((d) => d.ruleId === id);
  const namespace = id.includes("/") ? id.slice(0, id.indexOf("/")) : "";
  return {
    id,
    description: NAMESPACES[namespace] ? `${NAMESPACES[namespace]} (${id})` : `Seg check ${id}`,
    defaultSeverity: first?.severity ?? "warning",
    // A finding's hint is about that finding, not the check: leave it out.
    hint: "",
  };
}

/** Summaries of all given rules and of every id found, sorted by id. */
export function ruleSummaries(input: FormatInput, which: "all" | "found"): RuleSummary[] {
  const given = new Map((input.rules ?? []).map((r) => [r.id, r]));
  const found = new Set(input.diagnostics.map((d) => d.ruleId));
  const ids = new Set(which === "all" ? [...given.keys(), ...found] : found);
  return [...ids].sort().map((id) => given.get(id) ?? fallback(id, input));
}
