import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { describeExpression, formatExpression, formatName, quoteText } from "./format.ts";
import { parseExpression } from "./parser.ts";
import { withoutLoc } from "../../test/support/without-loc.ts";

function parse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.ast;
}

const format = (source: string) => formatExpression(parse(source));
const describeText = (source: string) => describeExpression(parse(source));

describe("formatExpression", () => {
  it.each([
    ["A>=45   AND Plan IN('growth','enterprise')", "A >= 45 and Plan in ('growth', 'enterprise')"],
    ["a <> 1", "a != 1"],
    ["((a > 1)) and ((b))", "a > 1 and b"],
    ["(a or b) and c", "(a or b) and c"],
    ["a or (b and c)", "a or b and c"],
    ["a or (b or c)", "a or (b or c)"],
    ["(a or b) or c", "a or b or c"],
    ["a - (b - c)", "a - (b - c)"],
    ["(a - b) - c", "a - b - c"],
    ["(a + b) * c", "(a + b) * c"],
    ["-(a + b)", "-(a + b)"],
    ["- - a", "-(-a)"],
    ["-a * b", "-a * b"],
    ["not (a and b)", "not (a and b)"],
    ["not (a = 1)", "not a = 1"],
    ["(not a) = b", "(not a) = b"],
    ["a = (b = c)", "a = (b = c)"],
    ["(a = b) = c", "(a = b) = c"],
    ["x NOT BETWEEN (a + 1) AND b*2", "x not between a + 1 and b * 2"],
    ["(x is null) is not null", "(x is null) is not null"],
    ["x IS NOT NULL", "x is not null"],
    ["ROUND(x, -2) > 1e3", "round(x, -2) > 1000"],
    ["x = .5", "x = 0.5"],
    ["x in (1, (2))", "x in (1, 2)"],
    ["TRUE or FALSE or NULL is null", "true or false or null is null"],
    ["s = 'it''s'", "s = 'it''s'"],
    [`"in" = 1 and "x y" = 2 and "a""b" = 3 and "plain" = 4`, `"in" = 1 and "x y" = 2 and "a""b" = 3 and plain = 4`],
  ])("formats %s as %s", (source, expected) => {
    expect(format(source)).toBe(expected);
  });

  it.each([
    "a or b and not c = 1",
    "(a or b) and (c or d) and not (e and f)",
    "a - (b - c) * -(d % e) / f",
    "round(a / b, 2) between least(c, 1) and greatest(d, 2, 3)",
    "x not in ('a', 'b''c', null) or y is not null",
    `"select" = 'x''; drop table y; --'`,
    "1e21 + 1e-7 + 0.1 + 123456789.125 > 5",
    "-(-(-a)) = - - -1",
    "not not not a",
    "(a = b) = (c between 1 and 2)",
  ])("round-trips %s", (source) => {
    const ast = parse(source);
    expect(withoutLoc(parse(formatExpression(ast)))).toEqual(withoutLoc(ast));
  });

  it("quotes names only when they must be quoted", () => {
    expect(formatName("active_days_90d")).toBe("active_days_90d");
    expect(formatName("90d")).toBe('"90d"');
    expect(formatName("Null")).toBe('"Null"');
    expect(formatName('say "hi"')).toBe('"say ""hi"""');
    expect(quoteText("it's")).toBe("'it''s'");
  });
});

describe("describeExpression", () => {
  it.each([
    ["active_days_90d >= 45 and plan in ('growth', 'enterprise')", "active days 90d is at least 45 and plan is one of growth, enterprise"],
    ["mrr > 100 or seats < 5", "mrr is more than 100 or seats is less than 5"],
    ["(mrr > 100 or seats <= 5) and region != 'emea'", "(mrr is more than 100 or seats is at most 5) and region is not emea"],
    ["plan not in ('free')", "plan is not free"],
    ["plan not in ('free', 'trial')", "plan is not one of free, trial"],
    ["tenure_days between 30 and 90", "tenure days is between 30 and 90"],
    ["tenure_days not between 30 and 90", "tenure days is not between 30 and 90"],
    ["churn_date is null and email is not null", "churn date is missing and email is present"],
    ["not is_churned", "not is churned"],
    ["not (a = 1)", "not (a is 1)"],
    ["mrr / seats * 12 >= 1000", "mrr / seats × 12 is at least 1000"],
    ["round(mrr, 2) = 0", "round(mrr, 2) is 0"],
    ["name = ''", "name is empty text"],
  ])("describes %s", (source, expected) => {
    expect(describeText(source)).toBe(expected);
  });
});
