/**
 * Computes an expression for one row of feature values, with SQL's semantics, so Seg can
 * explain a membership ("plan is 'growth' and active_days_90d is 52, so …") without a
 * database, and so tests can check every SQL dialect against one reference.
 *
 * The rules are SQL's three-valued logic:
 * - `null` means unknown: arithmetic, comparisons and functions with a `null` operand give
 *   `null` (except `coalesce`, `least`, `greatest` and `is null`);
 * - `and` is false if either side is false, `or` is true if either side is true, and
 *   otherwise an unknown side makes the result unknown; `not null` is `null`;
 * - `x in (…)` is true on a match, else unknown if the list holds a `null`, else false;
 * - `x between a and b` is `x >= a and x <= b`;
 * - division and `%` by zero give `null`, as does a function outside its domain (`sqrt(-1)`);
 * - text compares by Unicode code point (a binary collation), `false < true`.
 *
 * Numbers are IEEE doubles throughout. A row that lacks a feature the expression uses, or a
 * value of the wrong type, is a bug in the caller (run `checkNames` first) and throws an
 * `EvaluationError`.
 */
import type { BinaryOperator, Expr, Value } from "./ast.ts";
import { lookupFunction } from "./functions.ts";

export type Row = Readonly<Record<string, Value>>;

/** A misuse of `evaluate`: an unchecked expression, or a row that does not fit it. */
export class EvaluationError extends Error {
  override name = "EvaluationError";
}

export function evaluate(ast: Expr, row: Row): Value {
  switch (ast.kind) {
    case "number":
    case "string":
    case "boolean":
      return ast.value;
    case "null":
      return null;
    case "ident":
      if (!Object.hasOwn(row, ast.name)) throw new EvaluationError(`the row has no value for feature '${ast.name}'`);
      return row[ast.name] as Value;
    case "unary": {
      const value = evaluate(ast.operand, row);
      if (value === null) return null;
      return ast.operator === "not" ? !asBoolean(value) : -asNumber(value);
    }
    case "binary":
      return binary(ast.operator, evaluate(ast.left, row), evaluate(ast.right, row));
    case "in": {
      const value = evaluate(ast.operand, row);
      const items = ast.items.map((item) => evaluate(item, row));
      const found = value === null ? null : isIn(value, items);
      return ast.negated ? not(found) : found;
    }
    case "between": {
      const value = evaluate(ast.operand, row);
      const low = asBooleanOrNull(binary(">=", value, evaluate(ast.low, row)));
      const within = and(low, asBooleanOrNull(binary("<=", value, evaluate(ast.high, row))));
      return ast.negated ? not(within) : within;
    }
    case "isNull": {
      const missing = evaluate(ast.operand, row) === null;
      return ast.negated ? !missing : missing;
    }
    case "call": {
      const spec = lookupFunction(ast.name);
      if (spec === undefined) throw misuse(`unknown function ${ast.name}()`);
      return spec.evaluate(ast.args.map((arg) => evaluate(arg, row)));
    }
  }
}

function binary(operator: BinaryOperator, left: Value, right: Value): Value {
  switch (operator) {
    case "and":
      return and(asBooleanOrNull(left), asBooleanOrNull(right));
    case "or":
      return not(and(not(asBooleanOrNull(left)), not(asBooleanOrNull(right))));
    default:
      break;
  }
  if (left === null || right === null) return null;
  switch (operator) {
    case "=":
      return compare(left, right) === 0;
    case "!=":
      return compare(left, right) !== 0;
    case "<":
      return compare(left, right) < 0;
    case "<=":
      return compare(left, right) <= 0;
    case ">":
      return compare(left, right) > 0;
    case ">=":
      return compare(left, right) >= 0;
    case "+":
      return asNumber(left) + asNumber(right);
    case "-":
      return asNumber(left) - asNumber(right);
    case "*":
      return asNumber(left) * asNumber(right);
    case "/":
      return asNumber(right) === 0 ? null : asNumber(left) / asNumber(right);
    case "%":
      return asNumber(right) === 0 ? null : asNumber(left) % asNumber(right);
  }
}

/** SQL's `IN`: true on a match, else unknown if the list holds a null, else false. */
function isIn(value: Exclude<Value, null>, items: readonly Value[]): boolean | null {
  if (items.some((item) => item !== null && compare(value, item) === 0)) return true;
  return items.includes(null) ? null : false;
}

/** Kleene conjunction: false wins, then unknown. */
function and(left: boolean | null, right: boolean | null): boolean | null {
  if (left === false || right === false) return false;
  if (left === null || right === null) return null;
  return true;
}

function not(value: boolean | null): boolean | null {
  return value === null ? null : !value;
}

/** Orders two non-null values of the same type: negative, zero or positive. */
function compare(left: Exclude<Value, null>, right: Exclude<Value, null>): number {
  if (typeof left !== typeof right) {
    throw misuse(`cannot compare ${typeof left} with ${typeof right}`);
  }
  if (typeof left === "string") return compareCodePoints(left, right as string);
  const [a, b] = [Number(left), Number(right)];
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Code-point order, which is also UTF-8 byte order and what databases' binary collations
 * use. It differs from JavaScript's `<` (UTF-16 code units) only for characters beyond
 * U+FFFF against those from U+E000 to U+FFFF.
 */
function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  // One is a prefix of the other (or they are equal): the shorter sorts first.
  return a.length - b.length;
}

function asNumber(value: Value): number {
  if (typeof value !== "number") throw misuse(`expected a number but got ${JSON.stringify(value)}`);
  return value;
}

function asBoolean(value: Value): boolean {
  if (typeof value !== "boolean") throw misuse(`expected true or false but got ${JSON.stringify(value)}`);
  return value;
}

function asBooleanOrNull(value: Value): boolean | null {
  return value === null ? null : asBoolean(value);
}

function misuse(problem: string): EvaluationError {
  return new EvaluationError(`${problem}; check the expression with checkNames before evaluating it`);
}
