import { describe, expect, it } from "vitest";
import { childrenOf } from "./children.ts";
import { formatExpression } from "./format.ts";
import { parseExpression } from "./parser.ts";

function children(source: string): string[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return childrenOf(parsed.ast).map(formatExpression);
}

describe("childrenOf", () => {
  it.each([
    ["a + b", ["a", "b"]],
    ["not a", ["a"]],
    ["a is not null", ["a"]],
    ["a not in (1, 2)", ["a", "1", "2"]],
    ["a between lo and hi", ["a", "lo", "hi"]],
    ["round(a, 2)", ["a", "2"]],
    ["a", []],
    ["'text'", []],
  ])("lists the operands of %s in source order", (source, expected) => {
    expect(children(source)).toEqual(expected);
  });
});
