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
 * https:, mailto: or a relative path only (link-target.ts), images to http(s)
 * or a real image file inside the workspace (local-image.ts). A Markdown image
 * is an import when the site is built, so this is what keeps workspace files
 * that are not images from ever reaching the bundler.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { positionAt, spanAt } from "../workspace/source-file.ts";
import { classifyLinkTarget, ALLOWED_SCHEMES } from "./link-target.ts";
import { resolveLocalImage } from "./local-image.ts";
import { markdownReferences, parseBody, walk, type MarkdownReference, type MdastNode as Node } from "./markdown-references.ts";

export function checkMarkdownBodies(personas: readonly LoadedDocument<unknown>[], reviews: readonly LoadedDocument<unknown>[], root: string): Diagnostic[] {
  return [...personas.flatMap((p) => checkBody(p, "persona", root)), ...reviews.flatMap((r) => checkBody(r, "review note", root))];
}

export interface ReferenceProblem {
  ruleId: "markdown/link-scheme" | "markdown/image";
  message: string;
  hint: string;
}

/** Why the playbook would not publish this link or image target, or undefined when it would. */
export function referenceProblem(reference: MarkdownReference, documentPath: string, root: string): ReferenceProblem | undefined {
  const target = classifyLinkTarget(reference.url);
  if (reference.role === "link") {
    if (target.kind !== "refused") return undefined;
    return {
      ruleId: "markdown/link-scheme",
      message: `A link to a ${target.scheme}: URL is not published: it could run code or open a forged page when a reader clicks it.`,
      hint: `Link with ${ALLOWED_SCHEMES.map((s) => `${s}:`).join(", ")} or a relative path.`,
    };
  }
  if (target.kind === "refused" || (target.kind === "external" && target.scheme === "mailto")) {
    return { ruleId: "markdown/image", message: `An image from a ${target.scheme}: URL is not published.`, hint: "Use an image file in the workspace (./lee.png) or an https: URL." };
  }
  if (target.kind === "external") return undefined;
  const image = resolveLocalImage(root, documentPath, target.path);
  return image.ok ? undefined : { ruleId: "markdown/image", message: image.message, hint: image.hint };
}

/** One body. Personas may use <Metric/>; review notes no component at all. */
export function checkBody(document: LoadedDocument<unknown>, kind: "persona" | "review note", root: string): Diagnostic[] {
  const body = document.body;
  if (!body || body.text.trim() === "") return [];
  const mdx = document.file.path.endsWith(".mdx");
  const out: Diagnostic[] = [];
  const report = (node: Node | undefined, ruleId: string, message: string, hint: string) => {
    const start = body.start + (node?.position?.start.offset ?? 0);
    const end = body.start + (node?.position?.end.offset ?? 0);
    out.push({ ruleId, severity: "error", message, hint, file: document.file.path, ...spanAt(document.file, start, end) });
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
    out.push({
      ruleId: "mdx/syntax",
      severity: "error",
      message: `The ${mdx ? "MDX" : "Markdown"} body does not parse: ${text.replace(/^\d+:\d+:\s*/, "").replace(/\s*\([\w:-]+\)$/, "")}.`,
      hint: "In MDX, < and { start components and expressions: write &lt; and &#123; (or use a code span) for the literal characters.",
      file: document.file.path,
      line,
      column,
      endLine: line,
      endColumn: column + 1,
    });
    return out;
  }
  walk(tree, (node) => visit(node, mdx, kind, report));
  for (const reference of markdownReferences(tree)) {
    const problem = referenceProblem(reference, document.file.path, root);
    if (problem) report(reference.node, problem.ruleId, problem.message, problem.hint);
  }
  return out;
}

type Report = (node: Node, ruleId: string, message: string, hint: string) => void;

function visit(node: Node, mdx: boolean, kind: "persona" | "review note", report: Report): void {
  switch (node.type) {
    case "mdxjsEsm":
      report(node, "mdx/import-export", `A ${kind} may not import or export code.`, "Remove the import/export line; the only component available is <Metric />, and it needs no import.");
      return;
    case "mdxFlowExpression":
    case "mdxTextExpression":
      if (!isComment(String(node.value ?? ""))) {
        report(node, "mdx/expression", `A ${kind} may not contain {expressions}: they would run as code when the site is built.`, "Write the number with <Metric segment=\"…\" metric=\"…\" />, or escape the brace as &#123;.");
      }
      return;
    case "html":
      report(node, mdx ? "mdx/raw-html" : "markdown/raw-html", "Raw HTML is not published on the playbook.", "Use Markdown for formatting (emphasis, lists, links, tables).");
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
    report(node, "mdx/element", `${name} is not allowed in a ${kind}.`, hint);
    return;
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== "string")) {
      report(node, "mdx/attribute", `<Metric> takes quoted attributes only${attribute.name ? `; ${attribute.name} is an expression` : ""}.`, 'Write attributes as name="text", e.g. <Metric segment="power-users" metric="share" expected="15%" />.');
      return;
    }
  }
}

function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*?\*\/\s*$/.test(expression) && !expression.trim().slice(2, -2).includes("*/");
}
