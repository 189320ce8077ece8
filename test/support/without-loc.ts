import type { Expr } from "../../src/expr/ast.ts";

/**
 * A deep copy of a tree with every `loc` (and every `quoted` mark) removed, for comparing what
 * two expressions mean regardless of how they were spaced, parenthesized or quoted: `a>1`,
 * `(a > 1)` and `"a" > 1` give equal copies.
 */
export function withoutLoc(expr: Expr): unknown {
  return JSON.parse(JSON.stringify(expr, (key, value: unknown) => (key === "loc" || key === "quoted" ? undefined : value)));
}
