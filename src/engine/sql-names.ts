/**
 * Table names the engine creates and the DuckDB quoting it needs. Names come
 * from the validated config (kebab/identifier-safe) and are still quoted;
 * values are always written through the dialect's literal functions, never
 * spliced. The member id column is the plan's (src/compile/plan.ts).
 */
import { MEMBER_ID } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";

export { MEMBER_ID };

export const q = (name: string): string => duckdb.quoteIdent(name);
export const lit = (value: string): string => duckdb.stringLiteral(value);
export const num = (value: number): string => duckdb.numberLiteral(value);

export const sourceTable = (source: string): string => q(`source_${source}`);
export const MEMBERS = q("members");
export const FEATURES = q("features");
