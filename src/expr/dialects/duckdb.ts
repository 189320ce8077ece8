/**
 * DuckDB, Seg's embedded engine.
 *
 * - With its default `ieee_floating_point_ops`, DuckDB divides doubles by zero into Infinity
 *   or NaN, hence NULLIF. DuckDB expands `NULLIF(a, b)` as a macro that repeats `a`, so a
 *   divisor appears twice in the plan; the checker limits how deeply divisors nest
 *   (`check-sql-growth.ts`).
 * - The domain guards use `TRY(…)`, which turns the function's error on an out-of-domain
 *   argument (`LN(0)`) into NULL without repeating the argument.
 * - `GREATEST` and `LEAST` already skip NULLs.
 * - Sums and means add in ascending order of the values (`in-value-order.ts`): a plain
 *   parallel `sum` of doubles adds in thread-completion order and its last bits vary.
 * - The engine renders the plan with this dialect, so compiled DuckDB SQL reads like the
 *   engine's.
 */
import type { ColumnType, Dialect } from "./dialect.ts";
import { doubleQuoteIdent, singleQuoteText } from "./double-quote.ts";
import { fixedPointSum } from "./fixed-point-sum.ts";
import { sqlNumber } from "./sql-number.ts";
import { standardCall } from "./standard-call.ts";
import { inValueOrder } from "./in-value-order.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", boolean: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMP" };

export const duckdb: Dialect = {
  name: "duckdb",
  doubleType: "DOUBLE",
  quoteIdent: doubleQuoteIdent,
  stringLiteral: singleQuoteText,
  numberLiteral: (value) => sqlNumber(value, "DOUBLE"),
  call: (name, args) => {
    const [x] = args;
    switch (name) {
      case "sqrt":
        return `TRY(SQRT(${x}))`;
      case "ln":
        return `TRY(LN(${x}))`;
      case "log10":
        return `TRY(LOG10(${x}))`;
      case "log1p":
        return `TRY(LN(1.0 + ${x}))`;
      default:
        return standardCall(name, args);
    }
  },
  divide: (left, right) => `(CAST(${left} AS DOUBLE) / NULLIF(${right}, 0))`,
  modulo: (left, right) => `(${left} % NULLIF(${right}, 0))`,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${singleQuoteText(text)} AS TIMESTAMP)`,
  elapsedDays: (from, to) => `CAST(floor(epoch(${to} - ${from}) / 86400) AS BIGINT)`,
  plusOneDay: (timestamp) => `(${timestamp} + INTERVAL 1 DAY)`,
  trim: (text) => `trim(${text})`,
  matchesRegex: (text, pattern) => `regexp_matches(${text}, ${singleQuoteText(pattern)}, 'i')`,
  byteOrder: (text) => text,
  orderedAggregate: (aggregate, value, filter) => inValueOrder(aggregate, value, filter),
  exactAggregate: (aggregate, value, point, filter) => {
    if (point === undefined) return inValueOrder(aggregate, value, filter);
    const sum = fixedPointSum(value, point, filter);
    return aggregate === "sum" ? sum : `(${sum} / count(${value})${filter !== undefined ? ` FILTER (WHERE ${filter})` : ""})`;
  },
  aggregateFilter: true,
};
