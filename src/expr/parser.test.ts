import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { formatExpression } from "./format.ts";
import { MAX_NESTING, MAX_SOURCE_LENGTH, MAX_TREE_DEPTH } from "./limits.ts";
import { parseExpression } from "./parser.ts";
import { withoutLoc } from "../../test/support/without-loc.ts";

function parse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.ast;
}

function parseError(source: string) {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`expected a parse error for ${source}`);
  return result.error;
}

/** Fully parenthesized text, to show how the parser grouped things. */
function grouping(expr: Expr): string {
  switch (expr.kind) {
    case "binary":
      return `(${grouping(expr.left)} ${expr.operator} ${grouping(expr.right)})`;
    case "unary":
      return `(${expr.operator} ${grouping(expr.operand)})`;
    case "in":
      return `(${grouping(expr.operand)} ${expr.negated ? "not in" : "in"} [${expr.items.map(grouping).join(", ")}])`;
    case "between":
      return `(${grouping(expr.operand)} ${expr.negated ? "not between" : "between"} ${grouping(expr.low)} and ${grouping(expr.high)})`;
    case "isNull":
      return `(${grouping(expr.operand)} ${expr.negated ? "is not null" : "is null"})`;
    case "call":
      return `${expr.name}(${expr.args.map(grouping).join(", ")})`;
    default:
      return formatExpression(expr);
  }
}

describe("parseExpression", () => {
  it("builds a tree with source offsets", () => {
    expect(parse("a >= 45")).toEqual({
      kind: "binary",
      operator: ">=",
      left: { kind: "ident", name: "a", loc: { start: 0, end: 1 } },
      right: { kind: "number", value: 45, loc: { start: 5, end: 7 } },
      loc: { start: 0, end: 7 },
    });
  });

  it.each([
    ["a or b and c", "(a or (b and c))"],
    ["a and b or c", "((a and b) or c)"],
    ["not a and b", "((not a) and b)"],
    ["not a = 1", "(not (a = 1))"],
    ["not not a", "(not (not a))"],
    ["a + b * c = d", "((a + (b * c)) = d)"],
    ["a - b - c", "((a - b) - c)"],
    ["a / b % c", "((a / b) % c)"],
    ["-a * b", "((- a) * b)"],
    ["- - a", "(- (- a))"],
    ["(a or b) and c", "((a or b) and c)"],
    ["x between 1 and 5 and y", "((x between 1 and 5) and y)"],
    ["x not between a + 1 and b * 2", "(x not between (a + 1) and (b * 2))"],
    ["x not in (1, 2) or y is not null", "((x not in [1, 2]) or (y is not null))"],
    ["round(a / b, 2) > least(c, d)", "(round((a / b), 2) > least(c, d))"],
    ["a = (not b)", "(a = (not b))"],
  ])("groups %s as %s", (source, expected) => {
    expect(grouping(parse(source))).toBe(expected);
  });

  it("reads keywords and function names in any case, and stores <> as !=", () => {
    expect(withoutLoc(parse("A <> 1 AND Round(B) IS NOT NULL Or C NOT IN (TRUE, False, NULL)"))).toEqual(
      withoutLoc(parse("A != 1 and round(B) is not null or C not in (true, false, null)")),
    );
  });

  it("keeps names case-sensitive and reads quoted names, including keywords", () => {
    expect(withoutLoc(parse('"in" = Plan'))).toEqual({ kind: "binary", operator: "=", left: { kind: "ident", name: "in" }, right: { kind: "ident", name: "Plan" } });
    expect(parse('"weird ""name"""')).toEqual({ kind: "ident", name: 'weird "name"', loc: { start: 0, end: 16 }, quoted: true });
  });

  it("spans calls, lists and between from their first to their last character", () => {
    const ast = parse(" x in (1, 2) ");
    expect(ast.loc).toEqual({ start: 1, end: 12 });
    expect(parse("round(x, 2)").loc).toEqual({ start: 0, end: 11 });
    expect(parse("x between 1 and 5").loc).toEqual({ start: 0, end: 17 });
    expect(parse("x is not null").loc).toEqual({ start: 0, end: 13 });
    expect(parse("f()")).toMatchObject({ kind: "call", name: "f", args: [] });
    expect(parse("a * (b + c)").loc).toEqual({ start: 0, end: 11 });
    expect(parse("((a))").loc).toEqual({ start: 0, end: 5 });
  });

  it.each([
    // [source, start, end, message]
    ["", 0, 0, "the expression is empty"],
    ["   ", 0, 3, "the expression is empty"],
    ["a >=", 2, 4, "expected a value after '>=' but the expression ended"],
    ["a > and b", 4, 7, "expected a value after '>' but found 'and'"],
    ["and a", 0, 3, "the expression cannot start with 'and'"],
    ["(a > 1 and (b < 2)", 0, 1, "unclosed '(': no matching ')' before the end of the expression"],
    ["a > 1)", 5, 6, "unexpected ')' with no matching '('"],
    ["(a > 1 b)", 7, 8, "expected ')' or an operator before 'b'"],
    ["a b", 2, 3, "expected an operator before 'b'"],
    ["a => 1", 2, 4, "'=>' is not an operator; did you mean '>='?"],
    ["a == 1", 2, 4, "'==' is not an operator; use '='"],
    ["plan = 'growth", 7, 8, "unterminated text 'growth: the opening ' has no closing '"],
    ["plan in 'a'", 8, 11, "expected '(' after 'in' to start a list but found ''a''"],
    ["plan in", 5, 7, "expected '(' after 'in' to start a list but the expression ended"],
    ["plan in ()", 8, 10, "the list after 'in' is empty"],
    ["plan in ('a', 'b'", 8, 9, "unclosed '(': the list has no closing ')'"],
    ["plan in ('a' 'b')", 13, 16, "expected ',' or ')' in the list but found ''b''"],
    ["plan in ('a',)", 13, 14, "expected a value after ',' but found ')'"],
    ["x between 1 5", 12, 13, "expected 'and' between the two bounds of 'between' but found '5'"],
    ["x between 1", 2, 9, "expected 'and' between the two bounds of 'between' but the expression ended"],
    ["x is 5", 5, 6, "expected 'null' or 'not null' after 'is' but found '5'"],
    ["x not 5", 2, 5, "'not' after a value must be followed by 'in' or 'between'"],
    ["1 < x < 5", 6, 7, "comparisons cannot be chained: '<' follows a complete comparison"],
    ["x is null = true", 10, 11, "comparisons cannot be chained: '=' follows a complete comparison"],
    ["name like 'a%'", 5, 9, "there is no 'like' operator"],
    ['"abs"(x)', 0, 5, 'a function name cannot be quoted: "abs"'],
    ["round(x, 2", 5, 6, "unclosed '(': the call to round( has no closing ')'"],
    ["a = not b", 4, 7, "expected a value after '=' but found 'not'"],
    ["a = 1.2.3", 4, 9, "'1.2.3' is not a valid number"],
    ["a ; drop table x", 2, 3, "unexpected character ';'"],
  ])("reports %j at [%i, %i): %s", (source, start, end, message) => {
    expect(parseError(source)).toMatchObject({ code: "syntax", message, start, end });
  });

  it("gives a hint with each common mistake", () => {
    expect(parseError("1 < x < 5").hint).toBe("join two comparisons with 'and', as in 1 < x and x < 5, or use 'between'");
    expect(parseError("name like 'a%'").hint).toBe("use contains(name, 'text') or starts_with(name, 'text')");
    expect(parseError("in = 1").hint).toBe(`a feature named 'in' must be quoted: "in"`);
    expect(parseError("plan in ('a',)").hint).toBe("remove the trailing comma");
    expect(parseError("a = not b").hint).toBe("put the negated part in parentheses, as in a = (not b)");
  });

  it("refuses sources over the length limit, pointing past the limit", () => {
    const source = `a = '${"x".repeat(MAX_SOURCE_LENGTH)}'`;
    expect(parseError(source)).toMatchObject({ code: "too-complex", start: MAX_SOURCE_LENGTH, end: source.length });
    expect(parseError(source).message).toBe(`the expression is ${source.length.toLocaleString("en-US")} characters long; the limit is 10,000`);
  });

  it("accepts nesting up to the limit and refuses one level more", () => {
    const nested = (levels: number) => `${"(".repeat(levels)}a${")".repeat(levels)} = 1`;
    expect(parseExpression(nested(MAX_NESTING)).ok).toBe(true);
    expect(parseError(nested(MAX_NESTING + 1))).toMatchObject({ code: "too-complex", start: MAX_NESTING, end: MAX_NESTING + 1, message: "the expression nests more than 64 levels deep" });
  });

  it("refuses deep nesting of not, minus and calls without overflowing the stack", () => {
    for (const source of ["not ".repeat(5000) + "a", "- ".repeat(5000) + "a", "abs(".repeat(3000) + "a" + ")".repeat(3000), "(".repeat(9000)]) {
      expect(parseError(source).code).toBe("too-complex");
    }
  });

  it("refuses operator chains deeper than the tree limit", () => {
    const chain = (terms: number) => Array.from({ length: terms }, (_, i) => `a = ${i}`).join(" or ");
    expect(parseExpression(chain(MAX_TREE_DEPTH - 1)).ok).toBe(true);
    const error = parseError(chain(MAX_TREE_DEPTH + 5));
    expect(error.code).toBe("too-complex");
    expect(error.hint).toMatch(/in \(…\)/);
  });

  it("never throws, whatever the input", () => {
    const alphabet = ["a", "1", "'", '"', "(", ")", ",", " ", "=", "<", ">", "!", "-", "+", "*", "/", "%", "not", "and", "or", "in", "is", "null", "between", ".", "e", "é", "😀", "\\", "\n"];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const source = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(" ");
      const result = parseExpression(source);
      if (result.ok) expect(withoutLoc(parse(formatExpression(result.ast)))).toEqual(withoutLoc(result.ast));
      else expect(result.error.start).toBeLessThanOrEqual(result.error.end);
    }
  });
});
