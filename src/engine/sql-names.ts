/**
 * Table names the engine creates and the SQL literals it needs. Names come from
 * the validated config (kebab/identifier-safe) and are still quoted; values are
 * always written through the dialect's literal functions, never spliced.
 */
import { duckdb } from "../expr/dialects/duckdb.ts";

export const q = (name: string): string => duckdb.quoteIdent(name);
export const lit = (value: string): string => duckdb.stringLiteral(value);
export const num = (value: number): string => duckdb.numberLiteral(value);

export const sourceTable = (source: string): string => q(`source_${source}`);
export const MEMBERS = q("members");
export const FEATURES = q("features");
export const MEMBER_ID = "member_id";

/** DuckDB type of a declared column type. */
export function sqlType(type: string): string {
  switch (type) {
    case "integer":
      return "BIGINT";
    case "number":
      return "DOUBLE";
    case "boolean":
      return "BOOLEAN";
    case "date":
      return "DATE";
    case "timestamp":
      return "TIMESTAMP";
    default:
      return "VARCHAR";
  }
}
