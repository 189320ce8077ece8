import { describe, expect, it } from "vitest";
import { checkSqlGrowth } from "./check-sql-growth.ts";
import { MAX_REPEATED_NESTING } from "./limits.ts";
import { parseExpression } from "./parser.ts";

function growth(source: string) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return checkSqlGrowth(parsed.ast).map((error) => ({ ...error, text: source.slice(error.start, error.end) }));
}

const divisors = (levels: number) => `${"1 / (".repeat(levels)}x${")".repeat(levels)} > 0`;

describe("checkSqlGrowth", () => {
  it("accepts divisors and square roots nested up to the limit", () => {
    expect(growth(divisors(MAX_REPEATED_NESTING))).toEqual([]);
    expect(growth(`${"sqrt(".repeat(MAX_REPEATED_NESTING)}x${")".repeat(MAX_REPEATED_NESTING)} > 0`)).toEqual([]);
  });

  it("reports once, at the sub-expression that would be repeated one time too many", () => {
    expect(growth(divisors(MAX_REPEATED_NESTING + 3))).toEqual([
      expect.objectContaining({ code: "too-complex", text: "(1 / (1 / (x)))" }),
    ]);
  });

  it("does not count dividends, long chains, or other functions", () => {
    expect(growth(`x${" / 2".repeat(50)} > 0`)).toEqual([]);
    expect(growth(`${"(".repeat(20)}x${" / 2)".repeat(20)} > 0`)).toEqual([]);
    expect(growth(`${"ln(".repeat(20)}x${")".repeat(20)} > 0`)).toEqual([]);
  });

  it("counts remainders like divisions, and square roots with them", () => {
    expect(growth("x % (1 % (1 % (1 / sqrt(sqrt(sqrt(x)))))) > 0")).toHaveLength(1);
  });
});
