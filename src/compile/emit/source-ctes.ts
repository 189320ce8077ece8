/**
 * One source as the engine loads it (load-sources): declared columns cast to
 * their types (from text: trimmed, empty text missing), derived columns
 * computed, then the filter applied. The warehouse table is the source's input
 * reference; what it is called is decided when the output is rendered.
 */
import { emitSql } from "../../expr/emit-sql.ts";
import type { SourcePlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { inputRef, type Cte } from "./query.ts";

/** Steps named `<name>_typed`, `<name>_derived` (when there are derived columns) and `<name>`. */
export function sourceCtes(source: SourcePlan, name: string, dialect: Dialect): Cte[] {
  const q = dialect.quoteIdent;
  const ctes: Cte[] = [{ name: `${name}_typed`, sql: `SELECT\n  ${source.columns.map((c) => `${typedReadSql(source, c, dialect)} AS ${q(c.name)}`).join(",\n  ")}\nFROM ${inputRef(source.name)} r` }];
  const row = (column: string) => `t.${q(column)}`;
  let last = `${name}_typed`;
  if (source.derived.length > 0) {
    const derived = source.derived.map((d) => derivedColumnSql(d, dialect, row));
    ctes.push({ name: `${name}_derived`, sql: `SELECT\n  t.*,\n  ${derived.join(",\n  ")}\nFROM ${last} t` });
    last = `${name}_derived`;
  }
  ctes.push({ name, sql: `SELECT t.*\nFROM ${last} t${source.filter ? `\nWHERE ${emitSql(source.filter, dialect, row)}` : ""}` });
  return ctes;
}

/** A declared column of the raw row `r` (the input's column `from`) as the typed step reads it: cast to its type (from text: trimmed, empty text missing). */
export function typedReadSql(source: SourcePlan, column: SourcePlan["columns"][number], dialect: Dialect): string {
  const raw = `r.${dialect.quoteIdent(column.from)}`;
  if (!source.textual || (source.textual === "strings" && column.type !== "string")) return `CAST(${raw} AS ${dialect.type(column.type)})`;
  const text = `NULLIF(${dialect.trim(`CAST(${raw} AS ${dialect.type("string")})`)}, '')`;
  return column.type === "string" ? text : `CAST(${text} AS ${dialect.type(column.type)})`;
}

/** A derived column computed from the row's columns (named through `column`) and cast to its type. */
export function derivedColumnSql(derived: SourcePlan["derived"][number], dialect: Dialect, column: (name: string) => string): string {
  return `CAST(${emitSql(derived.expression, dialect, column)} AS ${dialect.type(derived.type)}) AS ${dialect.quoteIdent(derived.name)}`;
}
