/**
 * The rule metadata a report describes: every rule and check given in the
 * input, the registered checks (src/checks/) for any other id found, and a
 * plain entry only for an id that has no metadata at all (a bug the checks
 * registry test guards against).
 */
import { findCheck } from "../checks/index.ts";
import type { FormatInput, RuleSummary } from "./formatter.ts";

function fallback(id: string, input: FormatInput): RuleSummary {
  const check = findCheck(id);
  if (check) return { id, description: check.description, defaultSeverity: check.defaultSeverity, hint: check.hint };
  const first = input.diagnostics.find((d) => d.ruleId === id);
  return {
    id,
    description: `Seg check ${id}`,
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
