/** "2 errors, 1 warning, 3 info" and "4 problems": the count phrases every human-facing format shares. */
import { plural } from "../text/plural.ts";
import type { FormatInput } from "./formatter.ts";

/** "2 errors, 1 warning" (info only when there is some). */
export function severityCounts(counts: FormatInput["counts"]): string {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}${counts.info ? `, ${counts.info} info` : ""}`;
}

/** "**✖ 3 problems** (2 errors, 1 warning) · 4 suppressed · as of 2026-11-01" for Markdown reports. */
export function markdownSummaryLine(input: FormatInput): string {
  const total = input.counts.error + input.counts.warning + input.counts.info;
  const head = total === 0 ? "**✔ No problems**" : `**✖ ${plural(total, "problem")}** (${severityCounts(input.counts)})`;
  const suppressed = input.suppressed ? ` · ${input.suppressed} suppressed` : "";
  return `${head}${suppressed} · as of ${input.asOf}\n`;
}
