/**
 * Turns a checked expression into an SQL expression for one dialect.
 *
 *     emitSql(ast, duckdb, (name) => `m.${duckdb.quoteIdent(name)}`)
 *
 * User text never reaches the SQL as such: names go through the `column` callback (which
 * quotes them, and lets the caller choose table aliases), text and numbers through the
 * dialect's literal writers, and functions through the whitelist. Operators and keywords are
 * fixed strings chosen here. Every compound sub-expression is wrapped in parentheses, so the
 * SQL never depends on a dialect's precedence rules.
 *
 * Numbers are IEEE doubles in every dialect, as in `evaluate`: the left operand of `+`, `-`
 * and `*`, and the operand of unary minus, are cast to the dialect's double type unless they
 * are doubles already, so integer columns neither overflow nor truncate.
 *
 * Call it on trees that passed `checkNames`: an unknown function or a wrong argument count
 * here is a bug in the caller, and throws.
 */
import type { BinaryOperator, Expr } from "./ast.ts";
import type { Dialect } from "./dialects/dialect.ts";
import { lookupFunction } from "./functions.ts";

/** SQL spellings of the operators that are the same in every dialect. */
const SQL_OPERATORS: Readonly<Record<Exclude<BinaryOperator, "/" | "%">, string>> = {
  and: "AND",
  or: "OR",
  "=": "=",
  "!=": "<>",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "+": "+",
  "-": "-",
  "*": "*",
};

export function emitSql(ast: Expr, dialect: Dialect, column: (name: string) => string): string {
  const emit = (expr: Expr): string => {
    switch (expr.kind) {
      case "number":
        return dialect.numberLiteral(expr.value);
      case "string":
        return dialect.stringLiteral(expr.value);
      case "boolean":
        return expr.value ? "TRUE" : "FALSE";
      case "null":
        return "NULL";
      case "ident":
        return column(expr.name);
      case "unary": {
        if (expr.operator === "not") return `(NOT ${emit(expr.operand)})`;
        // The space in `(- x)` keeps `- -5` from ever reading as the comment `--5`.
        return `(- ${expr.operand.kind === "number" ? emit(expr.operand) : double(expr.operand)})`;
      }
      case "binary": {
        const left = emit(expr.left);
        const right = emit(expr.right);
        if (expr.operator === "/") return dialect.divide(left, right);
        if (expr.operator === "%") return dialect.modulo(left, right);
        const arithmetic = expr.operator === "+" || expr.operator === "-" || expr.operator === "*";
        return `(${arithmetic ? double(expr.left, left) : left} ${SQL_OPERATORS[expr.operator]} ${right})`;
      }
      case "in":
        return `(${emit(expr.operand)} ${expr.negated ? "NOT IN" : "IN"} (${expr.items.map(emit).join(", ")}))`;
      case "between":
        return `(${emit(expr.operand)} ${expr.negated ? "NOT " : ""}BETWEEN ${emit(expr.low)} AND ${emit(expr.high)})`;
      case "isNull":
        return `(${emit(expr.operand)} ${expr.negated ? "IS NOT NULL" : "IS NULL"})`;
      case "call": {
        const spec = lookupFunction(expr.name);
        if (spec === undefined || expr.args.length < spec.minArgs || expr.args.length > spec.maxArgs) {
          const count = expr.args.length;
          throw new Error(`emitSql was given an unchecked call to ${expr.name}() with ${count} arguments; run checkNames first`);
        }
        return dialect.call(spec.name, expr.args.map(emit));
      }
    }
  };
  /** The SQL for `expr` as a double: cast, unless `isDouble` says it is one already. */
  const double = (expr: Expr, sql = emit(expr)): string =>
    isDouble(expr) ? sql : `CAST(${sql} AS ${dialect.doubleType})`;
  return emit(ast);
}

/** Whether the SQL for `expr` is a double already: arithmetic, or a non-integer literal. */
function isDouble(expr: Expr): boolean {
  if (expr.kind === "number") return !Number.isSafeInteger(expr.value);
  if (expr.kind === "unary") return expr.operator === "-" && (expr.operand.kind !== "number" || isDouble(expr.operand));
  return expr.kind === "binary" && ["+", "-", "*", "/", "%"].includes(expr.operator);
}
