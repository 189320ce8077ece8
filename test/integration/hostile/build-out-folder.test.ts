/**
 * `seg build --out` replaces the output folder as a whole, so it refuses any
 * folder whose loss would hurt: the workspace, a folder that contains it, a
 * link, .git, a folder of workspace files, and a non-empty folder outside the
 * workspace that an earlier seg build did not write (marker `.seg-build`).
 * Each refusal is a usage error (exit 2) before anything is built, and the
 * folders around the workspace stay exactly as they were.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg } from "../../support/run-seg.ts";
import { BASE_FILES } from "../../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

interface Layout {
  parent: string;
  root: string;
  /** A folder beside the workspace with a file of its own. */
  sibling: string;
  env: Record<string, string>;
}

/** parent/ws (a valid, locked workspace with a git folder) and parent/other/keep.txt. */
function layout(): Layout {
  const parent = mkdtempSync(join(tmpdir(), "seg-out-"));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  const root = join(parent, "ws");
  for (const [path, text] of Object.entries(BASE_FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  mkdirSync(join(root, ".git"));
  writeFileSync(join(root, ".git/HEAD"), "ref: refs/heads/main\n");
  const sibling = join(parent, "other");
  mkdirSync(sibling);
  writeFileSync(join(sibling, "keep.txt"), "not a site\n");
  const cacheDir = mkdtempSync(join(tmpdir(), "seg-cache-"));
  cleanups.push(() => rmSync(cacheDir, { recursive: true, force: true }));
  const env = { SEG_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: "1" };
  expect(runSeg(["lock"], { cwd: root, env }).status).toBe(0);
  return { parent, root, sibling, env };
}

/** Every file under `dir` with a hash of its bytes (links listed as links). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const full = join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) continue;
    out[relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
  }
  return out;
}

describe("seg build --out", () => {
  it.each([
    ["..", /this folder contains the workspace/],
    [".", /this is the workspace itself/],
    ["../other", /is outside the workspace, is not empty and was not written by seg build \(it has no \.seg-build file\)/],
    [".git", /dot-folder of the workspace/],
    ["segments", /this folder holds segments\/usage\/heavy\.yaml, a file of the workspace/],
    ["data", /this folder holds data\/accounts\.csv, a file of the workspace/],
  ])("refuses --out %s with exit 2 and changes nothing", (out, message) => {
    const { parent, root, env } = layout();
    const before = snapshot(parent);
    const run = runSeg(["build", "--out", out], { cwd: root, env });
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^seg build: --out /);
    expect(run.status).toBe(2);
    expect(snapshot(parent)).toEqual(before);
  });

  it("refuses an output folder that is a link", () => {
    const { parent, root, sibling, env } = layout();
    symlinkSync(sibling, join(root, "dist"));
    const before = snapshot(parent);
    const run = runSeg(["build"], { cwd: root, env });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the output folder is a link; Seg does not build through links/);
    expect(snapshot(parent)).toEqual(before);
  });

  it("refuses an output folder below a broken link with exit 2, naming the link", () => {
    const { parent, root, env } = layout();
    symlinkSync(join(parent, "gone"), join(parent, "dangling"));
    const before = snapshot(parent);
    const run = runSeg(["build", "--out", "../dangling/site"], { cwd: root, env });
    expect(run.stderr).toMatch(/^seg build: --out \S+\/dangling\/site: \S+\/dangling is a broken link, so where the build would write is unknown\. Remove the link, or give another folder\.$/m);
    expect(run.status).toBe(2);
    expect(snapshot(parent)).toEqual(before);
  });

  it("builds into a new folder outside the workspace, marks it, and replaces it on the next build", () => {
    const { parent, root, sibling, env } = layout();
    const first = runSeg(["build", "--out", "../site"], { cwd: root, env });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(existsSync(join(parent, "site/.seg-build"))).toBe(true);
    expect(existsSync(join(parent, "site/index.html"))).toBe(true);
    const second = runSeg(["build", "--out", "../site"], { cwd: root, env });
    expect(second.status).toBe(0);
    expect(readFileSync(join(sibling, "keep.txt"), "utf8")).toBe("not a site\n");
    expect(readdirSync(parent).sort()).toEqual(["other", "site", "ws"]);
  });
});
