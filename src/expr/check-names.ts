/**
 * Checks a parsed expression against the features it may use: unknown names (with a
 * "did you mean" hint), unknown functions, wrong argument counts, type mismatches, `null`
 * used where it makes the result always null, and nesting that would make the SQL too large.
 * Syntax was checked by the parser; this is everything else `emitSql` and `evaluate` rely on.
 *
 *     checkNames(ast, features, { expect: "boolean" })  // for where:, filters, RFM groups
 *     checkNames(ast, features)                          // for computed features of any type
 */
import type { Expr, ValueType } from "./ast.ts";
import { checkSqlGrowth } from "./check-sql-growth.ts";
import { compareExprErrors, type ExprError } from "./expr-error.ts";
import { formatExpression } from "./format.ts";
import { inferType, type FeatureType } from "./infer-type.ts";

export interface CheckOptions {
  /**
   * The type the whole expression must have. A `where:` condition needs `"boolean"`; the
   * default, `"any"`, accepts any type (computed features).
   */
  expect?: ValueType | "any";
}

/** Every problem found, ordered by position; an empty list means the expression is sound. */
export function checkNames(
  ast: Expr,
  features: ReadonlyMap<string, FeatureType>,
  options: CheckOptions = {},
): ExprError[] {
  const errors: ExprError[] = [];
  const type = inferType(ast, features, (error) => errors.push(error));
  const expected = options.expect ?? "any";
  const at = { start: ast.loc.start, end: ast.loc.end };
  if (type === "null" && expected !== "any") {
    const message = "the expression is always null, so it never matches";
    errors.push({ code: "always-null", message, hint: "write a condition such as plan = 'growth'", ...at });
  } else if (expected !== "any" && type !== "unknown" && type !== "null" && type !== expected) {
    const message = `the expression must be ${TYPE_NAMES[expected]}, but it is ${TYPE_NAMES[type]}`;
    errors.push({ code: "type", message, ...hintFor(ast, type, expected), ...at });
  }
  errors.push(...checkSqlGrowth(ast));
  return errors.sort(compareExprErrors);
}

const TYPE_NAMES: Readonly<Record<ValueType, string>> = {
  number: "a number",
  string: "text",
  boolean: "a condition (true or false)",
};

function hintFor(ast: Expr, type: ValueType, expected: ValueType): { hint?: string } {
  if (expected !== "boolean") return {};
  const text = formatExpression(ast);
  if (type === "number") return { hint: `compare it to make a condition, as in ${text} > 0` };
  return { hint: `compare it to make a condition, as in ${text} = 'value'` };
}
