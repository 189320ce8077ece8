/**
 * How tightly each kind of node binds, matching the parser's levels (loosest first). The
 * formatter and the prose describer use it to decide where parentheses are needed.
 */
import type { BinaryOperator, Expr } from "./ast.ts";

export const PRECEDENCE = {
  or: 1,
  and: 2,
  not: 3,
  /** `=`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `between`, `is null`: these do not chain. */
  comparison: 4,
  additive: 5,
  multiplicative: 6,
  negation: 7,
  /** Literals, names, calls. */
  primary: 8,
} as const;

export function binaryPrecedence(operator: BinaryOperator): number {
  switch (operator) {
    case "or":
      return PRECEDENCE.or;
    case "and":
      return PRECEDENCE.and;
    case "+":
    case "-":
      return PRECEDENCE.additive;
    case "*":
    case "/":
    case "%":
      return PRECEDENCE.multiplicative;
    default:
      return PRECEDENCE.comparison;
  }
}

export function precedenceOf(expr: Expr): number {
  switch (expr.kind) {
    case "binary":
      return binaryPrecedence(expr.operator);
    case "unary":
      return expr.operator === "not" ? PRECEDENCE.not : PRECEDENCE.negation;
    case "in":
    case "between":
    case "isNull":
      return PRECEDENCE.comparison;
    default:
      return PRECEDENCE.primary;
  }
}

/**
 * Whether `child` needs parentheses as an operand of an operator of precedence `parent`.
 * `side` matters for left-associative operators: `a - (b - c)` keeps its parentheses, and so
 * does `a or (b or c)`, so that formatting and re-parsing gives back the same tree. Operands of
 * comparisons need them on both sides, since comparisons do not chain.
 */
export function needsParentheses(child: Expr, parent: number, side: "left" | "right"): boolean {
  const own = precedenceOf(child);
  if (own < parent) return true;
  if (own > parent) return false;
  return side === "right" || parent === PRECEDENCE.comparison;
}
