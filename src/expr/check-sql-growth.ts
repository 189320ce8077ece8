/**
 * Keeps the emitted SQL from growing exponentially.
 *
 * A few constructs have to repeat one operand in some dialect's SQL: the divisor of `/` and
 * `%` (DuckDB expands `NULLIF(divisor, 0)` into a CASE that names the divisor twice), and the
 * argument of `sqrt` (`CASE WHEN x >= 0 THEN x END` in Postgres and Snowflake). Each level of
 * such nesting doubles the size of what is inside it, so `1 / (1 / (1 / …))` sixty levels
 * deep would be far too large to plan. Real conditions nest these a level or two; this check
 * refuses more than `MAX_REPEATED_NESTING`.
 */
import type { Expr } from "./ast.ts";
import { childrenOf } from "./children.ts";
import type { ExprError } from "./expr-error.ts";
import { MAX_REPEATED_NESTING } from "./limits.ts";

export function checkSqlGrowth(ast: Expr): ExprError[] {
  const errors: ExprError[] = [];
  const visit = (expr: Expr, repeated: number): void => {
    if (repeated > MAX_REPEATED_NESTING) {
      errors.push({
        code: "too-complex",
        message: `divisions and square roots nest more than ${MAX_REPEATED_NESTING} levels deep here`,
        hint: "simplify the expression, or compute part of it as a feature",
        start: expr.loc.start,
        end: expr.loc.end,
      });
      return;
    }
    childrenOf(expr).forEach((child) => visit(child, repeated + (isRepeated(expr, child) ? 1 : 0)));
  };
  visit(ast, 0);
  return errors;
}

/** Whether some dialect writes `child` twice in the SQL for `parent`. */
function isRepeated(parent: Expr, child: Expr): boolean {
  if (parent.kind === "binary") return (parent.operator === "/" || parent.operator === "%") && child === parent.right;
  return parent.kind === "call" && parent.name === "sqrt";
}
