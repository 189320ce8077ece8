/** Compile a validated expression to DuckDB SQL over quoted column names. */
import { duckdb } from "../expr/dialects/duckdb.ts";
import { emitSql } from "../expr/emit-sql.ts";
import { parseExpression } from "../expr/parser.ts";
import { q } from "./sql-names.ts";

export function compileExpression(text: string, column: (name: string) => string = q): string {
  const parsed = parseExpression(text);
  // Expressions reach the engine only after the check accepted them.
  if (!parsed.ok) throw new Error(`expression failed to parse after validation: ${parsed.error.message}`);
  return emitSql(parsed.ast, duckdb, column);
}
