/**
 * `seg build` as a subprocess: a workspace with errors is never published (an
 * existing site stays as it was, a fresh workspace gets no dist/), and a valid
 * one is built into dist/ by a real Astro build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg } from "../../support/run-seg.ts";
import { BASE_SEGMENT, tempWorkspace } from "../../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const broken = { "segments/usage/heavy.yaml": BASE_SEGMENT.replace("status: active", "status: activ") };
const MARKER = "<!-- the previously published site -->";

function brokenWorkspace(): string {
  const ws = tempWorkspace(broken);
  cleanups.push(ws.remove);
  return ws.root;
}

/** Scratch folders a build may leave next to dist/ when it goes wrong. */
const leftovers = (root: string) => readdirSync(root).filter((name) => name.includes(".building"));

describe("seg build refuses a workspace with errors", () => {
  it("exits 1, names the errors and leaves the existing dist/ untouched", () => {
    const root = brokenWorkspace();
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist/index.html"), MARKER);
    const run = runSeg(["build"], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"status" must be one of active, proposed, deprioritized, retired, but is the text "activ".');
    expect(run.stderr).toMatch(/seg build: not published: fix the \d+ errors? above first\.\n$/);
    expect(readFileSync(join(root, "dist/index.html"), "utf8")).toBe(MARKER);
    expect(readdirSync(join(root, "dist"))).toEqual(["index.html"]);
    expect(leftovers(root)).toEqual([]);
  });

  it("creates no dist/ for a fresh workspace", () => {
    const root = brokenWorkspace();
    expect(runSeg(["build"], { cwd: root }).status).toBe(1);
    expect(existsSync(join(root, "dist"))).toBe(false);
    expect(leftovers(root)).toEqual([]);
  });
});

describe("seg build on a valid workspace", () => {
  it("replaces dist/ with the built playbook, reading the data from --data-dir", () => {
    // A workspace outside the repository with no node_modules: Astro builds from Seg's own.
    const ws = tempWorkspace({});
    cleanups.push(ws.remove);
    const root = ws.root;
    const dataDir = mkdtempSync(join(tmpdir(), "seg-build-data-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    renameSync(join(root, "data"), join(dataDir, "data"));
    expect(runSeg(["lock"], { cwd: root }).stderr).toContain("does not exist");

    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist/index.html"), MARKER);

    expect(runSeg(["lock", "--data-dir", dataDir], { cwd: root }).status).toBe(0);
    const run = runSeg(["build", "--data-dir", dataDir], { cwd: root });
    expect(run.stderr).not.toMatch(/internal error|^\s{4}at /m);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Built the playbook .*to dist in [\d.]+ s/);
    const index = readFileSync(join(root, "dist/index.html"), "utf8");
    expect(index).not.toContain(MARKER);
    expect(index).toContain("Test segmentation");
    // Nothing of Astro's or Vite's is left in a workspace that had none of it.
    expect(readdirSync(root).filter((name) => name === ".astro" || name === "node_modules")).toEqual([]);
    expect(leftovers(root)).toEqual([]);
  });
});
