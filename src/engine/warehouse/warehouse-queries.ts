/**
 * Every query a warehouse engine sends for a workspace, in order: per source
 * that names a table, the shape query (which columns the table has) and the
 * read of its declared columns as text. What `--dry-run` prints and what the
 * golden files hold; the live PostgreSQL engine sends these same strings
 * (reading only the declared columns the table has).
 */
import { dialects } from "../../expr/dialects/index.ts";
import type { Config } from "../../schema/config.ts";
import { tableColumns, tableReadSql, tableShapeSql } from "./table-read-sql.ts";
import type { WarehouseEngineName } from "./warehouse-request.ts";

export interface WarehouseQuery {
  source: string;
  table: string;
  /** What the query is for. */
  purpose: "shape" | "read";
  sql: string;
}

export function warehouseQueries(config: Config, engine: WarehouseEngineName): WarehouseQuery[] {
  const dialect = dialects[engine];
  return Object.entries(config.sources).flatMap(([source, spec]) => {
    if (spec.table === undefined) return [];
    const table = spec.table;
    return [
      { source, table, purpose: "shape" as const, sql: tableShapeSql(dialect, table) },
      { source, table, purpose: "read" as const, sql: tableReadSql(dialect, table, tableColumns(spec)) },
    ];
  });
}
