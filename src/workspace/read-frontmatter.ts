/**
 * Split a Markdown/MDX file into its YAML frontmatter (between `---` lines at
 * the very top) and its body, keeping offsets so diagnostics point into the
 * original file.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { spanAt, type SourceFile } from "./source-file.ts";

export interface Frontmatter {
  /** Offset of the YAML text in the file. */
  base: number;
  yaml: string;
  /** Offset where the body starts. */
  bodyStart: number;
  body: string;
}

export function splitFrontmatter(file: SourceFile): { frontmatter: Frontmatter | undefined; diagnostics: Diagnostic[] } {
  const text = file.text;
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return missing(file, "The file has no frontmatter.", "Start the file with a YAML block between two '---' lines holding its fields (id, name, ...).", 0);
  const base = open[0].length;
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  close.lastIndex = base;
  const rest = text.slice(base);
  const match = close.exec(rest);
  if (!match) return missing(file, "The frontmatter is not closed.", "End the YAML block with a line holding only '---'.", 3);
  const yaml = rest.slice(0, match.index);
  const bodyStart = base + match.index + match[0].length;
  return { frontmatter: { base, yaml, bodyStart, body: text.slice(bodyStart) }, diagnostics: [] };
}

/** No frontmatter to read: the one error, at the start of the file (`end` characters of it). */
function missing(file: SourceFile, message: string, hint: string, end: number): { frontmatter: undefined; diagnostics: Diagnostic[] } {
  return {
    frontmatter: undefined,
    diagnostics: [{ ruleId: "yaml/missing-frontmatter", messageId: "problem", severity: "error", message, hint, file: file.path, ...spanAt(file, 0, end) }],
  };
}
