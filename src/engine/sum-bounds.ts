/**
 * The bounds of the values a query will sum (fixed-point-sum.ts): per column, one scan of the
 * table counts them and finds the largest and the smallest nonzero magnitude, and whether all
 * are finite. Columns are SQL over the row `t`, taken as doubles. `query` runs the scan: the
 * database, or metrics-memo.ts, which answers it from the cache when the table's content is known.
 */
import { fixedPointExponent, type FixedPoint, type SumBounds } from "../expr/dialects/fixed-point-sum.ts";
import type { Row } from "./duckdb.ts";

export async function sumBounds(query: (sql: string) => Promise<Row[]>, table: string, columns: ReadonlyMap<string, string>): Promise<Map<string, SumBounds>> {
  const keys = [...columns.keys()];
  if (keys.length === 0) return new Map();
  const select = keys.flatMap((key, i) => {
    const x = `CAST(${columns.get(key)!} AS DOUBLE)`;
    return [`count(${x}) AS n${i}`, `max(abs(${x})) AS hi${i}`, `min(abs(${x})) FILTER (WHERE ${x} <> 0) AS lo${i}`, `coalesce(bool_and(isfinite(${x})), true) AS ok${i}`];
  });
  const [row] = await query(`SELECT ${select.join(", ")} FROM ${table} t`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return new Map(keys.map((key, i) => [key, { count: Number(row?.[`n${i}`] ?? 0), maxAbs: num(row?.[`hi${i}`]), minAbs: num(row?.[`lo${i}`]), finite: row?.[`ok${i}`] === true }]));
}

/** Per column, the fixed point its bounds allow (fixedPointExponent); a column whose values need the sorted-list sum is left out. */
export async function fixedPointsOf(query: (sql: string) => Promise<Row[]>, table: string, columns: ReadonlyMap<string, string>): Promise<Map<string, FixedPoint>> {
  const points = new Map<string, FixedPoint>();
  for (const [key, bounds] of await sumBounds(query, table, columns)) {
    const point = fixedPointExponent(bounds);
    if (point !== undefined) points.set(key, point);
  }
  return points;
}

/**
 * The bounds of a column's squares (each value times itself as doubles) from the column's own bounds, without a scan of
 * them: rounding is monotone, so the largest square is the square of the largest magnitude and the smallest nonzero
 * square that of the smallest nonzero magnitude, and a square is finite where the largest one is. Undefined when the
 * smallest square is below the normal doubles (it may round to zero and drop out of the nonzero ones): then the squares
 * are scanned.
 */
export function squaredBounds(bounds: SumBounds): SumBounds | undefined {
  const square = (x: number | null) => (x === null ? null : x * x);
  const minAbs = square(bounds.minAbs);
  if (minAbs !== null && minAbs < 2 ** -1022) return undefined;
  const maxAbs = square(bounds.maxAbs);
  return { count: bounds.count, maxAbs, minAbs, finite: bounds.finite && (maxAbs === null || Number.isFinite(maxAbs)) };
}
