import { describe, expect, it } from "vitest";
import type { Expr, Value } from "./ast.ts";
import { evaluate, EvaluationError, type Row } from "./evaluate.ts";
import { parseExpression } from "./parser.ts";

function parse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.ast;
}

const row: Row = { t: true, f: false, n: null, x: 10, y: 0, s: "growth", e: "", neg: -7.5 };
const run = (source: string, values: Row = row): Value => evaluate(parse(source), values);

describe("evaluate", () => {
  it("computes arithmetic as doubles", () => {
    expect(run("x + 2 * 3")).toBe(16);
    expect(run("x / 4")).toBe(2.5);
    expect(run("-x - -1")).toBe(-9);
    expect(run("neg % 2")).toBe(-1.5);
    expect(run("0.1 + 0.2")).toBe(0.30000000000000004);
  });

  it("gives null for division and remainder by zero", () => {
    expect(run("x / y")).toBeNull();
    expect(run("x % y")).toBeNull();
    expect(run("x / (y * -1)")).toBeNull();
  });

  it("propagates null through arithmetic, comparisons and functions", () => {
    expect(run("n + 1")).toBeNull();
    expect(run("-n")).toBeNull();
    expect(run("n = n")).toBeNull();
    expect(run("n != 1")).toBeNull();
    expect(run("abs(n)")).toBeNull();
    expect(run("not n")).toBeNull();
  });

  it.each([
    // Kleene truth tables for and / or.
    ["t and t", true], ["t and f", false], ["t and n", null], ["f and n", false], ["n and f", false], ["n and n", null],
    ["t or f", true], ["f or f", false], ["t or n", true], ["n or t", true], ["f or n", null], ["n or n", null],
  ] as const)("%s is %s", (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each([
    ["x in (1, 10)", true],
    ["x in (1, 2)", false],
    ["x in (1, n)", null],
    ["x in (10, n)", true],
    ["n in (1, 2)", null],
    ["x not in (1, 2)", true],
    ["x not in (1, n)", null],
    ["x not in (10, n)", false],
    ["x between 1 and 10", true],
    ["x between 11 and 20", false],
    ["x between n and 20", null],
    ["x between n and 5", false],
    ["x not between n and 5", true],
    ["x not between 1 and 10", false],
    ["n is null", true],
    ["x is null", false],
    ["n is not null", false],
    ["(x / y) is null", true],
  ] as const)("%s is %s", (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it("compares text by code point, as a binary collation does", () => {
    expect(run("s = 'growth'")).toBe(true);
    expect(run("'B' < 'a'")).toBe(true);
    expect(run("'ab' < 'abc'")).toBe(true);
    expect(run("e < 'a'")).toBe(true);
    // U+FF5E sorts before U+1F600 by code point, though not by UTF-16 code unit.
    expect(run("'\uff5e' < '😀'")).toBe(true);
    expect(run("'😀' < '😁'")).toBe(true);
  });

  it("orders false before true", () => {
    expect(run("f < t")).toBe(true);
  });

  it("calls whitelisted functions", () => {
    expect(run("round(x / 3, 2)")).toBe(3.33);
    expect(run("coalesce(n, x)")).toBe(10);
    expect(run("greatest(n, x, 3)")).toBe(10);
    expect(run("sqrt(neg)")).toBeNull();
    expect(run("contains(s, 'row')")).toBe(true);
  });

  it("throws EvaluationError when the row lacks a feature", () => {
    expect(() => run("missing > 1")).toThrow(EvaluationError);
    expect(() => run("toString = 1")).toThrow("the row has no value for feature 'toString'");
  });

  it("throws EvaluationError on type errors the checker would have reported", () => {
    expect(() => run("s + 1")).toThrow(EvaluationError);
    expect(() => run("x and t")).toThrow(EvaluationError);
    expect(() => run("s < 1")).toThrow(EvaluationError);
    expect(() => run("nope(1)")).toThrow(EvaluationError);
  });
});
