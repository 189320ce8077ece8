import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadedDocument } from "../../test/support/loaded-document.ts";
import { PNG_1X1 } from "../../test/support/hostile-canary.ts";
import { publishableBody } from "./publishable-body.ts";

const root = mkdtempSync(join(tmpdir(), "seg-publishable-"));
mkdirSync(join(root, "personas"));
writeFileSync(join(root, "personas/lee.png"), PNG_1X1);
writeFileSync(join(root, "personas/helper.js"), "export default 1;\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HEAD = "---\nid: lee\n---\n";
const body = (path: string, text: string) => publishableBody(loadedDocument(path, HEAD + text), root);

describe("publishableBody", () => {
  it("keeps an allowed body as it is and lists its local images", () => {
    const text = "See [docs](https://example.com) and ![Lee](./lee.png), twice: ![again](lee.png).\n";
    expect(body("personas/lee.mdx", text)).toEqual({ text: HEAD + text, images: ["personas/lee.png"] });
  });

  it("drops refused links (keeping their text), images and definitions, nested ones too", () => {
    const text = "A [deck](javascript:alert(1)) and ![x](./helper.js) and [![y](../../etc/passwd)](jav&#x61;script:x) and [r][e].\n\n[e]: vbscript:x\n";
    const out = body("reviews/2026-10-01-x.md", text);
    expect(out.images).toEqual([]);
    expect(out.text).toBe(`${HEAD}A deck and  and  and [r][e].\n\n\n`);
  });

  it("drops remote images, however they are written, and keeps remote links", () => {
    const text = "A ![pixel](https://tracker.example/p.gif) and ![ref][p] and [page](https://example.com).\n\n[p]: HTTP://tracker.example/q.gif\n";
    const out = body("personas/lee.mdx", text);
    expect(out.text).not.toContain("tracker.example");
    expect(out.text).toContain("[page](https://example.com)");
  });

  it("publishes no body that does not parse", () => {
    expect(body("personas/lee.mdx", "Broken <b>unclosed\n").text).toBe(HEAD);
  });
});
