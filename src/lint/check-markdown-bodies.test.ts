import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { createSourceFile } from "../workspace/source-file.ts";
import { checkBody } from "./check-markdown-bodies.ts";

/** A persona or review file: frontmatter, then the body under test. */
function document(path: string, body: string): LoadedDocument<unknown> {
  const head = "---\nid: x\n---\n";
  const text = head + body;
  return { file: createSourceFile(path, text), doc: undefined, base: 4, value: {}, body: { start: head.length, text: body } };
}

/** A workspace holding the files the image cases point at, and a secret outside it. */
const outside = mkdtempSync(join(tmpdir(), "seg-outside-"));
const root = join(outside, "workspace");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
mkdirSync(join(root, "personas"), { recursive: true });
writeFileSync(join(root, "personas/lee.png"), PNG);
writeFileSync(join(root, "personas/helper.js"), "export default 1;\n");
writeFileSync(join(root, "personas/fake.png"), "export default 1;\n");
writeFileSync(join(root, "personas/plain.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
writeFileSync(join(root, "personas/active.svg"), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
writeFileSync(join(outside, "secret.png"), PNG);
symlinkSync(join(outside, "secret.png"), join(root, "personas/linked.png"));
symlinkSync(outside, join(root, "elsewhere"));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const persona = (body: string) => checkBody(document("personas/x.mdx", body), "persona", root);
const review = (body: string) => checkBody(document("reviews/2026-10-01-x.md", body), "review note", root);

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

  it("accepts http(s), mailto and relative links, and images that are real image files in the workspace", () => {
    expect(persona("[a](https://example.com) [b](http://x.y) [c](mailto:a@b.c) [d](../segments/) [e](#top)\n\n![Lee](./lee.png) ![Plain](plain.svg)\n")).toEqual([]);
    expect(review("[ref]: HTTPS://example.com\n\nSee [the doc][ref] and ![Lee](../personas/lee.png).\n")).toEqual([]);
  });

  it("refuses remote images, which every reader's browser would fetch from another site (a tracking pixel), and says to commit the image", () => {
    for (const target of ["https://example.com/a.png", "HTTP://example.com/p.gif", "https&#x3a;//example.com/p.gif", "//example.com/p.gif"]) {
      expect(persona(`Intro.\n\n![x](${target})\n`), target).toMatchObject([{ ruleId: "markdown/image", severity: "error", file: "personas/x.mdx", line: 6, column: 1 }]);
    }
    const [remote] = review("Met on Tuesday.\n\n![pixel][p]\n\n[p]: https://tracker.example/p.gif\n");
    expect(remote).toMatchObject({ ruleId: "markdown/image", line: 8, column: 1 });
    expect(remote!.message).toBe("The image https://tracker.example/p.gif is loaded from another site: every reader's browser would request it, telling that site who reads the playbook and when.");
    expect(remote!.hint).toMatch(/^Commit the image to the workspace.*\.\/lee\.png/);
    // A link to a remote page (not an image) stays allowed.
    expect(persona("[pixel](https://tracker.example/p.gif)\n")).toEqual([]);
  });

  it("refuses link schemes that run code, however they are written, at the link's position", () => {
    const cases = ["[a](javascript:alert(1))", "[a](JavaScript:alert(1))", "[a](jav&#x61;script:alert(1))", "[a](jav&amp;#x61;script:alert(1))", "[a](java%73cript:alert(1))", "[a](data:text/html,<b>x</b>)", "[a](vbscript:msgbox)", "[a](\tjavascript:alert(1))", "[a](file:///etc/passwd)"];
    for (const link of cases) expect(review(`Text.\n\nSee ${link} now.\n`), link).toMatchObject([{ ruleId: "markdown/link-scheme", severity: "error", line: 6, column: 5 }]);
    expect(review("<javascript:alert(1)>\n")).toMatchObject([{ ruleId: "markdown/link-scheme", line: 4, column: 1 }]);
    expect(review("See [it][x].\n\n[x]: javascript:alert(1)\n")).toMatchObject([{ ruleId: "markdown/link-scheme", line: 6, column: 1 }]);
  });

  it("refuses images that are not image files inside the workspace, without echoing their content", () => {
    const found = (target: string) => persona(`Intro.\n\n![x](${target})\n`);
    for (const target of ["./helper.js", "../../../../etc/passwd", "./fake.png", "./linked.png", "../elsewhere/secret.png", "./missing.png", "./lee.png?raw", "/etc/passwd", "./active.svg", "data:image/png;base64,AAAA", "javascript:alert(1)"]) {
      const diagnostics = found(target);
      expect(diagnostics, target).toMatchObject([{ ruleId: "markdown/image", severity: "error", file: "personas/x.mdx", line: 6, column: 1 }]);
      expect(diagnostics[0]!.message).not.toContain("export default");
    }
    expect(persona("![x][img]\n\n[img]: ./helper.js\n")).toMatchObject([{ ruleId: "markdown/image", line: 6, column: 1 }]);
  });
});
