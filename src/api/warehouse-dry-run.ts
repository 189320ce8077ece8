/**
 * `--dry-run` with a warehouse engine as a library call: read and validate the
 * workspace's definitions, then list the queries the warehouse would receive,
 * without connecting anywhere.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { EngineOutput } from "../engine/engine-outputs.ts";
import { warehouseQueries, type QueryDates, type WarehouseQuery } from "../engine/warehouse/warehouse-queries.ts";
import type { WarehouseEngineName } from "../engine/warehouse/warehouse-request.ts";
import { readWorkspace } from "../workspace/read-workspace.ts";

export interface DryRunResult {
  /** Errors in segmentation.yaml that stop the queries from being written. */
  diagnostics: Diagnostic[];
  queries: WarehouseQuery[];
}

/** `dates.asOf`: --as-of when given (else the workspace's as_of, else today). `outputs`: what the command reads of the recompute. */
export function warehouseDryRun(root: string, engine: WarehouseEngineName, dates: { today: string; asOf?: string }, outputs: ReadonlySet<EngineOutput>): DryRunResult {
  const { workspace, diagnostics } = readWorkspace(root);
  const errors = diagnostics.filter((d) => d.severity === "error" && d.file === workspace.config?.file.path);
  if (!workspace.config || errors.length > 0) return { diagnostics: errors.length > 0 ? errors : diagnostics.filter((d) => d.severity === "error"), queries: [] };
  const asOf = dates.asOf ?? workspace.config.value.as_of ?? dates.today;
  const queryDates: QueryDates = { asOf, today: dates.today };
  return { diagnostics: [], queries: warehouseQueries(workspace.config.value, engine, queryDates, outputs) };
}
