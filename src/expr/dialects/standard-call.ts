/**
 * The SQL for whitelisted functions that reads the same in every dialect, or that a dialect
 * falls back on. Each dialect's `call` handles its exceptions and passes the rest here.
 *
 * Domain guards turn out-of-domain arguments into NULL (the semantics in `functions.ts`)
 * without repeating the argument where possible, so that nested calls do not make the SQL
 * grow exponentially: `NULLIF(GREATEST(x, 0), 0)` is `x` when `x > 0` and NULL otherwise
 * (NULL stays NULL). `sqrt` accepts 0, which that trick cannot tell from a negative, so it
 * repeats its argument in a CASE; the checker limits how deeply that may nest
 * (`check-sql-growth.ts`). `1.0 + x` rather than `1 + x` keeps an integer column from
 * overflowing in `log1p`. Dialects
 * with a way to catch the function's own error (DuckDB's `TRY`, BigQuery's `SAFE.`) use it
 * instead.
 */
import type { FunctionName } from "../functions.ts";

export function standardCall(name: FunctionName, args: readonly string[]): string {
  const [x = "NULL", y] = args;
  switch (name) {
    case "abs":
    case "ceil":
    case "floor":
    case "lower":
    case "upper":
    case "length":
    case "coalesce":
    case "greatest":
    case "least":
    case "starts_with":
    case "contains":
      return `${name.toUpperCase()}(${args.join(", ")})`;
    case "round":
      return y === undefined ? `ROUND(${x})` : `ROUND(${x}, ${y})`;
    case "sqrt":
      return `SQRT(CASE WHEN ${x} >= 0 THEN ${x} END)`;
    case "ln":
      return `LN(${positiveOnly(x)})`;
    case "log10":
      return `LOG10(${positiveOnly(x)})`;
    case "log1p":
      return `LN(1.0 + NULLIF(GREATEST(${x}, -1), -1))`;
  }
}

/** `x` when it is above zero, else NULL. */
export function positiveOnly(x: string): string {
  return `NULLIF(GREATEST(${x}, 0), 0)`;
}
