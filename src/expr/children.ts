import type { Expr } from "./ast.ts";

/**
 * The direct sub-expressions of a node, left to right in source order. Walks that do not care
 * about the node's kind (collecting names, measuring depth) use this instead of their own switch.
 */
export function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case "unary":
    case "isNull":
      return [expr.operand];
    case "binary":
      return [expr.left, expr.right];
    case "in":
      return [expr.operand, ...expr.items];
    case "between":
      return [expr.operand, expr.low, expr.high];
    case "call":
      return expr.args;
    case "number":
    case "string":
    case "boolean":
    case "null":
    case "ident":
      return [];
  }
}
