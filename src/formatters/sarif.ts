/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose
 * driver lists every rule (with its docs as help), and one result per finding.
 * Each result carries a partial fingerprint that does not depend on the line
 * number, so a finding whose line moves is still the same alert.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import { findingKey } from "../diagnostics/finding-key.ts";
import type { FormatInput, Formatter, FormatOptions, RuleSummary } from "./formatter.ts";
import { repositoryPath } from "./repository-path.ts";
import { ruleSummaries } from "./rule-summaries.ts";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const SEG_URL = "https://seg.dev";
/** The base that result URIs are relative to: the repository root. */
const SRCROOT = "%SRCROOT%";
const FINGERPRINT = "segFinding/v2";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

function ruleDescriptor(rule: RuleSummary) {
  const examples = rule.docs
    ? [
        ...rule.docs.bad.map((e) => `Fires on \`${e.file}\`:\n\n\`\`\`yaml\n${e.text.trimEnd()}\n\`\`\``),
        ...rule.docs.good.map((e) => `Passes:\n\n\`\`\`yaml\n${e.text.trimEnd()}\n\`\`\``),
      ]
    : [];
  const text = [rule.description, rule.docs?.rationale, rule.hint].filter(Boolean).join("\n\n");
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs?.rationale ?? rule.description },
    help: { text, markdown: [`**${rule.description}**`, rule.docs?.rationale, rule.hint && `**Fix:** ${rule.hint}`, ...examples].filter(Boolean).join("\n\n") },
    defaultConfiguration: rule.defaultSeverity === "off" ? { enabled: false } : { level: LEVEL[rule.defaultSeverity] },
  };
}

/** The located line's text, trimmed, or "" when the source is not at hand. */
function lineText(input: FormatInput, d: Diagnostic): string {
  const text = input.sources?.[d.file];
  if (text === undefined) return "";
  let start = 0;
  for (let line = 1; line < d.line; line++) {
    const next = text.indexOf("\n", start);
    if (next === -1) return "";
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? undefined : end).replace(/\s+/g, " ").trim();
}

/**
 * The finding's identity (rule, file, path, message id; diagnostics/finding-key.ts)
 * and the located line's text: stable when lines move or a message is reworded,
 * new when the finding changes. Identical findings in
 * one file are told apart by their order (":2", ":3"), as GitHub does.
 */
function fingerprints(input: FormatInput): string[] {
  const seen = new Map<string, number>();
  return input.diagnostics.map((d) => {
    const parts = [findingKey(d), lineText(input, d)];
    const hash = createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function result(d: Diagnostic, ruleIndex: number, fingerprint: string, options: FormatOptions) {
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: repositoryPath(d.file, options).split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT },
          region: { startLine: d.line, startColumn: d.column, endLine: Math.max(d.endLine, d.line), endColumn: d.endLine > d.line ? d.endColumn : Math.max(d.endColumn, d.column) },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT]: fingerprint },
  };
}

/** The repository root as a file URL ending in "/": the workspace folder less the path prefix. */
function sourceRoot(root: string, options: FormatOptions): string {
  const prefix = repositoryPath("", options).replace(/\/$/, "");
  const depth = prefix === "" ? 0 : prefix.split("/").length;
  const url = pathToFileURL(root).href.replace(/\/$/, "");
  const base = depth === 0 ? url : url.split("/").slice(0, -depth).join("/");
  return `${base}/`;
}

export const sarif: Formatter = (input, options) => {
  const rules = ruleSummaries(input, "all");
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const prints = fingerprints(input);
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Seg",
            ...(input.version ? { version: input.version, semanticVersion: input.version } : {}),
            informationUri: SEG_URL,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: sourceRoot(input.root, options) } },
        columnKind: "utf16CodeUnits",
        results: input.diagnostics.map((d, i) => result(d, index.get(d.ruleId)!, prints[i]!, options)),
        properties: { asOf: input.asOf, ...(input.suppressed ? { suppressed: input.suppressed } : {}) },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
