/**
 * The link and image targets of a Markdown or MDX body, each with the part of
 * the text it occupies: inline links and images, autolinks, and reference
 * definitions (`[ref]: target`), which count as images when an image uses
 * them. `seg check` holds each to the publishing policy (link-target.ts,
 * local-image.ts), and the build drops any it refuses before Astro sees the
 * body, so a target Seg does not allow never becomes an href or an import.
 */
import { createRequire } from "node:module";

/**
 * The parser (satteri: a native module and some 30 others) is loaded on the first body parsed, so a
 * command on a workspace without persona or review bodies (seg lock on Online Retail) never loads it.
 */
type Satteri = typeof import("satteri");
let satteri: Satteri | undefined;
const parser = (): Satteri => (satteri ??= createRequire(import.meta.url)("satteri") as Satteri);

export interface MdastNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdastNode[];
  position?: { start: { offset: number }; end: { offset: number } };
}

export interface MarkdownReference {
  role: "link" | "image";
  url: string;
  node: MdastNode;
  /** Offsets in the body of the whole construct. */
  start: number;
  end: number;
  /** What stays when the target is dropped: a link keeps its text, an image and a definition nothing. */
  keep: { start: number; end: number } | undefined;
}

/** Throws the parser's "line:col: message" error when the body does not parse. */
export function parseBody(text: string, mdx: boolean): MdastNode {
  return (mdx ? parser().mdxToMdast(text) : parser().markdownToMdast(text)) as unknown as MdastNode;
}

export function markdownReferences(tree: MdastNode): MarkdownReference[] {
  const imageIds = new Set<string>();
  walk(tree, (node) => {
    if (node.type === "imageReference" && node.identifier) imageIds.add(node.identifier.toLowerCase());
  });
  const out: MarkdownReference[] = [];
  walk(tree, (node) => {
    if (typeof node.url !== "string" || !node.position) return;
    const span = { start: node.position.start.offset, end: node.position.end.offset };
    if (node.type === "link") out.push({ role: "link", url: node.url, node, ...span, keep: childrenSpan(node) });
    else if (node.type === "image") out.push({ role: "image", url: node.url, node, ...span, keep: undefined });
    else if (node.type === "definition") {
      const role = node.identifier && imageIds.has(node.identifier.toLowerCase()) ? "image" : "link";
      out.push({ role, url: node.url, node, ...span, keep: undefined });
    }
  });
  return out;
}

/**
 * `text` with each of `drop` replaced by the part it keeps. One nested inside
 * another is left for the next pass, which sees what the outer one kept.
 */
export function withoutReferences(text: string, drop: readonly MarkdownReference[]): string {
  const outermost = drop.filter((r) => !drop.some((o) => o !== r && o.start <= r.start && r.end <= o.end));
  let out = text;
  for (const reference of [...outermost].sort((a, b) => b.start - a.start)) {
    const kept = reference.keep ? text.slice(reference.keep.start, reference.keep.end) : "";
    out = out.slice(0, reference.start) + kept + out.slice(reference.end);
  }
  return out;
}

function childrenSpan(node: MdastNode): { start: number; end: number } | undefined {
  const children = node.children ?? [];
  const first = children[0]?.position;
  const last = children.at(-1)?.position;
  return first && last ? { start: first.start.offset, end: last.end.offset } : undefined;
}

export function walk(node: MdastNode, fn: (node: MdastNode) => void): void {
  fn(node);
  for (const child of node.children ?? []) walk(child, fn);
}
