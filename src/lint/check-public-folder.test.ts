import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkPublicFolder } from "./check-public-folder.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("checkPublicFolder", () => {
  it("lists whitelisted regular files and warns about every other entry", () => {
    dir = mkdtempSync(join(tmpdir(), "seg-public-"));
    const root = join(dir, "ws");
    for (const file of ["public/logo.png", "public/fonts/a.woff2", "public/doc.PDF", "public/page.html", "public/app.js", "public/pic.svg", "public/.hidden/x.png", "public/README"]) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), "x");
    }
    writeFileSync(join(dir, "secret.png"), "x");
    symlinkSync(join(dir, "secret.png"), join(root, "public/linked.png"));
    symlinkSync(dir, join(root, "public/outside"));
    const result = checkPublicFolder(root);
    expect(result.files).toEqual(["public/doc.PDF", "public/fonts/a.woff2", "public/logo.png"]);
    expect(result.diagnostics.map((d) => [d.file, d.ruleId, d.severity])).toEqual(
      ["public/.hidden", "public/README", "public/app.js", "public/linked.png", "public/outside", "public/page.html", "public/pic.svg"].map((f) => [f, "public/not-published", "warning"]),
    );
  });

  it("publishes nothing from a public/ that is a link, and says so", () => {
    dir = mkdtempSync(join(tmpdir(), "seg-public-"));
    mkdirSync(join(dir, "elsewhere"));
    writeFileSync(join(dir, "elsewhere/logo.png"), "x");
    mkdirSync(join(dir, "ws"));
    symlinkSync(join(dir, "elsewhere"), join(dir, "ws/public"));
    const result = checkPublicFolder(join(dir, "ws"));
    expect(result.files).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ file: "public", message: expect.stringContaining("symbolic link") }]);
  });
});
