/** Page data for the rules reference, from the rule registry's own metadata. */
import { effectiveSetting } from "../../lint/rule-config.ts";
import type { AnyRule } from "../../rules/define-rule.ts";
import type { Config } from "../../schema/config.ts";

export interface SiteRule {
  id: string;
  description: string;
  defaultSeverity: string;
  /** The severity this workspace runs it at (rules: in segmentation.yaml). */
  severity: string;
  hint: string;
  rationale: string;
  messages: string[];
  bad: { file: string; text: string }[];
  good: { file: string; text: string }[];
}

export function buildRules(registry: readonly AnyRule[], config: Config | undefined): SiteRule[] {
  return registry.map((rule) => ({
    id: rule.id,
    description: rule.description,
    defaultSeverity: rule.defaultSeverity,
    severity: effectiveSetting(rule.id, rule.defaultSeverity, config, "segmentation.yaml").severity,
    hint: rule.hint,
    rationale: rule.docs.rationale,
    messages: Object.values(rule.messages),
    bad: rule.docs.bad.map((e) => ({ file: e.file, text: e.text })),
    good: rule.docs.good.map((e) => ({ file: e.file, text: e.text })),
  }));
}
