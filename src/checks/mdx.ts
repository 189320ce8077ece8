/**
 * Persona and review bodies hold Markdown and, in personas, the one component
 * <Metric />: MDX is a program, so anything that would run when the site is
 * built is refused (lint/check-markdown-bodies.ts).
 */
import { defineCheck } from "./define-check.ts";

export const mdxSyntax = defineCheck({
  id: "mdx/syntax",
  description: "Persona and review bodies parse as MDX or Markdown",
  defaultSeverity: "error",
  messages: { unparsable: "The {{language}} body does not parse: {{problem}}." },
  hint: "In MDX, < and { start components and expressions: write &lt; and &#123; (or use a code span) for the literal characters.",
});

export const mdxImportExport = defineCheck({
  id: "mdx/import-export",
  description: "Bodies import and export no code",
  defaultSeverity: "error",
  messages: { code: "A {{kind}} may not import or export code." },
  hint: "Remove the import/export line; the only component available is <Metric />, and it needs no import.",
});

export const mdxExpression = defineCheck({
  id: "mdx/expression",
  description: "Bodies hold no {expressions}",
  defaultSeverity: "error",
  messages: { expression: "A {{kind}} may not contain {expressions}: they would run as code when the site is built." },
  hint: 'Write the number with <Metric segment="…" metric="…" />, or escape the brace as &#123;.',
});

export const mdxRawHtml = defineCheck({
  id: "mdx/raw-html",
  description: "MDX bodies hold no raw HTML",
  defaultSeverity: "error",
  messages: { html: "Raw HTML is not published on the playbook." },
  hint: "Use Markdown for formatting (emphasis, lists, links, tables).",
});

export const mdxElement = defineCheck({
  id: "mdx/element",
  description: "Personas use no component but <Metric />; review notes none",
  defaultSeverity: "error",
  messages: { element: "{{element}} is not allowed in a {{kind}}." },
  hint: "Use Markdown for formatting; the one component personas may use is <Metric segment=\"…\" metric=\"…\" />.",
});

export const mdxAttribute = defineCheck({
  id: "mdx/attribute",
  description: "<Metric /> takes quoted attributes only",
  defaultSeverity: "error",
  messages: { expression: "<Metric> takes quoted attributes only{{which}}." },
  hint: 'Write attributes as name="text", e.g. <Metric segment="power-users" metric="share" expected="15%" />.',
});
