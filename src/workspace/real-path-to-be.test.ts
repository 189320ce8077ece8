import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { realPathToBe } from "./real-path-to-be.ts";

describe("realPathToBe", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "seg-real-path-")));
    made.push(dir);
    return dir;
  };
  const never = (link: string): never => {
    throw new Error(`broken link ${link}`);
  };

  it("is the real path of an existing file or folder", () => {
    const dir = scratch();
    mkdirSync(join(dir, "a"));
    expect(realPathToBe(join(dir, "a"), never)).toBe(join(dir, "a"));
    expect(realPathToBe(join(dir, "a", "..", "a"), never)).toBe(join(dir, "a"));
  });

  it("resolves the nearest existing ancestor and keeps the missing rest as written", () => {
    const dir = scratch();
    expect(realPathToBe(join(dir, "x", "y", "z"), never)).toBe(join(dir, "x", "y", "z"));
  });

  it("follows links in the existing part, so a path that reaches elsewhere through a link is seen for what it is", () => {
    const target = scratch();
    const dir = scratch();
    symlinkSync(target, join(dir, "link"));
    expect(realPathToBe(join(dir, "link"), never)).toBe(target);
    expect(realPathToBe(join(dir, "link", "seg", "deeper"), never)).toBe(join(target, "seg", "deeper"));
  });

  it("hands a broken link to the caller to refuse", () => {
    const dir = scratch();
    symlinkSync(join(dir, "gone"), join(dir, "dangling"));
    expect(() => realPathToBe(join(dir, "dangling", "seg"), never)).toThrow(`broken link ${join(dir, "dangling")}`);
  });
});
