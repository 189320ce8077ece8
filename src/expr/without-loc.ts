import type { Expr } from "./ast.ts";

/**
 * A deep copy of a tree with every `loc` removed, for comparing what two expressions mean
 * regardless of how they were spaced or parenthesized: `a>1` and `(a > 1)` give equal copies.
 */
export function withoutLoc(expr: Expr): unknown {
  return JSON.parse(JSON.stringify(expr, (key, value: unknown) => (key === "loc" ? undefined : value)));
}
