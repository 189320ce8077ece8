import type { Config } from "../schema/config.ts";
import type { Expr } from "./ast.ts";
import { parseExpression } from "./parser.ts";
import { referencedNames } from "./referenced-names.ts";

/**
 * The names a definition depends on: the names it reads and, through computed
 * features (`expression:`) and derived source columns, every name those are
 * computed from; each once, sorted. A segment defined by `shelf_share >= 0.6`,
 * where shelf_share is `(Grocery + Milk + Detergents_Paper) / total_spend`,
 * spends more on Grocery by definition, so a difference in Grocery proves nothing
 * about it (rules differentiable and undifferentiated).
 */
export function definingNames(ast: Expr, config: Pick<Config, "features" | "sources">): string[] {
  const computedFrom = new Map<string, string>();
  for (const source of Object.values(config.sources)) {
    for (const [name, column] of Object.entries(source.columns)) if (column.expression !== undefined) computedFrom.set(name, column.expression);
  }
  // A feature replaces a column of the same name, so features are read last.
  for (const [name, feature] of Object.entries(config.features)) {
    if ("expression" in feature) computedFrom.set(name, feature.expression);
    else computedFrom.delete(name);
  }
  const names = new Set<string>();
  const pending = referencedNames(ast);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (names.has(name)) continue;
    names.add(name);
    const expression = computedFrom.get(name);
    const parsed = expression === undefined ? undefined : parseExpression(expression);
    if (parsed?.ok) pending.push(...referencedNames(parsed.ast));
  }
  return [...names].sort();
}
