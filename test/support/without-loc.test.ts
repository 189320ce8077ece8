import { describe, expect, it } from "vitest";
import { parseExpression } from "../../src/expr/parser.ts";
import { withoutLoc } from "./without-loc.ts";

function shape(source: string): unknown {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return withoutLoc(parsed.ast);
}

describe("withoutLoc", () => {
  it("makes spacing, case and redundant parentheses irrelevant", () => {
    expect(shape("A>1 AND (b)")).toEqual(shape("(A > 1) and b"));
    expect(shape("a > 1")).not.toEqual(shape("a >= 1"));
  });

  it("removes every loc, however deep", () => {
    expect(JSON.stringify(shape("round(a, 2) in (1, -b)"))).not.toContain("loc");
  });
});
