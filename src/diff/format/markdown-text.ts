/**
 * Markdown building blocks that are safe for text from the workspace: cells
 * escaped (HTML, table pipes), @-mentions defused so a PR comment never pings
 * anyone, long values shortened, and tables cut with "… N more".
 */
import { escapeMarkdown } from "../../text/escape-markdown.ts";
import { truncateText } from "../../text/truncate-text.ts";
import { withSeparators } from "../../text/number-format.ts";

const MAX_CELL = 240;

/** Text safe in a table cell or summary, shortened to `max` characters. */
export function escapeText(text: string, max = MAX_CELL): string {
  return escapeMarkdown(truncateText(text, max));
}

export function code(text: string, max = MAX_CELL): string {
  return `<code>${escapeText(text, max)}</code>`;
}

export interface TableOptions {
  /** Rows shown; the rest are summarized in one "… N more" line. */
  limit: number;
  /** Column alignment, "l" or "r" per column. */
  align?: string;
}

/** A GFM table of the first `limit` items, each rendered to cells (escape them in `render`). */
export function table<T>(header: readonly string[], items: readonly T[], render: (item: T) => readonly string[], options: TableOptions): string {
  const align = options.align ?? "l".repeat(header.length);
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (align[i] === "r" ? "---:" : "---")).join("|")}|`];
  for (const item of items.slice(0, options.limit)) lines.push(`| ${render(item).join(" | ")} |`);
  const more = items.length - options.limit;
  if (more > 0) lines.push(`| … ${withSeparators(more)} more |${" |".repeat(header.length - 1)}`);
  return lines.join("\n");
}

export function details(summary: string, body: string, open = false): string {
  return `<details${open ? " open" : ""}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
