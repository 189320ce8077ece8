import { describe, expect, it } from "vitest";
import { isBareName, keywordOf } from "./keywords.ts";

describe("keywords", () => {
  it("recognises keywords in any case", () => {
    expect(keywordOf("AND")).toBe("and");
    expect(keywordOf("Between")).toBe("between");
    expect(keywordOf("plan")).toBeUndefined();
    expect(keywordOf("like")).toBeUndefined();
  });

  it("tells names that need no quotes", () => {
    expect(["plan", "_x", "a1", "active_days_90d"].every(isBareName)).toBe(true);
    expect(["1a", "a b", "é", "", "NULL", "in", "a-b"].some(isBareName)).toBe(false);
  });
});
