/**
 * A report fit for a pull-request comment: a summary line and one table of
 * findings, errors first. However many findings there are, the text stays under
 * MARKDOWN_MAX_BYTES (GitHub refuses comments over 65,536 characters; the rest
 * leaves room for whatever the comment is wrapped in).
 */
import type { Formatter } from "./formatter.ts";
import { byteLength, markdownFindings } from "./markdown-findings.ts";
import { markdownSummaryLine } from "./summarize-counts.ts";

export const MARKDOWN_MAX_BYTES = 60_000;

export const markdown: Formatter = (input, options) => {
  const head = `### Seg check\n\n${markdownSummaryLine(input)}`;
  if (input.diagnostics.length === 0) return head;
  return `${head}\n${markdownFindings(input.diagnostics, options, MARKDOWN_MAX_BYTES - byteLength(head) - 1)}`;
};
