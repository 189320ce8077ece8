import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInsideFolder } from "./is-inside-folder.ts";

describe("isInsideFolder", () => {
  const root = join("/", "work", "ws");
  it("holds for the folder itself and anything below it", () => {
    expect(isInsideFolder(root, root)).toBe(true);
    expect(isInsideFolder(join(root, "data", "a.csv"), root)).toBe(true);
    expect(isInsideFolder(join(root, "..notes"), root)).toBe(true);
  });
  it("fails for the parent, a sibling with the same prefix, and anything elsewhere", () => {
    expect(isInsideFolder(join("/", "work"), root)).toBe(false);
    expect(isInsideFolder(join("/", "work", "ws2", "a.csv"), root)).toBe(false);
    expect(isInsideFolder(join(root, "..", "other"), root)).toBe(false);
    expect(isInsideFolder(join("/", "etc", "passwd"), root)).toBe(false);
  });
});
