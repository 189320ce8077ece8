/**
 * A Markdown table of findings (location, severity, rule, message) sorted by
 * severity, that never exceeds a byte budget: rows that do not fit become one
 * "… and N more" line. Shared by the markdown format and GitHub's step summary.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import { escapeMarkdown } from "../text/escape-markdown.ts";
import { truncateText } from "../text/truncate-text.ts";
import type { FormatOptions } from "./formatter.ts";
import { repositoryPath } from "./repository-path.ts";
import { withSeparators } from "../text/number-format.ts";

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const LABEL: Record<Severity, string> = { error: "**error**", warning: "warning", info: "info" };
const MAX_MESSAGE = 400;
const MAX_HINT = 200;

const HEADER = "| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n";

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Errors first, then warnings, then info; the given order within each. */
function sortBySeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d, i) => ({ d, i })).sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.i - b.i).map(({ d }) => d);
}

function findingRow(d: Diagnostic, options: FormatOptions): string {
  const where = escapeMarkdown(`${repositoryPath(d.file, options)}:${d.line}`);
  const message = escapeMarkdown(truncateText(d.message, MAX_MESSAGE));
  const hint = d.hint ? `<br><sub>→ ${escapeMarkdown(truncateText(d.hint, MAX_HINT))}</sub>` : "";
  return `| ${where} | ${LABEL[d.severity]} | ${escapeMarkdown(d.ruleId)} | ${message}${hint} |\n`;
}

function moreLine(n: number): string {
  return `\n… and ${withSeparators(n)} more ${n === 1 ? "finding" : "findings"}; run \`seg check\` for all of them.\n`;
}

/**
 * The table, or "" for no findings. Its UTF-8 size never exceeds `budget`; when
 * not even the header and the "more" line fit, only the "more" line is returned
 * (and "" when that does not fit either).
 */
export function markdownFindings(diagnostics: readonly Diagnostic[], options: FormatOptions, budget: number): string {
  if (diagnostics.length === 0) return "";
  const sorted = sortBySeverity(diagnostics);
  const reserve = byteLength(moreLine(sorted.length));
  let text = HEADER;
  let used = byteLength(HEADER);
  let shown = 0;
  for (const d of sorted) {
    const row = findingRow(d, options);
    const size = byteLength(row);
    const rest = shown + 1 === sorted.length ? 0 : reserve;
    if (used + size + rest > budget) break;
    text += row;
    used += size;
    shown++;
  }
  if (shown === sorted.length) return text;
  if (shown === 0) return reserve <= budget ? moreLine(sorted.length).trimStart() : "";
  return text + moreLine(sorted.length - shown);
}
