import { describe, expect, it } from "vitest";
import { parseExpression } from "./parser.ts";
import { referencedNames } from "./referenced-names.ts";

function names(source: string): string[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return referencedNames(parsed.ast);
}

describe("referencedNames", () => {
  it("lists each feature once, sorted, without function names", () => {
    expect(names(`round(mrr / seats) > 1 and plan in (tier, 'a') and "Weird name" between mrr and cap and not churned`)).toEqual([
      "Weird name",
      "cap",
      "churned",
      "mrr",
      "plan",
      "seats",
      "tier",
    ]);
  });

  it("is empty for an expression of constants", () => {
    expect(names("1 + 1 = 2")).toEqual([]);
  });
});
