/** `seg lock`: recompute from the data and write segments.lock.json. */
import { relative } from "node:path";
import { lock } from "../../api/lock.ts";
import { stylish } from "../../formatters/stylish.ts";
import { countBySeverity } from "../../diagnostics/count-by-severity.ts";
import { RECOMPUTE_OPTIONS, recomputeInputs } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { progressReporter } from "../progress.ts";
import { profileOptions, profilerFromEnv, reportProfile } from "../step-profiler.ts";
import { runDryRun } from "../warehouse-dry-run.ts";
import { warehouseReport } from "../warehouse-report.ts";
import { EVERY_OUTPUT } from "../../engine/engine-outputs.ts";
import { workspaceRoot } from "../workspace-root.ts";

export const spec = {
  name: "lock",
  summary: "Recompute features, segments, clusters and prioritization from the data and write segments.lock.json (atomically). Writes nothing while the workspace has errors.",
  usage: "seg lock [options]",
  options: [
    ...RECOMPUTE_OPTIONS,
  ],
  examples: ["seg lock", "seg lock --root examples/online-retail --data-dir ../shared/data/online-retail"],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  const root = workspaceRoot(args, io);
  const inputs = recomputeInputs(args, io);
  const dryRun = await runDryRun(args.options["dry-run"], inputs, root, io, EVERY_OUTPUT);
  if (dryRun !== undefined) return dryRun;
  const progress = progressReporter(io);
  const profiler = profilerFromEnv(io);
  const result = await lock({ root, ...inputs, progress, ...profileOptions(profiler) });
  progress.done();
  reportProfile(profiler, io);
  if (!result.written) {
    const shown = result.blocking.length > 0 ? result.blocking : result.check.diagnostics.filter((d) => d.severity === "error");
    io.stderr(stylish({ root: result.check.root, asOf: result.check.asOf, diagnostics: shown, counts: countBySeverity(shown) }, { color: useColor(io) }));
    io.stderr("seg lock: nothing written; fix the errors above first.\n");
    return 1;
  }
  const { lock: written } = result.written;
  const where = relative(io.cwd, result.written.path) || result.written.path;
  const schemes = Object.entries(written.schemes)
    .map(([scheme, s]) => `  ${scheme}: ${Object.entries(s.segments).map(([id, x]) => `${id} ${x.count} (${(x.share * 100).toFixed(1)}%)`).join(", ")}${s.unassigned.count ? `, unassigned ${s.unassigned.count}` : ""}`)
    .join("\n");
  const warehouse = result.check.data?.engine.warehouse;
  const report = warehouse && inputs.warehouse ? `${warehouseReport(inputs.warehouse.engine, warehouse).join("\n")}\n` : "";
  io.stdout(`${result.written.changed ? "Wrote" : "Up to date:"} ${where} — ${written.members} members as of ${written.asOf}\n${schemes}\n${report}`);
  return 0;
}
