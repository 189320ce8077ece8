/** The SQL dialects Seg can emit, by the name `seg compile --target` accepts. */
import { bigquery } from "./bigquery.ts";
import type { Dialect, DialectName } from "./dialect.ts";
import { duckdb } from "./duckdb.ts";
import { postgres } from "./postgres.ts";
import { snowflake } from "./snowflake.ts";

export const dialects: Readonly<Record<DialectName, Dialect>> = { bigquery, duckdb, postgres, snowflake };
