/** Diff report formats by name: the table `--format` reads. */
import type { DiffResult } from "../diff-result.ts";
import { formatJson } from "./json.ts";
import { formatMarkdown } from "./markdown.ts";
import { formatStylish } from "./stylish.ts";

export type DiffFormatter = (result: DiffResult, options: { color: boolean }) => string;

export const diffFormatters: Record<string, DiffFormatter> = {
  json: (result) => formatJson(result),
  markdown: (result) => formatMarkdown(result),
  stylish: formatStylish,
};

export const diffFormatNames = Object.keys(diffFormatters).sort();
