/** What `seg compile --target` accepts: a warehouse dialect (views) or dbt (models in a dialect). */
import type { DialectName } from "../expr/dialects/dialect.ts";

export const COMPILE_TARGETS = ["duckdb", "postgres", "bigquery", "snowflake", "dbt"] as const;

export type CompileTarget = (typeof COMPILE_TARGETS)[number];

export const DIALECT_NAMES: readonly DialectName[] = ["duckdb", "postgres", "bigquery", "snowflake"];
