import type { Expr } from "./ast.ts";
import { childrenOf } from "./children.ts";

/**
 * The feature names an expression reads, each once, in code-unit order (`Array.prototype.sort`),
 * so the result is stable across runs. Function names are not included.
 */
export function referencedNames(ast: Expr): string[] {
  const names = new Set<string>();
  const pending: Expr[] = [ast];
  for (let expr = pending.pop(); expr !== undefined; expr = pending.pop()) {
    if (expr.kind === "ident") names.add(expr.name);
    pending.push(...childrenOf(expr));
  }
  return [...names].sort();
}
