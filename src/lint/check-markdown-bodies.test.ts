import { describe, expect, it } from "vitest";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { createSourceFile } from "../workspace/source-file.ts";
import { checkBody } from "./check-markdown-bodies.ts";

/** A persona or review file: frontmatter, then the body under test. */
function document(path: string, body: string): LoadedDocument<unknown> {
  const head = "---\nid: x\n---\n";
  const text = head + body;
  return { file: createSourceFile(path, text), doc: undefined, base: 4, value: {}, body: { start: head.length, text: body } };
}

const persona = (body: string) => checkBody(document("personas/x.mdx", body), "persona");
const review = (body: string) => checkBody(document("reviews/2026-10-01-x.md", body), "review note");

describe("checkBody", () => {
  it("accepts Markdown, comments and <Metric> with quoted attributes", () => {
    expect(persona('## Story\n\nShe is *busy*. {/* a note */}\n\nTeams like hers are <Metric segment="power-users" metric="share" expected="15%" /> of accounts.\n')).toEqual([]);
    expect(persona("Literal braces in `{code}` and\n\n```\n<script>\n```\n")).toEqual([]);
  });

  it("refuses imports and exports, which would run at build time", () => {
    expect(persona('import fs from "node:fs"\n\nText.\n')).toMatchObject([{ ruleId: "mdx/import-export", severity: "error", file: "personas/x.mdx", line: 4, column: 1 }]);
  });

  it("refuses {expressions}", () => {
    expect(persona("Secret: {process.env.TOKEN}.\n")).toMatchObject([{ ruleId: "mdx/expression", line: 4, column: 9 }]);
  });

  it("refuses components other than <Metric> and HTML elements such as <script>", () => {
    const found = persona("<script>alert(1)</script>\n\n<Chart />\n");
    expect(found.map((d) => [d.ruleId, d.line])).toEqual([
      ["mdx/element", 4],
      ["mdx/element", 6],
    ]);
  });

  it("refuses <Metric> attributes written as expressions", () => {
    expect(persona('<Metric segment="a" metric={"sh" + "are"} />\n')).toMatchObject([{ ruleId: "mdx/attribute" }]);
  });

  it("reports a body that does not parse at its line and column", () => {
    expect(persona("Fine.\n\nBroken <b>unclosed\n")).toMatchObject([{ ruleId: "mdx/syntax", line: 6 }]);
  });

  it("refuses raw HTML and any component in review notes", () => {
    expect(review("Met on Tuesday.\n\n<iframe src=\"https://example.com\"></iframe>\n").map((d) => d.ruleId)).toEqual(["markdown/raw-html"]);
    expect(review("Plain **Markdown** is fine.\n")).toEqual([]);
  });
});
