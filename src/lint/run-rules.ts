/**
 * Run every enabled rule over the workspace and facts, turning each finding's
 * path into file:line:col. Severity and options are resolved per file
 * (`rules:`, then each matching `overrides:` entry): a rule runs once per
 * distinct set of options in use, and each run keeps the findings in the files
 * those options apply to. Invalid rule options, in `rules:` or in an
 * override, are reported at the option's node.
 */
import { unknownReference } from "../checks/references.ts";
import { report } from "../checks/report.ts";
import { schemaInvalidValue } from "../checks/schema.ts";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { diagnosticsFromZod } from "../diagnostics/from-zod.ts";
import { formatMessage, type AnyRule, type Facts } from "../rules/define-rule.ts";
import type { Config } from "../schema/config.ts";
import { locateKey, spanOfPath, type PathSegment } from "../workspace/locate.ts";
import { spanIn, type LoadedDocument } from "../workspace/read-document.ts";
import { nodeSpan } from "../workspace/yaml-node-span.ts";
import type { Workspace } from "../workspace/workspace.ts";
import type { RuleSetting } from "../schema/rule-setting.ts";
import { configurableChecks, findConfigurableCheck } from "./configurable-checks.ts";
import { effectiveSetting } from "./rule-config.ts";

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** One set of options a rule runs with, and where in segmentation.yaml it was written. */
interface OptionSet {
  raw: Record<string, unknown>;
  path: PathSegment[] | undefined;
}

export function runRules(registry: readonly AnyRule[], workspace: Workspace, facts: Facts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const config = workspace.config;
  out.push(...checkRuleNames(registry, workspace));
  for (const rule of registry) {
    for (const set of optionSets(rule, config?.value)) {
      const parsed = rule.options.safeParse(set.raw);
      if (!parsed.success) {
        if (config && set.path) out.push(...optionDiagnostics(rule, config, set, parsed.error.issues));
        continue;
      }
      const key = JSON.stringify(set.raw);
      rule.check({
        workspace,
        facts,
        options: parsed.data,
        segmentsOf: (scheme) => workspace.segments.filter((s) => scheme === undefined || s.scheme === scheme),
        report: (finding) => {
          const file = finding.document.file.path;
          const setting = effectiveSetting(rule.id, rule.defaultSeverity, config?.value, file);
          // Another run, with the options that apply to this file, reports it.
          if (setting.severity === "off" || JSON.stringify(setting.options) !== key) return;
          out.push({
            ruleId: rule.id,
            messageId: finding.messageId,
            severity: finding.severity && SEVERITY_RANK[finding.severity] > SEVERITY_RANK[setting.severity] ? finding.severity : setting.severity,
            message: formatMessage(rule.messages[finding.messageId] ?? finding.messageId, finding.data),
            hint: finding.hint ?? rule.hint,
            file,
            ...spanIn(finding.document, finding.path),
            path: [...finding.path],
            data: { messageId: finding.messageId, ...finding.data },
          });
        },
      });
    }
  }
  return out;
}

/** The option sets a rule may run with: those of `rules:` (or none) and of every override that gives options. */
function optionSets(rule: AnyRule, config: Config | undefined): OptionSet[] {
  const base = config ? effectiveSetting(rule.id, rule.defaultSeverity, { ...config, overrides: [] }, "segmentation.yaml") : undefined;
  const sets = new Map<string, OptionSet>();
  const add = (raw: Record<string, unknown>, path: PathSegment[] | undefined) => {
    if (!sets.has(JSON.stringify(raw))) sets.set(JSON.stringify(raw), { raw, path });
  };
  add(base?.options ?? {}, config?.rules[rule.id] !== undefined ? ["rules", rule.id, 1] : undefined);
  config?.overrides.forEach((override, i) => {
    const setting = override.rules[rule.id];
    if (Array.isArray(setting) && setting[1] !== undefined) add(setting[1], ["overrides", i, "rules", rule.id, 1]);
  });
  return [...sets.values()];
}

/** Invalid options, at their node in segmentation.yaml. */
function optionDiagnostics(rule: AnyRule, config: LoadedDocument<Config>, set: OptionSet, issues: Parameters<typeof diagnosticsFromZod>[0]): Diagnostic[] {
  const path = set.path!;
  return diagnosticsFromZod(issues, rule.options, set.raw, {
    file: config.file.path,
    spanOf: (p) => spanOfPath(config.file, config.doc, [...path, ...p], config.base),
    keySpanOf: (p, key) => {
      const node = locateKey(config.doc, [...path, ...p], key);
      return node ? nodeSpan(config.file, node, config.base) : undefined;
    },
  }).map((d) => ({ ...d, message: `Rule ${rule.id}: ${d.message}`, path: [...path, ...(d.path ?? [])] }));
}

function checkRuleNames(registry: readonly AnyRule[], workspace: Workspace): Diagnostic[] {
  const config = workspace.config;
  if (!config) return [];
  const ids = [...registry.map((r) => r.id), ...configurableChecks.map((c) => c.id)];
  const out: Diagnostic[] = [];
  const check = (settings: Record<string, RuleSetting>, path: (string | number)[]) => {
    for (const [name, setting] of Object.entries(settings)) {
      const node = locateKey(config.doc, path, name);
      const at = node ? nodeSpan(config.file, node, config.base) : spanIn(config, path);
      const configurable = findConfigurableCheck(name);
      if (configurable) {
        const [level, options] = typeof setting === "string" ? [setting, undefined] : [setting[0], setting[1]];
        const place = { file: config.file.path, span: at, path: [...path, name] };
        if (configurable.blocking && level !== "error") {
          out.push(report({ check: schemaInvalidValue, messageId: "blockingCheckLevel", data: { name, level }, words: { description: configurable.description.toLowerCase() }, at: place }));
        } else if (options !== undefined && Object.keys(options).length > 0) {
          out.push(report({ check: schemaInvalidValue, messageId: "checkTakesNoOptions", data: { name, level }, at: place }));
        }
        continue;
      }
      if (ids.includes(name)) continue;
      const suggestion = didYouMean(name, ids);
      const hint = suggestion ? `Did you mean "${suggestion}"?` : "See the rules reference (docs/rules.md, or the playbook's Rules page) for rule ids.";
      out.push(report({ check: unknownReference, messageId: "unknownRule", data: { name }, hint, at: { file: config.file.path, span: at, path: [...path, name] } }));
    }
  };
  check(config.value.rules, ["rules"]);
  config.value.overrides.forEach((o, i) => check(o.rules, ["overrides", i, "rules"]));
  return out;
}
