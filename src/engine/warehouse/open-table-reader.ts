/**
 * The table reader of the engine a command asked for: PostgreSQL through
 * `pg`, BigQuery and Snowflake through their official clients (optional peer
 * dependencies, loaded only when their engine runs).
 */
import { SegError } from "../../diagnostics/seg-error.ts";
import type { Config } from "../../schema/config.ts";
import { bigqueryConnection, connectBigQuery } from "./bigquery-tables.ts";
import { connectPostgres } from "./postgres-tables.ts";
import { postgresConnection } from "./profiles.ts";
import { connectSnowflake, snowflakeConnection } from "./snowflake-tables.ts";
import type { TableReader } from "./table-reader.ts";
import type { WarehouseRequest } from "./warehouse-request.ts";

const LABELS = { postgres: "PostgreSQL", bigquery: "BigQuery", snowflake: "Snowflake" } as const;

export async function openTableReader(request: WarehouseRequest, config: Config, workspaceRoot: string): Promise<TableReader> {
  if (!Object.values(config.sources).some((s) => s.table !== undefined)) {
    throw new SegError(`--engine ${request.engine}: no source in segmentation.yaml names a warehouse table (add table: schema.name to a source), so there is nothing to read from ${LABELS[request.engine]}.`);
  }
  if (request.engine === "postgres") return connectPostgres(postgresConnection(request, workspaceRoot));
  if (request.engine === "bigquery") return connectBigQuery(bigqueryConnection(request, workspaceRoot));
  return connectSnowflake(snowflakeConnection(request, workspaceRoot));
}
