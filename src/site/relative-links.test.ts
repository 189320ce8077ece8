import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { relativizeLinks } from "./relative-links.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), "seg-relative-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("relativizeLinks", () => {
  it("makes site-absolute references relative to each page and names folders' index.html", () => {
    const root = site({
      "index.html": '<a href="/playbook/">Home</a><a href="/playbook/segments/loyal/#size">Loyal</a><link rel="stylesheet" href="/playbook/_astro/a.css">',
      "segments/loyal/index.html": '<a href="/playbook">Home</a> <a href="/playbook/segments">All</a> <img src="/playbook/charts/x.svg"> <form action="/playbook/search/"></form> <div data-index="/playbook/search.json" data-base="/playbook/"></div>',
      "segments/index.html": "",
      "search/index.html": "",
      "404.html": '<a href="/playbook/">Home</a>',
      "_astro/a.css": "body { background: url(/playbook/charts/bg.svg) }",
    });
    expect(relativizeLinks(root, "/playbook")).toBe(3);
    expect(readFileSync(join(root, "index.html"), "utf8")).toBe('<a href="index.html">Home</a><a href="segments/loyal/index.html#size">Loyal</a><link rel="stylesheet" href="_astro/a.css">');
    expect(readFileSync(join(root, "segments/loyal/index.html"), "utf8")).toBe(
      '<a href="../../index.html">Home</a> <a href="../index.html">All</a> <img src="../../charts/x.svg"> <form action="../../search/index.html"></form> <div data-index="../../search.json" data-base="/playbook/"></div>',
    );
    expect(readFileSync(join(root, "_astro/a.css"), "utf8")).toBe("body { background: url(../charts/bg.svg) }");
    // Servers send 404.html at any depth: it keeps its site-absolute links.
    expect(readFileSync(join(root, "404.html"), "utf8")).toBe('<a href="/playbook/">Home</a>');
  });

  it("relinks every candidate of a srcset and keeps its descriptors (the phone variants of charts)", () => {
    const root = site({
      "segments/loyal/index.html": '<picture><source media="(max-width: 40rem)" srcset="/playbook/charts/a--narrow.svg" width="298"><img src="/playbook/charts/a.svg"></picture><img srcset="/playbook/charts/b.png 1x, /playbook/charts/b@2x.png 2x, https://example.com/c.png 3x">',
    });
    expect(relativizeLinks(root, "/playbook")).toBe(1);
    expect(readFileSync(join(root, "segments/loyal/index.html"), "utf8")).toBe(
      '<picture><source media="(max-width: 40rem)" srcset="../../charts/a--narrow.svg" width="298"><img src="../../charts/a.svg"></picture><img srcset="../../charts/b.png 1x, ../../charts/b@2x.png 2x, https://example.com/c.png 3x">',
    );
  });

  it("leaves external, protocol-relative, fragment and out-of-base references alone", () => {
    const page = '<a href="https://example.com/">x</a><a href="//cdn.example/x.js">y</a><a href="#main">z</a><a href="/elsewhere/">w</a><a href="mailto:a@b.c">m</a>';
    const root = site({ "index.html": page });
    expect(relativizeLinks(root, "/playbook")).toBe(0);
    expect(readFileSync(join(root, "index.html"), "utf8")).toBe(page);
  });
});
