/**
 * A finite number as SQL that every dialect reads back as the same IEEE double.
 *
 * - Whole numbers within ±2^53 are written as plain digits: `45`, `(-3)`.
 * - Other numbers with a plain decimal form are cast from a decimal literal:
 *   `CAST(0.5 AS DOUBLE)`. Without the cast, DuckDB, Postgres and Snowflake would read `0.5`
 *   as an exact decimal, and `x * 1.1` would then round differently from the double
 *   arithmetic of `evaluate` and of BigQuery.
 * - Numbers whose shortest form needs an exponent (`1e+21`, `5e-7`) or that are whole but
 *   beyond ±2^53 are cast from text: `CAST('1e+21' AS DOUBLE)`, so no dialect has to parse an
 *   exponent or an over-long integer literal.
 *
 * Negative numbers are parenthesized, so that `a - -5` can never become `a --5`, which SQL
 * reads as a comment.
 */
export function sqlNumber(value: number, doubleType: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as an SQL number`);
  if (value < 0) return `(-${sqlNumber(-value, doubleType)})`;
  if (Number.isSafeInteger(value)) return String(value === 0 ? 0 : value);
  const text = String(value);
  return /^[0-9]+\.[0-9]+$/.test(text) ? `CAST(${text} AS ${doubleType})` : `CAST('${text}' AS ${doubleType})`;
}
