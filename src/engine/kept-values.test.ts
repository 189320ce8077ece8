import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cacheEntries } from "./cache-entries.ts";
import { keepValue, readKept } from "./kept-values.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function entries() {
  const dir = mkdtempSync(join(tmpdir(), "seg-kept-values-"));
  dirs.push(dir);
  return cacheEntries(join(dir, "kept"), 4);
}

describe("kept values", () => {
  it("read back every number as it was kept: NaN, infinities and -0 included", () => {
    const kept = entries();
    keepValue(kept, "k", [{ n: Number.NaN, big: Number.POSITIVE_INFINITY, small: Number.NEGATIVE_INFINITY, zero: -0, text: "a" }]);
    const [row] = readKept(kept, "k") as Record<string, unknown>[];
    expect(row!.n).toBeNaN();
    expect(row!.big).toBe(Number.POSITIVE_INFINITY);
    expect(row!.small).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(row!.zero, -0)).toBe(true);
    expect(row!.text).toBe("a");
  });

  it("read as undefined when missing or unreadable", () => {
    const kept = entries();
    expect(readKept(kept, "none")).toBeUndefined();
    keepValue(kept, "k", { a: 1 });
    writeFileSync(kept.path("k", "bin"), "not a serialized value");
    expect(readKept(kept, "k")).toBeUndefined();
  });
});
