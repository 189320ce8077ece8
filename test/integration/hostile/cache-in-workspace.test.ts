/**
 * The cache is trusted: its entries stand for typed sources, load records,
 * feature columns, clusterings and metrics. So a cache folder inside the
 * workspace (named by SEG_CACHE_DIR or XDG_CACHE_HOME, as written or through a
 * link) is refused with exit 2 before anything is read, as profiles inside the
 * workspace are: a fork's pull request could otherwise ship entries that
 * `seg check` would report as the data's. A cache folder outside that cannot be
 * used (a file where one of its folders belongs) only costs time.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg } from "../../support/run-seg.ts";
import { tempWorkspace } from "../../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function workspace(): string {
  const ws = tempWorkspace();
  cleanups.push(ws.remove);
  return ws.root;
}

function outsideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-cache-outside-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("a cache folder inside the workspace", () => {
  it("seg check refuses SEG_CACHE_DIR inside the workspace, with exit 2 and no stack", () => {
    const root = workspace();
    const run = runSeg(["check"], { cwd: root, env: { SEG_CACHE_DIR: join(root, ".seg-cache") } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^seg check: Refusing the cache folder .*\.seg-cache \(\$SEG_CACHE_DIR\): it is inside the workspace .*--no-cache\.\n$/);
    expect(run.stdout).toBe("");
    expect(existsSync(join(root, ".seg-cache"))).toBe(false);
  });

  it("seg lock refuses XDG_CACHE_HOME inside the workspace and writes no lock", () => {
    const root = workspace();
    const run = runSeg(["lock"], { cwd: root, env: { SEG_CACHE_DIR: "", XDG_CACHE_HOME: join(root, "cache") } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\$XDG_CACHE_HOME\/seg\): it is inside the workspace/);
    expect(existsSync(join(root, "segments.lock.json"))).toBe(false);
    expect(existsSync(join(root, "cache"))).toBe(false);
  });

  it("refuses a cache folder outside that links into the workspace", () => {
    const root = workspace();
    const outside = outsideFolder();
    mkdirSync(join(root, "shipped"));
    symlinkSync(join(root, "shipped"), join(outside, "cache"));
    const run = runSeg(["check"], { cwd: root, env: { SEG_CACHE_DIR: join(outside, "cache") } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/it is inside the workspace/);
    expect(readdirSync(join(root, "shipped"))).toEqual([]);
  });

  it("--no-cache runs without one, and a cache folder outside is made private", () => {
    const root = workspace();
    expect(runSeg(["lock", "--no-cache"], { cwd: root, env: { SEG_CACHE_DIR: join(root, ".seg-cache") } }).status).toBe(0);
    expect(existsSync(join(root, ".seg-cache"))).toBe(false);
    const cache = join(outsideFolder(), "seg");
    expect(runSeg(["check"], { cwd: root, env: { SEG_CACHE_DIR: cache } }).status).toBe(0);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  });
});

describe("a cache folder that cannot be used", () => {
  it("seg lock runs without the caches whose folders are files, and writes the same lock", () => {
    const root = workspace();
    expect(runSeg(["lock", "--no-cache"], { cwd: root }).status).toBe(0);
    const lock = readFileSync(join(root, "segments.lock.json"), "utf8");
    const cache = outsideFolder();
    for (const name of ["features", "clusterings", "memberships"]) writeFileSync(join(cache, name), "not a folder\n");
    const run = runSeg(["lock"], { cwd: root, env: { SEG_CACHE_DIR: cache } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(join(root, "segments.lock.json"), "utf8")).toBe(lock);
    expect(readFileSync(join(cache, "features"), "utf8")).toBe("not a folder\n");
  });
});
