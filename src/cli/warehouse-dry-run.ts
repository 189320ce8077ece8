/**
 * What every recomputing command does with `--engine <warehouse> --dry-run`:
 * print the queries the warehouse would receive, step by step, one per
 * statement ending in `;`, each after a comment naming its step (and source
 * and table) and when it is sent if not on every run, then stop (exit 0,
 * or 1 when segmentation.yaml has errors).
 */
import type { EngineOutput } from "../engine/engine-outputs.ts";
import type { WarehouseQuery } from "../engine/warehouse/warehouse-queries.ts";
import { countBySeverity } from "../diagnostics/count-by-severity.ts";
import { stylish } from "../formatters/stylish.ts";
import type { DataOptionValues } from "./data-options.ts";
import { useColor, type Io } from "./io.ts";

/**
 * The exit code when this is a dry run (after printing), else undefined: the command runs. `outputs`: what the command
 * reads of the recompute (the queries it would send). The warehouses' SQL (every dialect) is loaded for a dry run only.
 */
export async function runDryRun(dryRun: boolean | undefined, data: DataOptionValues & { asOf?: string }, root: string, io: Io, outputs: ReadonlySet<EngineOutput>): Promise<number | undefined> {
  if (!dryRun || !data.warehouse) return undefined;
  const { warehouseDryRun } = await import("../api/warehouse-dry-run.ts");
  const result = warehouseDryRun(root, data.warehouse.engine, { today: io.today(), ...(data.asOf !== undefined ? { asOf: data.asOf } : {}) }, outputs);
  if (result.diagnostics.length > 0) {
    io.stderr(stylish({ root, asOf: "", diagnostics: result.diagnostics, counts: countBySeverity(result.diagnostics) }, { color: useColor(io) }));
    return 1;
  }
  if (result.queries.length === 0) {
    io.stderr(`--engine ${data.warehouse.engine}: no source names a warehouse table (table: in segmentation.yaml), so the warehouse would receive nothing.\n`);
    return 1;
  }
  io.stdout(result.queries.map((query) => `-- ${heading(query)}\n${query.sql};\n`).join("\n"));
  return 0;
}

/** What the query is for: the source and table of a per-source step, and when it is sent if not on every run. */
function heading(query: WarehouseQuery): string {
  const step = query.source !== undefined ? `${query.source}: ${query.purpose} ${query.table}` : `${query.purpose}: ${query.purpose === "features-asked" ? "the asked members" : "every member"}`;
  return query.when !== undefined ? `${step} (${query.when})` : step;
}
