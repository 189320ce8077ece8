/** The span of a node of the `yaml` document tree. */
import type { Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.ts";
import { spanAt, type SourceFile } from "./source-file.ts";

/**
 * Text offsets of a YAML node; `base` is where the YAML text starts inside the
 * file (non-zero for MDX frontmatter).
 */
export function nodeSpan(file: SourceFile, node: Node | null | undefined, base: number): Span {
  const range = node?.range;
  if (!range) return spanAt(file, base, base);
  return spanAt(file, base + range[0], base + range[1]);
}
