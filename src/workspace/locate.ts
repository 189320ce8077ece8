/**
 * One locator: turn a path inside a parsed YAML document (as reported by zod or
 * a rule) into the node it names. When the path runs past what exists (a
 * missing key), the deepest existing node is returned together with the key
 * that owns it, so a message can point at `goals:` for a missing `goals.focus`.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "./source-file.ts";
import { nodeSpan } from "./yaml-node-span.ts";

export type PathSegment = string | number;

export interface Located {
  /** The node at the path, or the deepest ancestor that exists. */
  node: Node | undefined;
  /** The key node of the pair holding `node`, when `node` is a mapping value. */
  key: Node | undefined;
  /** How many path segments were found. */
  depth: number;
}

export function locate(doc: Document | undefined, path: readonly PathSegment[]): Located {
  let node: Node | undefined = (doc?.contents ?? undefined) as Node | undefined;
  let key: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      key = pair.key as Node;
      node = (pair.value ?? pair.key) as Node;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      key = undefined;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, key, depth };
}

/** The key node of a mapping entry: for pointing at an unknown or misplaced key. */
export function locateKey(doc: Document | undefined, path: readonly PathSegment[], key: string): Node | undefined {
  const { node, depth } = locate(doc, path);
  if (depth !== path.length || !isMap(node)) return undefined;
  const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return pair ? (pair.key as Node) : undefined;
}

/**
 * The span to report for a path: the node itself when it exists; otherwise the
 * key of the deepest ancestor (or the ancestor), so the message lands on the
 * mapping that lacks the entry.
 */
export function spanOfPath(file: SourceFile, doc: Document | undefined, path: readonly PathSegment[], base: number): Span {
  const found = locate(doc, path);
  if (found.depth === path.length) {
    // A block mapping or list spans many lines; its key is the place to point at.
    const block = (isMap(found.node) || isSeq(found.node)) && !(found.node as { flow?: boolean }).flow;
    return nodeSpan(file, block && found.key ? found.key : found.node, base);
  }
  if (found.key) return nodeSpan(file, found.key, base);
  const start = nodeSpan(file, found.node, base);
  return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column };
}
