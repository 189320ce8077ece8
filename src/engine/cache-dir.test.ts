import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheDirectory, cacheKey } from "./cache-dir.ts";

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
