import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SegError } from "../diagnostics/seg-error.ts";
import { cacheDirectory, cacheFolderFor, cacheKey } from "./cache-dir.ts";

describe("cacheDirectory", () => {
  it("prefers SEG_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache", () => {
    expect(cacheDirectory({ SEG_CACHE_DIR: "/srv/seg", XDG_CACHE_HOME: "/x" })).toBe("/srv/seg");
    expect(cacheDirectory({ XDG_CACHE_HOME: "/x" })).toBe(join("/x", "seg"));
    expect(cacheDirectory({})).toBe(join(homedir(), ".cache", "seg"));
  });
});

describe("cacheKey", () => {
  it("is a sha256 that changes with any part", () => {
    const key = cacheKey("source", "abc", { columns: { id: "string" } });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey("source", "abc", { columns: { id: "string" } })).toBe(key);
    expect(cacheKey("source", "abd", { columns: { id: "string" } })).not.toBe(key);
    expect(cacheKey("source", "abc", { columns: { id: "integer" } })).not.toBe(key);
  });
});

describe("cacheFolderFor", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "seg-cache-dir-")));
    made.push(dir);
    return dir;
  };

  it("refuses SEG_CACHE_DIR inside the workspace, where a pull request could ship entries a check would trust", () => {
    const root = scratch();
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: join(root, ".seg-cache") })).toThrow(SegError);
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: join(root, ".seg-cache") })).toThrow(/\$SEG_CACHE_DIR\): it is inside the workspace.*--no-cache/);
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: root })).toThrow(/inside the workspace/);
    // Refused before anything is made in the workspace.
    expect(existsSync(join(root, ".seg-cache"))).toBe(false);
  });

  it("refuses the default location inside the workspace (XDG_CACHE_HOME, a relative SEG_CACHE_DIR)", () => {
    const root = scratch();
    expect(() => cacheFolderFor(root, { XDG_CACHE_HOME: join(root, "cache") })).toThrow(/\$XDG_CACHE_HOME\/seg\): it is inside the workspace/);
    const cwd = process.cwd();
    try {
      process.chdir(root);
      expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: "cache" })).toThrow(/inside the workspace/);
    } finally {
      process.chdir(cwd);
    }
  });

  it("refuses a cache folder that reaches into the workspace through a link, existing or not yet made", () => {
    const root = scratch();
    const outside = scratch();
    mkdirSync(join(root, "shipped"));
    symlinkSync(join(root, "shipped"), join(outside, "link"));
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: join(outside, "link") })).toThrow(/inside the workspace/);
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: join(outside, "link", "seg", "deeper") })).toThrow(/inside the workspace/);
    expect(existsSync(join(root, "shipped", "seg"))).toBe(false);
  });

  it("refuses a cache folder below a broken link, naming the link", () => {
    const root = scratch();
    const outside = scratch();
    symlinkSync(join(outside, "gone"), join(outside, "dangling"));
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: join(outside, "dangling", "seg") })).toThrow(`${join(outside, "dangling")} is a broken link. Remove it, point SEG_CACHE_DIR elsewhere, or pass --no-cache.`);
  });

  it("refuses a workspace inside the cache folder, whose entry folders could be the workspace's own", () => {
    const cache = scratch();
    mkdirSync(join(cache, "features"));
    expect(() => cacheFolderFor(join(cache, "features"), { SEG_CACHE_DIR: cache })).toThrow(/inside the cache folder/);
  });

  it("makes the folder readable by its owner alone", () => {
    const root = scratch();
    const dir = join(scratch(), "a", "seg");
    expect(cacheFolderFor(root, { SEG_CACHE_DIR: dir })).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("refuses an existing folder that others may write to", () => {
    const root = scratch();
    const dir = join(scratch(), "shared");
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: dir })).toThrow(/writable by others.*chmod 700/);
  });

  it.skipIf(process.getuid?.() !== 0)("refuses a folder another user owns", () => {
    const root = scratch();
    const dir = join(scratch(), "theirs");
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 65534, 65534);
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: dir })).toThrow(/owned by another user/);
  });

  it("refuses a path that is not a folder", () => {
    const root = scratch();
    const file = join(scratch(), "file");
    writeFileSync(file, "");
    expect(() => cacheFolderFor(root, { SEG_CACHE_DIR: file })).toThrow(/not a folder/);
  });
});
