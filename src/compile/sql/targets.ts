/** The warehouses `seg compile` writes SQL for, by the name --target and --dialect accept. */
import type { DialectName } from "../../expr/dialects/dialect.ts";
import { bigqueryTarget } from "./bigquery.ts";
import { duckdbTarget } from "./duckdb.ts";
import { postgresTarget } from "./postgres.ts";
import { snowflakeTarget } from "./snowflake.ts";
import type { SqlTarget } from "./sql-target.ts";

export const sqlTargets: Readonly<Record<DialectName, SqlTarget>> = { bigquery: bigqueryTarget, duckdb: duckdbTarget, postgres: postgresTarget, snowflake: snowflakeTarget };
