/**
 * What every recomputing command does with `--engine <warehouse> --dry-run`:
 * print the queries the warehouse would receive, one per statement ending in
 * `;`, each after a comment naming its source and table, then stop (exit 0,
 * or 1 when segmentation.yaml has errors).
 */
import { warehouseDryRun } from "../api/warehouse-dry-run.ts";
import { countBySeverity } from "../diagnostics/count-by-severity.ts";
import { stylish } from "../formatters/stylish.ts";
import type { DataOptionValues } from "./data-options.ts";
import { useColor, type Io } from "./io.ts";

/** The exit code when this is a dry run (after printing), else undefined: the command runs. */
export function runDryRun(dryRun: boolean | undefined, data: DataOptionValues, root: string, io: Io): number | undefined {
  if (!dryRun || !data.warehouse) return undefined;
  const result = warehouseDryRun(root, data.warehouse.engine);
  if (result.diagnostics.length > 0) {
    io.stderr(stylish({ root, asOf: "", diagnostics: result.diagnostics, counts: countBySeverity(result.diagnostics) }, { color: useColor(io) }));
    return 1;
  }
  if (result.queries.length === 0) {
    io.stderr(`--engine ${data.warehouse.engine}: no source names a warehouse table (table: in segmentation.yaml), so the warehouse would receive nothing.\n`);
    return 1;
  }
  io.stdout(result.queries.map((query) => `-- ${query.source}: ${query.purpose} ${query.table}\n${query.sql};\n`).join("\n"));
  return 0;
}
