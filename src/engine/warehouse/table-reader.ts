/**
 * What a warehouse engine gives the engine: a way to copy a source's table
 * into a DuckDB table of text columns (named like the file's raw table), which
 * load-sources then types and checks as it does a CSV file. Connections are
 * opened once per run and closed when the sources are loaded.
 */
import type { Config } from "../../schema/config.ts";
import type { Source } from "../../schema/source.ts";
import type { LoadedDocument } from "../../workspace/read-document.ts";
import type { Database } from "../duckdb.ts";
import type { PushdownRequest, WarehouseLoad } from "./postgres-features.ts";
import type { WarehouseEngineName } from "./warehouse-request.ts";

export type TableRead =
  /** `columns`: every column the table has (the declared ones it lacks are reported by load-sources). */
  | { ok: true; columns: string[] }
  /** The table could not be read (missing, no permission); the warehouse's message. */
  | { ok: false; message: string };

export interface TableReader {
  engine: WarehouseEngineName;
  /** Copy the source's declared columns from its `table:` into the DuckDB table `raw` (unquoted name), all VARCHAR. */
  read(db: Database, raw: string, source: Source): Promise<TableRead>;
  /**
   * Type, check and digest every source and build the features and members tables in the warehouse, bringing back
   * only the feature rows (warehouse/postgres-features.ts); `{ ok: false }` with the reason when the rows must be read.
   */
  computeFeatures?(db: Database, config: LoadedDocument<Config>, asOf: string, today: string | undefined, ask: { members?: readonly string[]; digest: boolean; aggregates?: PushdownRequest["aggregates"] }): Promise<WarehouseLoad>;
  /** Rows brought back from the warehouse so far (source rows read, or feature rows). */
  rowsFetched(): number;
  /** Rows brought back so far by step, aggregates included ("checks", "digest", "features", "rows of <source>"), in the order the steps ran. */
  fetchedBySteps(): Record<string, number>;
  close(): Promise<void>;
}
