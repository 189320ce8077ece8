/**
 * The table reader of the engine a command asked for: PostgreSQL through
 * `pg`, BigQuery and Snowflake through their official clients (optional peer
 * dependencies, loaded only when their engine runs).
 */
import { SegError } from "../../diagnostics/seg-error.ts";
import type { Config } from "../../schema/config.ts";
import { postgresConnection } from "./profiles.ts";
import type { TableReader } from "./table-reader.ts";
import type { WarehouseRequest } from "./warehouse-request.ts";

const LABELS = { postgres: "PostgreSQL", bigquery: "BigQuery", snowflake: "Snowflake" } as const;

export async function openTableReader(request: WarehouseRequest, config: Config, workspaceRoot: string): Promise<TableReader> {
  if (!Object.values(config.sources).some((s) => s.table !== undefined)) {
    throw new SegError(`--engine ${request.engine}: no source in segmentation.yaml names a warehouse table (add table: schema.name to a source), so there is nothing to read from ${LABELS[request.engine]}.`);
  }
  // A client is loaded only when a command runs on its warehouse: every other run spares importing it.
  if (request.engine === "postgres") return (await import("./postgres-tables.ts")).connectPostgres(postgresConnection(request, workspaceRoot));
  if (request.engine === "bigquery") {
    const { bigqueryConnection, connectBigQuery } = await import("./bigquery-tables.ts");
    return connectBigQuery(bigqueryConnection(request, workspaceRoot));
  }
  const { connectSnowflake, snowflakeConnection } = await import("./snowflake-tables.ts");
  return connectSnowflake(snowflakeConnection(request, workspaceRoot));
}
