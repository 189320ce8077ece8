import { describe, expect, it } from "vitest";
import type { ValueType } from "./ast.ts";
import { checkNames, type CheckOptions } from "./check-names.ts";
import type { ExprError } from "./expr-error.ts";
import { inferExpressionType } from "./infer-type.ts";
import { parseExpression } from "./parser.ts";

const features = new Map<string, { type: ValueType }>([
  ["active_days_90d", { type: "number" }],
  ["mrr", { type: "number" }],
  ["seats", { type: "number" }],
  ["plan", { type: "string" }],
  ["region", { type: "string" }],
  ["is_churned", { type: "boolean" }],
  ["weird name", { type: "number" }],
]);

function check(source: string, options: CheckOptions = { expect: "boolean" }): ExprError[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`unexpected parse error: ${parsed.error.message}`);
  return checkNames(parsed.ast, features, options);
}

/** The one error a source produces, with the text it points at. */
function only(source: string, options?: CheckOptions) {
  const errors = check(source, options);
  expect(errors).toHaveLength(1);
  const [error] = errors as [ExprError];
  return { ...error, text: source.slice(error.start, error.end) };
}

describe("checkNames", () => {
  it.each([
    "active_days_90d >= 45 and plan in ('growth', 'enterprise')",
    "not is_churned or mrr / seats > 100.5",
    `"weird name" between 1 and 2`,
    "region is null or lower(region) = 'emea'",
    "coalesce(mrr, 0) + round(seats * 1.5, -1) % 7 > least(mrr, seats, 3)",
    "contains(plan, 'pro') and starts_with(upper(region), 'E') and length(plan) < 20",
    "plan in ('a', null) and is_churned = false and -mrr < 0",
    "sqrt(abs(mrr)) > ln(seats) + log10(mrr) + log1p(seats) + floor(mrr) + ceil(mrr)",
    "plan < 'm' and is_churned != true and region not between 'a' and 'm'",
  ])("accepts %s", (source) => {
    expect(check(source)).toEqual([]);
  });

  it("reports unknown features where they are written, with a suggestion", () => {
    const error = only("actve_days_90d > 1 and plan = 'x'");
    expect(error).toMatchObject({ code: "unknown-feature", text: "actve_days_90d", message: "unknown feature actve_days_90d", hint: "did you mean active_days_90d?" });
    expect(only(`"weird nme" > 1`)).toMatchObject({ message: `unknown feature "weird nme"`, hint: `did you mean "weird name"?` });
    expect(only(`plan = "starter"`)).toMatchObject({ message: `unknown feature "starter"`, hint: "double quotes name a feature; write text in single quotes: 'starter'" });
    expect(only("revenue > 1").hint).toBe("check the spelling against the declared features and columns");
  });

  it("reports every unknown name, in source order", () => {
    expect(check("zzz > 1 or qqq > 2 or mrr > xxx").map((e) => e.start)).toEqual([0, 11, 28]);
  });

  it("does not mistake object keys for features", () => {
    expect(only("__proto__ = 1 ").code).toBe("unknown-feature");
    expect(only("constructor = 1").code).toBe("unknown-feature");
  });

  it("reports unknown functions on their name, with a suggestion", () => {
    expect(only("lowr(plan) = 'a'")).toMatchObject({ code: "unknown-function", text: "lowr", message: "unknown function lowr()", hint: "did you mean lower()?" });
    expect(only("exp(mrr) > 1").hint).toMatch(/^did you mean (exp|abs)|^the functions are abs, ceil, coalesce/);
    expect(only("frobnicate(mrr) > 1").hint).toBe("the functions are abs, ceil, coalesce, contains, floor, greatest, least, length, ln, log10, log1p, lower, round, sqrt, starts_with, upper");
  });

  it("still checks the arguments of unknown functions and wrong calls", () => {
    expect(check("lowr(plann) = 'a'").map((e) => e.code)).toEqual(["unknown-function", "unknown-feature"]);
  });

  it("reports wrong argument counts on the whole call", () => {
    expect(only("round(mrr, 1, 2) > 1")).toMatchObject({ code: "arity", text: "round(mrr, 1, 2)", message: "round() takes 1 or 2 arguments but was given 3" });
    expect(only("least(mrr) > 1").message).toBe("least() takes at least 2 arguments but was given 1");
    expect(only("lower() = 'a'").message).toBe("lower() takes 1 argument but was given 0");
  });

  it("requires round's digits to be a small whole number written out", () => {
    expect(only("round(mrr, seats) > 1")).toMatchObject({ code: "type", text: "seats", message: "argument 2 of round() must be a whole number from -15 to 15 written out, such as 2" });
    expect(only("round(mrr, 1.5) > 1").code).toBe("type");
    expect(only("round(mrr, 16) > 1").code).toBe("type");
    expect(check("round(mrr, -15) > 1")).toEqual([]);
  });

  it.each([
    ["plan > 5", "5", "cannot compare plan (text) with 5 (a number)", "write the number as text: '5'"],
    ["mrr = 'high'", "'high'", "cannot compare mrr (a number) with 'high' (text)", "compare text with text, numbers with numbers, and true or false with true or false"],
    ["plan + 1 > 2", "plan", "'+' needs numbers, but plan is text", undefined],
    ["-plan = 'a'", "plan", "'-' needs a number, but plan is text", undefined],
    ["mrr and is_churned", "mrr", "'and' joins conditions (true or false), but mrr is a number", "compare it to make a condition, as in mrr > 0"],
    ["not plan", "plan", "'not' needs a condition (true or false), but plan is text", "compare it to make a condition, as in plan = 'value'"],
    ["is_churned < true", "is_churned", "'<' compares numbers or text, but is_churned is true or false", undefined],
    ["plan in ('a', 1)", "1", "cannot compare plan (text) with 1 (a number)", "write the number as text: '1'"],
    ["mrr between 1 and 'z'", "'z'", "cannot compare mrr (a number) with 'z' (text)", "compare text with text, numbers with numbers, and true or false with true or false"],
    ["is_churned between false and true", "is_churned", "'between' compares numbers or text, but is_churned is true or false", undefined],
    ["lower(mrr) = 'a'", "mrr", "argument 1 of lower() must be text, but mrr is a number", undefined],
    ["coalesce(mrr, plan) = 1", "plan", "cannot compare mrr (a number) with plan (text)", "compare text with text, numbers with numbers, and true or false with true or false"],
    ["greatest(mrr, plan) > 1", "plan", "argument 2 of greatest() must be a number, but plan is text", undefined],
  ])("reports the type error in %s", (source, text, message, hint) => {
    const error = only(source);
    expect(error).toMatchObject({ code: "type", text, message });
    expect(error.hint).toBe(hint);
  });

  it.each([
    ["plan = null", "'= null' is never true, because comparing with null gives null", "use 'is null' to find missing values"],
    ["plan != null", "'!= null' is never true, because comparing with null gives null", "use 'is not null' to find present values"],
    ["mrr > null", "'> null' is never true, because comparing with null gives null", "test for missing values with 'is null' or 'is not null'"],
    ["mrr + null > 1", "'+ null' always gives null", "use coalesce(x, 0) to treat a missing value as 0"],
    ["plan not in ('a', null)", "'not in' with null in the list is never true", "remove null from the list, and test for missing values with 'is null'"],
    ["mrr between null and 5", "null cannot be used with 'between': the result would always be null (unknown)", "test for missing values with 'is null' or 'is not null'"],
    ["is_churned and null", "null cannot be used with 'and': the result would always be null (unknown)", "test for missing values with 'is null' or 'is not null'"],
    ["abs(null) > 1", "abs(null) always gives null", "remove the null argument"],
  ])("reports null that makes %s always null", (source, message, hint) => {
    expect(only(source)).toMatchObject({ code: "always-null", text: "null", message, hint });
  });

  it("accepts null where it means something", () => {
    expect(check("plan in ('a', null) or coalesce(mrr, null, 1) > 0 or null is null")).toEqual([]);
  });

  it("reports a condition that is not true or false when asked for one", () => {
    expect(only("mrr + 1")).toMatchObject({ code: "type", text: "mrr + 1", message: "the expression must be a condition (true or false), but it is a number", hint: "compare it to make a condition, as in mrr + 1 > 0" });
    expect(only("lower(plan)").hint).toBe("compare it to make a condition, as in lower(plan) = 'value'");
    expect(only("null")).toMatchObject({ code: "always-null", message: "the expression is always null, so it never matches" });
    expect(check("mrr + 1", {})).toEqual([]);
    expect(only("plan", { expect: "number" }).message).toBe("the expression must be a number, but it is text");
  });

  it("reports one error, not one per level, when a name is unknown deep inside", () => {
    expect(check("(nope + 1) * 2 > 3 and not (nope2 = 'x')").map((e) => e.code)).toEqual(["unknown-feature", "unknown-feature"]);
  });

  it("limits how deeply divisors and square roots nest, since some dialects repeat them", () => {
    expect(check("mrr / (1 + sqrt(1 / (seats % (1 + sqrt(sqrt(mrr)))))) > 1")).toEqual([]);
    expect(only("1 / (1 / (1 / (1 / (1 / (1 / (1 / (1 / mrr))))))) > 1")).toMatchObject({
      code: "too-complex",
      text: "(1 / mrr)",
      message: "divisions and square roots nest more than 6 levels deep here",
    });
    expect(only("sqrt(sqrt(sqrt(sqrt(sqrt(sqrt(sqrt(mrr))))))) > 1").text).toBe("mrr");
    expect(check("mrr / 2 / 2 / 2 / 2 / 2 / 2 / 2 / 2 > 1")).toEqual([]);
  });
});

describe("inferExpressionType", () => {
  it.each([
    ["mrr / seats", "number"],
    ["lower(plan)", "string"],
    ["coalesce(plan, 'none')", "string"],
    ["mrr > 1", "boolean"],
    ["coalesce(null, mrr)", "number"],
    ["nope + 1", undefined],
    ["null", undefined],
    ["plan + 1", undefined],
  ])("types %s as %s", (source, type) => {
    const parsed = parseExpression(source);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(inferExpressionType(parsed.ast, features)).toBe(type);
  });
});
