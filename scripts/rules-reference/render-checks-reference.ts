/** Markdown for every built-in check of the registry (src/checks): one table, then each check's messages. */
import type { Check } from "../../src/checks/define-check.ts";

const LEVELS: Record<string, string> = { error: "error", warning: "warn", info: "info" };

export function renderChecksReference(checks: readonly Check[]): string {
  const out: string[] = [
    "## Built-in checks",
    "",
    "<!-- Generated from the checks registry (src/checks) by node scripts/generate-rules-reference.ts; do not edit by hand. -->",
    "",
    "Besides the rules, Seg checks that files parse and match their schema, that every name resolves, that expressions",
    "and bodies are safe, and that the data holds what its declaration says. Their findings carry these ids. A check",
    "marked *accepted* may be recorded in seg-suppressions.json (`--suppress-rule <id>`) or disabled by a `seg-disable`",
    "directive; the others stop the recompute or guard the baseline itself, so their findings can only be fixed.",
    "",
    "| check | default | description | findings |",
    "| --- | --- | --- | --- |",
  ];
  for (const check of checks) out.push(`| \`${check.id}\` | ${LEVELS[check.defaultSeverity]} | ${cell(check.description)} | ${check.suppressible ? "accepted" : "fix only"} |`);
  for (const check of checks) {
    out.push("", `### ${check.id}`, "", `${cell(check.description)}. Default: \`${LEVELS[check.defaultSeverity]}\`.${check.blocking ? " Its error stops the recompute, so under `rules:` it can only be set to `error`." : ""}`, "", `**What to do:** ${cell(check.hint)}`, "", "Messages:", "");
    for (const [id, template] of Object.entries(check.messages) as [string, string][]) {
      out.push(`- \`${id}\`: ${template === "{{problem}}" ? "worded by the reader or checker that finds the problem" : cell(template).replace(/\{\{\s*(\w+)\s*\}\}/g, "‹$1›")}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}
