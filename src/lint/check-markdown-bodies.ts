/**
 * The playbook renders persona bodies (MDX) and review notes (Markdown). MDX is
 * a program: an `import`, an `{expression}` or a `<script>` in a persona would
 * run at build time or ship to readers. So before anything is built, every body
 * is parsed and held to a whitelist: Markdown, `{/* comments *\/}`, and the one
 * component personas may use, `<Metric segment="…" metric="…" />`, with quoted
 * attributes only. Raw HTML is refused in both kinds of file. Each problem is
 * an error at file:line:col; none is thrown. Whether a <Metric> names a real
 * segment and metric, and whether its number still holds, is the prose-drift
 * rule's business.
 *
 * Links and images are held to the publishing policy too: links to http:,
 * https:, mailto: or a relative path only (link-target.ts), images to a real
 * image file inside the workspace (local-image.ts): never a remote URL, which
 * every reader's browser would fetch (a tracking pixel). A Markdown image
 * is an import when the site is built, so this is what keeps workspace files
 * that are not images from ever reaching the bundler.
 */
import type { Check } from "../checks/define-check.ts";
import { markdownImage, markdownLinkScheme, markdownRawHtml } from "../checks/markdown.ts";
import { mdxAttribute, mdxElement, mdxExpression, mdxImportExport, mdxRawHtml, mdxSyntax } from "../checks/mdx.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { reportAt } from "../workspace/report-at.ts";
import { positionAt } from "../workspace/source-file.ts";
import { classifyLinkTarget, ALLOWED_SCHEMES } from "./link-target.ts";
import { resolveLocalImage } from "./local-image.ts";
import { markdownReferences, parseBody, walk, type MarkdownReference, type MdastNode as Node } from "./markdown-references.ts";

export function checkMarkdownBodies(personas: readonly LoadedDocument<unknown>[], reviews: readonly LoadedDocument<unknown>[], root: string): Diagnostic[] {
  return [...personas.flatMap((p) => checkBody(p, "persona", root)), ...reviews.flatMap((r) => checkBody(r, "review note", root))];
}

/** A finding of one of the body checks: the check, its message id, the words of the message, and a hint when the check's does not fit. */
export interface BodyProblem {
  check: Check;
  messageId: string;
  words?: Record<string, string>;
  hint?: string;
}

export type ReferenceProblem = BodyProblem;

/** Why the playbook would not publish this link or image target, or undefined when it would. */
export function referenceProblem(reference: MarkdownReference, documentPath: string, root: string): ReferenceProblem | undefined {
  const target = classifyLinkTarget(reference.url);
  if (reference.role === "link") {
    if (target.kind !== "refused") return undefined;
    return { check: markdownLinkScheme, messageId: "refused", words: { scheme: target.scheme, allowed: ALLOWED_SCHEMES.map((s) => `${s}:`).join(", ") } };
  }
  if (target.kind === "refused" || (target.kind === "external" && target.scheme === "mailto")) {
    return { check: markdownImage, messageId: "refusedScheme", words: { scheme: target.scheme } };
  }
  // An image from another site is fetched by every reader's browser: a tracking pixel a pull request could add.
  if (target.kind === "external") return { check: markdownImage, messageId: "remote", words: { url: reference.url } };
  const image = resolveLocalImage(root, documentPath, target.path);
  return image.ok ? undefined : { check: markdownImage, messageId: "localImage", words: { problem: image.message }, hint: image.hint };
}

/** One body. Personas may use <Metric/>; review notes no component at all. */
export function checkBody(document: LoadedDocument<unknown>, kind: "persona" | "review note", root: string): Diagnostic[] {
  const body = document.body;
  if (!body || body.text.trim() === "") return [];
  const mdx = document.file.path.endsWith(".mdx");
  const out: Diagnostic[] = [];
  const report = (node: Node | undefined, problem: BodyProblem) => {
    const range = { start: body.start + (node?.position?.start.offset ?? 0), end: body.start + (node?.position?.end.offset ?? 0) };
    const { check, messageId, words, hint } = problem;
    out.push(reportAt({ check, messageId, document, path: ["body"], range, ...(words ? { words } : {}), ...(hint !== undefined ? { hint } : {}) }));
  };
  let tree: Node;
  try {
    tree = parseBody(body.text, mdx);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+):\s*/.exec(text);
    const bodyStart = positionAt(document.file, body.start);
    const line = at ? bodyStart.line + Number(at[1]) - 1 : bodyStart.line;
    const column = at ? (Number(at[1]) === 1 ? bodyStart.column + Number(at[2]) - 1 : Number(at[2])) : 1;
    const words = { language: mdx ? "MDX" : "Markdown", problem: text.replace(/^\d+:\d+:\s*/, "").replace(/\s*\([\w:-]+\)$/, "") };
    out.push(reportAt({ check: mdxSyntax, messageId: "unparsable", document, path: ["body"], span: { line, column, endLine: line, endColumn: column + 1 }, words }));
    return out;
  }
  walk(tree, (node) => visit(node, mdx, kind, report));
  for (const reference of markdownReferences(tree)) {
    const problem = referenceProblem(reference, document.file.path, root);
    if (problem) report(reference.node, problem);
  }
  return out;
}

type Report = (node: Node, problem: BodyProblem) => void;

function visit(node: Node, mdx: boolean, kind: "persona" | "review note", report: Report): void {
  switch (node.type) {
    case "mdxjsEsm":
      report(node, { check: mdxImportExport, messageId: "code", words: { kind } });
      return;
    case "mdxFlowExpression":
    case "mdxTextExpression":
      if (!isComment(String(node.value ?? ""))) {
        report(node, { check: mdxExpression, messageId: "expression", words: { kind } });
      }
      return;
    case "html":
      report(node, { check: mdx ? mdxRawHtml : markdownRawHtml, messageId: "html" });
      return;
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      checkElement(node, kind, report);
      return;
  }
}

function checkElement(node: Node, kind: "persona" | "review note", report: Report): void {
  if (node.name !== "Metric" || kind !== "persona") {
    const name = node.name ? `<${node.name}>` : "A fragment <>";
    const hint = kind === "persona" ? 'Use Markdown for formatting; the one component personas may use is <Metric segment="…" metric="…" />.' : "Use Markdown for formatting.";
    report(node, { check: mdxElement, messageId: "element", words: { element: name, kind }, hint });
    return;
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== "string")) {
      report(node, { check: mdxAttribute, messageId: "expression", words: { which: attribute.name ? `; ${attribute.name} is an expression` : "" } });
      return;
    }
  }
}

function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*?\*\/\s*$/.test(expression) && !expression.trim().slice(2, -2).includes("*/");
}
