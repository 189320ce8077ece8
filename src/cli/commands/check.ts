/** `seg check`: validate, recompute and lint the workspace; report findings. */
import { resolve } from "node:path";
import { writeFileSync } from "node:fs";
import { check } from "../../api/check.ts";
import { formatterNames, formatters } from "../../formatters/index.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { UsageError } from "../usage-error.ts";
import { parseDateOption } from "../parse-date-option.ts";
import { progressReporter } from "../progress.ts";

export const spec: CommandSpec = {
  name: "check",
  summary: "Validate the workspace, recompute what it states, run the rules and report findings.",
  usage: "seg check [options]",
  options: [
    { name: "format", type: "string", choices: formatterNames, default: "stylish", description: "Output format." },
    { name: "output", type: "string", placeholder: "FILE", description: "Write the report to FILE instead of standard output." },
    { name: "max-warnings", type: "number", placeholder: "N", description: "Exit 1 when there are more than N warnings." },
    { name: "as-of", type: "string", placeholder: "YYYY-MM-DD", description: "The analysis date (overrides as_of in segmentation.yaml)." },
    { name: "quiet", type: "boolean", description: "Report errors only." },
    { name: "data-dir", type: "string", placeholder: "DIR", description: "Folder that source paths are relative to (default: the workspace), for data kept outside the repository." },
    { name: "no-data", type: "boolean", description: "Check definitions only; do not recompute from the data (skips lock and data-aware rules)." },
  ],
  examples: ["seg check", "seg check --format json --output report.json", "seg check --root examples/online-retail --max-warnings 0"],
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, (args.options.root as string | undefined) ?? ".");
  const asOf = parseDateOption(args.options["as-of"], "--as-of");
  if (args.positionals.length > 0) throw new UsageError(`seg check takes no arguments, got "${args.positionals.join(" ")}". Use --root DIR for a workspace elsewhere.`);
  const progress = progressReporter(io);
  const result = await check({
    root,
    today: io.today(),
    ...(asOf ? { asOf } : {}),
    ...(args.options["data-dir"] ? { dataDir: resolve(io.cwd, args.options["data-dir"] as string) } : {}),
    data: args.options["no-data"] !== true,
    progress,
  });
  progress.done();
  const quiet = args.options.quiet === true;
  const diagnostics = quiet ? result.diagnostics.filter((d) => d.severity === "error") : result.diagnostics;
  const format = (args.options.format as string | undefined) ?? "stylish";
  const formatter = formatters[format]!;
  const output = args.options.output as string | undefined;
  const text = formatter(
    { root: result.root, asOf: result.asOf, diagnostics, counts: quiet ? { error: result.counts.error, warning: 0, info: 0 } : result.counts },
    { color: output === undefined && useColor(io) },
  );
  if (output !== undefined) writeFileSync(resolve(io.cwd, output), text);
  else io.stdout(text);
  const maxWarnings = args.options["max-warnings"] as number | undefined;
  if (result.counts.error > 0) return 1;
  if (maxWarnings !== undefined && result.counts.warning > maxWarnings) {
    io.stderr(`seg check: ${result.counts.warning} warnings exceed --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
