/**
 * Map an offset inside a scalar's parsed value (e.g. the column of an error in a
 * `where:` expression) back to an offset in the file. Plain, quoted and block
 * scalars differ in how source text becomes the value (quotes, escapes, folded
 * line breaks, indentation), so the value is aligned with its source text
 * character by character.
 */
import { isScalar, type Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.ts";
import { locate, type PathSegment } from "./locate.ts";
import type { LoadedDocument } from "./read-document.ts";
import { spanAt } from "./source-file.ts";

export interface ScalarText {
  value: string;
  /** The span in the file of the characters value[start..end). */
  spanOf(start: number, end: number): Span;
}

export function scalarText(document: LoadedDocument<unknown>, path: readonly PathSegment[]): ScalarText | undefined {
  const { node, depth } = locate(document.doc, path);
  if (depth !== path.length || !isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
  const value = node.value;
  const offsets = alignValueToSource(value, document.file.text, document.base + node.range[0], document.base + node.range[1], node as Node);
  return {
    value,
    spanOf(start, end) {
      const a = offsets[Math.min(start, value.length)] ?? document.base + node.range![0];
      const lastChar = end > start ? (offsets[Math.min(end, value.length) - 1] ?? a) + 1 : a;
      return spanAt(document.file, a, Math.max(a, lastChar));
    },
  };
}

/** offsets[i] = file offset of value[i]; offsets[value.length] = just past the last one. */
function alignValueToSource(value: string, text: string, start: number, end: number, node: Node): number[] {
  const type = (node as { type?: string }).type;
  let s = start;
  if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") s += 1;
  else if (type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED") {
    const newline = text.indexOf("\n", s);
    s = newline === -1 ? end : newline + 1;
  }
  const offsets: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    let found = -1;
    for (let j = s; j < end; j++) {
      const c = text[j]!;
      if (c === ch || (ch === " " && (c === "\n" || c === "\r"))) {
        found = j;
        break;
      }
      if (ch === "\n" && c === "\n") {
        found = j;
        break;
      }
    }
    if (found === -1) found = s;
    offsets.push(found);
    s = found + 1;
  }
  offsets.push(value.length > 0 ? (offsets[value.length - 1] ?? start) + 1 : s);
  return offsets;
}
