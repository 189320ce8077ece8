/**
 * The suppressions baseline (seg-suppressions.json): per file and rule, up to
 * `count` error and warning findings are accepted and not reported. An entry
 * past its `expires` date no longer applies and is reported; so are an entry
 * that accepts more findings than there are, and one for a rule whose findings
 * may only be fixed (lock-outdated) or that does not exist. `updateSuppressions` computes the
 * next baseline for --suppress-all, --suppress-rule and --prune-suppressions.
 */
import { suppressionsExpired, suppressionsNotAccepted, suppressionsUnused } from "../checks/suppressions.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Suppressions } from "../schema/suppressions.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { reportAt } from "../workspace/report-at.ts";

export interface SuppressionOutcome {
  reported: Diagnostic[];
  suppressed: Diagnostic[];
  /** Expired and unused entries. */
  diagnostics: Diagnostic[];
}

/** Placeholder reason for entries written by --suppress-all and --suppress-rule. */
export const BASELINE_REASON = "baseline";

/** Findings the baseline may hold: errors and warnings of registered rules. */
export function isBaselineCandidate(d: Diagnostic, ruleIds: ReadonlySet<string>): boolean {
  return d.severity !== "info" && ruleIds.has(d.ruleId);
}

/** Candidate findings grouped by file, then rule, in the order given. */
function groupFindings(findings: readonly Diagnostic[]): Map<string, Map<string, Diagnostic[]>> {
  const groups = new Map<string, Map<string, Diagnostic[]>>();
  for (const d of findings) {
    const byRule = groups.get(d.file) ?? new Map<string, Diagnostic[]>();
    groups.set(d.file, byRule);
    byRule.set(d.ruleId, [...(byRule.get(d.ruleId) ?? []), d]);
  }
  return groups;
}

/**
 * Apply the baseline to `findings` (already sorted). Findings that are not
 * candidates pass through untouched. `complete: false` says some rules may not
 * have run (no data): an entry is then reported unused only when its rule did
 * fire in that file, just fewer times.
 */
export function applySuppressions(
  findings: readonly Diagnostic[],
  baseline: LoadedDocument<Suppressions> | undefined,
  options: { asOf: string; ruleIds: ReadonlySet<string>; complete?: boolean },
): SuppressionOutcome {
  if (!baseline) return { reported: [...findings], suppressed: [], diagnostics: [] };
  const groups = groupFindings(findings.filter((d) => isBaselineCandidate(d, options.ruleIds)));
  const hidden = new Set<Diagnostic>();
  const over = new Map<Diagnostic, { count: number; found: number }>();
  const diagnostics: Diagnostic[] = [];
  for (const [file, rules] of Object.entries(baseline.value.suppressions)) {
    for (const [rule, entry] of Object.entries(rules)) {
      const found = groups.get(file)?.get(rule) ?? [];
      if (!options.ruleIds.has(rule)) {
        diagnostics.push(reportAt({ check: suppressionsNotAccepted, messageId: "notAccepted", document: baseline, path: ["suppressions", file, rule], data: { file, rule } }));
        continue;
      }
      if (entry.expires !== undefined && entry.expires < options.asOf) {
        const data = { file, rule, expires: entry.expires, found: found.length };
        diagnostics.push(reportAt({ check: suppressionsExpired, messageId: "expired", document: baseline, path: ["suppressions", file, rule, "expires"], data, words: { findings: `${found.length} ${found.length === 1 ? "finding is" : "findings are"}` } }));
        continue;
      }
      found.slice(0, entry.count).forEach((d) => hidden.add(d));
      for (const d of found.slice(entry.count)) over.set(d, { count: entry.count, found: found.length });
      // Without the data, data-aware rules did not run: no finding of a rule proves nothing.
      const ran = options.complete !== false || found.length > 0;
      if (ran && found.length < entry.count) {
        const data = { file, rule, count: entry.count, found: found.length };
        diagnostics.push(reportAt({ check: suppressionsUnused, messageId: "unused", document: baseline, path: ["suppressions", file, rule, "count"], data, words: { findingsWord: entry.count === 1 ? "finding" : "findings", verb: found.length === 1 ? "is" : "are" } }));
      }
    }
  }
  const reported: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of findings) {
    if (hidden.has(d)) {
      suppressed.push(d);
      continue;
    }
    const excess = over.get(d);
    reported.push(excess ? { ...d, hint: `${d.hint ? `${d.hint} ` : ""}(seg-suppressions.json accepts ${excess.count} of the ${excess.found} ${d.ruleId} findings in this file.)` } : d);
  }
  return { reported, suppressed, diagnostics };
}

export interface SuppressionsUpdate {
  /** Record the current findings of every rule, of these rules, or of none. */
  add: "all" | readonly string[];
  /** Lower counts to the current findings and drop entries with none left. */
  prune: boolean;
}

/**
 * The next baseline: counts of the current candidate `findings` for the rules
 * added (keeping existing reasons and expiry dates, "baseline" otherwise), and
 * with `prune`, no entry accepting more than is found.
 */
export function updateSuppressions(existing: Suppressions | undefined, findings: readonly Diagnostic[], update: SuppressionsUpdate): Suppressions {
  const groups = groupFindings(findings);
  const next: Suppressions["suppressions"] = {};
  for (const [file, rules] of Object.entries(existing?.suppressions ?? {})) {
    for (const [rule, entry] of Object.entries(rules)) {
      const found = groups.get(file)?.get(rule)?.length ?? 0;
      if (update.prune && found === 0) continue;
      (next[file] ??= {})[rule] = update.prune ? { ...entry, count: Math.min(entry.count, found) } : { ...entry };
    }
  }
  for (const [file, rules] of groups) {
    for (const [rule, found] of rules) {
      if (update.add !== "all" && !update.add.includes(rule)) continue;
      const entry = next[file]?.[rule];
      (next[file] ??= {})[rule] = { ...entry, count: found.length, reason: entry?.reason ?? BASELINE_REASON };
    }
  }
  return { ...(existing?.$schema !== undefined ? { $schema: existing.$schema } : {}), version: 1, suppressions: next };
}

/** How many findings a baseline accepts, and in how many file/rule entries. */
export function countSuppressions(value: Suppressions): { findings: number; entries: number } {
  const entries = Object.values(value.suppressions).flatMap((rules) => Object.values(rules));
  return { findings: entries.reduce((sum, e) => sum + e.count, 0), entries: entries.length };
}
