/**
 * Findings that come from the data checks and the clustering step rather than
 * from a rule, configurable under `rules:` and `overrides:` like a rule: `off`
 * hides a finding, `info`/`warn`/`error` set its severity. Checks declared
 * `blocking` in the checks registry (their error stops the recompute) can only
 * be set to `error`: there would otherwise be no data and no word why.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import { clusteringLog1pDomain, clusteringTooFewMembers } from "../checks/clustering.ts";
import * as data from "../checks/data.ts";
import type { Check } from "../checks/define-check.ts";
import type { Config } from "../schema/config.ts";
import { effectiveSetting } from "./rule-config.ts";

export interface ConfigurableCheck {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** True when an error stops the recompute: only `error` may be configured. */
  blocking: boolean;
}

const configurable = (check: Check): ConfigurableCheck => ({
  id: check.id,
  description: check.description,
  defaultSeverity: check.defaultSeverity,
  blocking: check.blocking === true,
});

/** The data checks and the clustering checks that stop a fit, from the checks registry. */
export const configurableChecks: readonly ConfigurableCheck[] = [...(Object.values(data) as Check[]), clusteringLog1pDomain, clusteringTooFewMembers]
  .map(configurable)
  .sort((a, b) => (a.id < b.id ? -1 : 1));

export function findConfigurableCheck(id: string): ConfigurableCheck | undefined {
  return configurableChecks.find((check) => check.id === id);
}

/** Apply `rules:` and `overrides:` to the findings of configurable checks; other findings pass unchanged. */
export function applyCheckSettings(diagnostics: readonly Diagnostic[], config: Config | undefined): Diagnostic[] {
  if (!config) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const check = findConfigurableCheck(d.ruleId);
    if (!check) {
      out.push(d);
      continue;
    }
    const { severity } = effectiveSetting(check.id, check.defaultSeverity, config, d.file);
    // A blocking check is never lowered (a setting that tries is reported at the setting).
    if (check.blocking && d.severity === "error") {
      out.push(d);
      continue;
    }
    if (severity === "off") continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}
