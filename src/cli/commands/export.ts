/** `seg export`: members with their segments and features, as CSV, Parquet or JSON. */
import { relative, resolve } from "node:path";
import { countBySeverity } from "../../diagnostics/count-by-severity.ts";
import { exportWorkspace } from "../../api/export.ts";
import type { ExportFormat } from "../../engine/export-members.ts";
import { stylish } from "../../formatters/stylish.ts";
import { RECOMPUTE_OPTIONS, recomputeInputs } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { progressReporter } from "../progress.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { runDryRun } from "../warehouse-dry-run.ts";
import { MEMBERSHIPS_ONLY } from "../../engine/engine-outputs.ts";
import { workspaceRoot } from "../workspace-root.ts";

export const spec = {
  name: "export",
  summary: "Write every member with its segment in each scheme and its features. CSV cells that could run as spreadsheet formulas are neutralized.",
  usage: "seg export --out FILE [options]",
  options: [
    { name: "out", type: "string", placeholder: "FILE", description: "The file to write (required)." },
    { name: "format", type: "string", choices: ["csv", "parquet", "json"], description: "File format (default: from the file extension, else csv)." },
    { name: "columns", type: "string", placeholder: "A,B", description: "Feature columns to include, comma-separated (default: all)." },
    ...RECOMPUTE_OPTIONS,
  ],
  examples: ["seg export --out members.csv", "seg export --out members.parquet --columns monetary,value_tier"],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  const out = args.options.out;
  if (!out) throw new SegError("--out FILE is required: where to write the export.");
  const root = workspaceRoot(args, io);
  const inputs = recomputeInputs(args, io);
  const dryRun = await runDryRun(args.options["dry-run"], inputs, root, io, MEMBERSHIPS_ONLY);
  if (dryRun !== undefined) return dryRun;
  const format: ExportFormat = args.options.format ?? formatOfFile(out);
  const columns = args.options.columns?.split(",").map((c) => c.trim()).filter(Boolean);
  const progress = progressReporter(io);
  let result;
  try {
    result = await exportWorkspace({
      root,
      ...inputs,
      out: resolve(io.cwd, out),
      format,
      ...(columns ? { columns } : {}),
      progress,
    });
  } finally {
    progress.done();
  }
  if (!result.file) {
    io.stderr(stylish({ root, asOf: inputs.asOf ?? "", diagnostics: result.diagnostics, counts: countBySeverity(result.diagnostics) }, { color: useColor(io) }));
    io.stderr("seg export: nothing written; fix the errors above first.\n");
    return 1;
  }
  io.stdout(`Exported ${result.rows} members to ${relative(io.cwd, result.file) || result.file} (${format}).\n`);
  return 0;
}

/** The format a file name asks for; any other extension needs --format, so nothing lands in a file its name misdescribes. */
function formatOfFile(out: string): ExportFormat {
  const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "parquet" || ext === "json") return ext;
  throw new SegError(`--out ${out}: exports are CSV, Parquet or JSON; name the file .csv, .parquet or .json, or say which with --format.`);
}
