/**
 * Run every enabled rule over the workspace and facts, turning each finding's
 * path into file:line:col. Invalid rule options in segmentation.yaml are
 * reported at the option's node.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { diagnosticsFromZod } from "../diagnostics/from-zod.ts";
import { formatMessage, type Facts, type Rule } from "../rules/define-rule.ts";
import { locateKey, spanOfPath } from "../workspace/locate.ts";
import { spanIn } from "../workspace/read-document.ts";
import { nodeSpan } from "../workspace/yaml-node-span.ts";
import type { Workspace } from "../workspace/workspace.ts";
import type { RuleSetting } from "../schema/rule-setting.ts";
import { configurableChecks, findConfigurableCheck } from "./configurable-checks.ts";
import { effectiveSetting } from "./rule-config.ts";

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function runRules(registry: readonly Rule<never>[], workspace: Workspace, facts: Facts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const config = workspace.config;
  out.push(...checkRuleNames(registry, workspace));
  for (const rule of registry) {
    const configured = config ? effectiveSetting(rule.id, rule.defaultSeverity, config.value, "segmentation.yaml") : undefined;
    const parsed = (rule.options as Rule["options"]).safeParse(configured?.options ?? {});
    if (!parsed.success) {
      if (config) {
        const path = ["rules", rule.id, 1];
        out.push(
          ...diagnosticsFromZod(parsed.error.issues, rule.options, configured?.options, {
            file: config.file.path,
            spanOf: (p) => spanOfPath(config.file, config.doc, [...path, ...p], config.base),
            keySpanOf: (p, key) => {
              const node = locateKey(config.doc, [...path, ...p], key);
              return node ? nodeSpan(config.file, node, config.base) : undefined;
            },
          }).map((d) => ({ ...d, message: `Rule ${rule.id}: ${d.message}` })),
        );
      }
      continue;
    }
    rule.check({
      workspace,
      facts,
      options: parsed.data as never,
      segmentsOf: (scheme) => workspace.segments.filter((s) => scheme === undefined || s.scheme === scheme),
      report: (finding) => {
        const file = finding.document.file.path;
        const setting = effectiveSetting(rule.id, rule.defaultSeverity, config?.value, file);
        if (setting.severity === "off") return;
        out.push({
          ruleId: rule.id,
          severity: finding.severity && SEVERITY_RANK[finding.severity] > SEVERITY_RANK[setting.severity] ? finding.severity : setting.severity,
          message: formatMessage(rule.messages[finding.messageId] ?? finding.messageId, finding.data),
          hint: finding.hint ?? rule.hint,
          file,
          ...spanIn(finding.document, finding.path),
          data: { messageId: finding.messageId, ...finding.data },
        });
      },
    });
  }
  return out;
}

function checkRuleNames(registry: readonly Rule<never>[], workspace: Workspace): Diagnostic[] {
  const config = workspace.config;
  if (!config) return [];
  const ids = [...registry.map((r) => r.id), ...configurableChecks.map((c) => c.id)];
  const out: Diagnostic[] = [];
  const check = (settings: Record<string, RuleSetting>, path: (string | number)[]) => {
    for (const [name, setting] of Object.entries(settings)) {
      const node = locateKey(config.doc, path, name);
      const at = { file: config.file.path, ...(node ? nodeSpan(config.file, node, config.base) : spanIn(config, path)) };
      const configurable = findConfigurableCheck(name);
      if (configurable) {
        const [level, options] = typeof setting === "string" ? [setting, undefined] : [setting[0], setting[1]];
        if (configurable.blocking && level !== "error") {
          out.push({
            ruleId: "schema/invalid-value",
            severity: "error",
            message: `"${name}" cannot be set to ${level}: its error stops the recompute (${configurable.description.toLowerCase()}), so it can only be fixed.`,
            hint: "Fix the data or the declaration instead, or remove the setting.",
            ...at,
          });
        } else if (options !== undefined && Object.keys(options).length > 0) {
          out.push({ ruleId: "schema/invalid-value", severity: "error", message: `"${name}" takes no options.`, hint: `Write ${name}: ${level}.`, ...at });
        }
        continue;
      }
      if (ids.includes(name)) continue;
      const suggestion = didYouMean(name, ids);
      out.push({
        ruleId: "unknown-reference",
        severity: "error",
        message: `Unknown rule "${name}".`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : "Run seg check --help or see the rules table in the README for rule ids.",
        ...at,
      });
    }
  };
  check(config.value.rules, ["rules"]);
  config.value.overrides.forEach((o, i) => check(o.rules, ["overrides", i, "rules"]));
  return out;
}
