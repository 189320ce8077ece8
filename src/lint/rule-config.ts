/**
 * Resolve a rule's severity and options for one file: built-in default, then
 * `rules:` in segmentation.yaml, then each matching `overrides:` entry in order.
 */
import { matchesGlob } from "node:path";
import type { Severity } from "../diagnostics/diagnostic.ts";
import type { Config } from "../schema/config.ts";
import type { RuleLevel, RuleSetting } from "../schema/rule-setting.ts";

export interface EffectiveSetting {
  severity: Severity | "off";
  options: Record<string, unknown>;
}

const LEVELS: Record<RuleLevel, Severity | "off"> = { off: "off", info: "info", warn: "warning", error: "error" };

export function effectiveSetting(ruleId: string, defaultSeverity: Severity | "off", config: Config | undefined, file: string): EffectiveSetting {
  let setting: EffectiveSetting = { severity: defaultSeverity, options: {} };
  const apply = (value: RuleSetting | undefined) => {
    if (value === undefined) return;
    const [level, options] = typeof value === "string" ? [value, undefined] : [value[0], value[1]];
    setting = { severity: LEVELS[level], options: options ?? setting.options };
  };
  apply(config?.rules[ruleId]);
  for (const override of config?.overrides ?? []) {
    if (override.files.some((glob) => matchesGlob(file, glob))) apply(override.rules[ruleId]);
  }
  return setting;
}
