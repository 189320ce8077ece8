/**
 * The table reader of the engine a command asked for. PostgreSQL connects
 * through `pg`; BigQuery and Snowflake have their SQL written and tested
 * (`--dry-run` prints it) but no client is bundled yet, so a live run stops
 * with a message that says so instead of pretending.
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
  // The client is loaded only when a command runs on PostgreSQL: every other run spares importing it.
  if (request.engine === "postgres") return (await import("./postgres-tables.ts")).connectPostgres(postgresConnection(request, workspaceRoot));
  throw new SegError(
    `--engine ${request.engine}: Seg does not bundle the ${LABELS[request.engine]} client yet, so it cannot run there. Add --dry-run to print the queries ${LABELS[request.engine]} would receive (see "Warehouse engines" in the README).`,
  );
}
