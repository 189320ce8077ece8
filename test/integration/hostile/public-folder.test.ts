/**
 * A workspace's public/ folder: only regular files of whitelisted types are
 * published; links (to a file or a folder outside), HTML, scripts, SVG and
 * hidden files are left out, each named in a warning, and nothing of the
 * machine outside the workspace reaches dist/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lock } from "../../../src/api/lock.ts";
import { PNG_1X1, plantCanary, type Canary } from "../../support/hostile-canary.ts";
import { runSeg } from "../../support/run-seg.ts";
import { tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

let canary: Canary;
let workspace: TempWorkspace;
beforeEach(() => {
  canary = plantCanary();
});
afterEach(() => {
  workspace?.remove();
  canary.remove();
});

describe("public/", () => {
  it("publishes whitelisted regular files only and warns about every other entry", async () => {
    workspace = tempWorkspace({
      "public/logo.png": "",
      "public/docs/handout.pdf": "%PDF-1.4\n",
      "public/evil.html": "<script>alert(document.domain)</script>",
      "public/evil.js": canary.esm("public-js"),
      "public/drawing.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      "public/.env": "TOKEN=1\n",
    });
    writeFileSync(join(workspace.root, "public/logo.png"), PNG_1X1);
    symlinkSync(canary.secretFile, join(workspace.root, "public/passwd.txt"));
    symlinkSync(canary.secretFile, join(workspace.root, "public/secret.png"));
    mkdirSync(join(canary.dir, "tree"));
    writeFileSync(join(canary.dir, "tree/inner.png"), canary.secret);
    symlinkSync(join(canary.dir, "tree"), join(workspace.root, "public/etc"));
    await lock({ root: workspace.root, today: "2026-11-01" });

    const check = runSeg(["check", "--no-data"], { cwd: workspace.root });
    const warned = [...check.stdout.matchAll(/^(public\/\S+)\n\s+1:1\s+warning\s+.*public\/not-published$/gm)].map((m) => m[1]);
    expect(warned.sort()).toEqual(["public/.env", "public/drawing.svg", "public/etc", "public/evil.html", "public/evil.js", "public/passwd.txt", "public/secret.png"]);

    const run = runSeg(["build", "--as-of", "2026-11-01"], { cwd: workspace.root });
    expect(run.status, run.stderr).toBe(0);
    const dist = join(workspace.root, "dist");
    expect(readFileSync(join(dist, "logo.png"))).toEqual(PNG_1X1);
    expect(readFileSync(join(dist, "docs/handout.pdf"), "utf8")).toBe("%PDF-1.4\n");
    for (const file of ["evil.html", "evil.js", "drawing.svg", ".env", "passwd.txt", "secret.png", "etc"]) expect(existsSync(join(dist, file)), file).toBe(false);
    expect(canary.filesWithSecret(dist)).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(canary.secret);
    expect(canary.markers()).toEqual([]);
    expect(readdirSync(join(canary.dir, "tree"))).toEqual(["inner.png"]);
  });

  it("publishes nothing of a public/ that is itself a link out of the workspace", async () => {
    mkdirSync(join(canary.dir, "site"));
    writeFileSync(join(canary.dir, "site/logo.png"), PNG_1X1);
    writeFileSync(join(canary.dir, "site/secret.pdf"), canary.secret);
    workspace = tempWorkspace({});
    symlinkSync(join(canary.dir, "site"), join(workspace.root, "public"));
    await lock({ root: workspace.root, today: "2026-11-01" });
    const run = runSeg(["build", "--as-of", "2026-11-01"], { cwd: workspace.root });
    expect(run.status, run.stderr).toBe(0);
    const dist = join(workspace.root, "dist");
    expect(existsSync(join(dist, "logo.png"))).toBe(false);
    expect(canary.filesWithSecret(dist)).toEqual([]);
    const check = runSeg(["check", "--no-data"], { cwd: workspace.root });
    expect(check.stdout).toMatch(/^public\n\s+1:1\s+warning\s+public is not published: the folder is a symbolic link/m);
  });
});
