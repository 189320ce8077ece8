/**
 * The order the clustering sample is drawn in: members sorted by the md5 of
 * their id (as text) and the seed, lowest first, ties (none: the ids differ)
 * by id. Every warehouse Seg writes SQL for computes md5 of the same text to
 * the same 32 hex digits, and hex digits sort alike byte by byte, so DuckDB
 * and a warehouse draw the very same members: the fit can run on a sample
 * the warehouse sends back instead of every member's row. DuckDB's own
 * hash() is fast but computed nowhere else.
 */
import type { Dialect } from "../../expr/dialects/dialect.ts";

/** An ORDER BY key (hex text) for the member whose id is the SQL `id`, drawn with `seed`. */
export function sampleKeySql(dialect: Dialect, id: string, seed: number): string {
  const text = `CAST(${id} AS ${dialect.type("string")}) || ${dialect.stringLiteral(`/${seed}`)}`;
  const hex = dialect.name === "bigquery" ? `TO_HEX(MD5(${text}))` : `md5(${text})`;
  return dialect.byteOrder(hex);
}
