/** `seg diff`: what a change does to definitions, sizes, ranks, memberships and findings, for a PR comment or the terminal. */
import { resolve } from "node:path";
import { diff } from "../../api/diff.ts";
import { evaluateFailOn, FAIL_ON_CONDITIONS, parseFailOn, type FailOnCondition } from "../../diff/fail-on.ts";
import { diffFormatNames, diffFormatters } from "../../diff/format/index.ts";
import { GitError } from "../../diff/git-error.ts";
import { dataOptionValues, ENGINE_OPTIONS, WAREHOUSE_OPTIONS } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { parseDateOption } from "../parse-date-option.ts";
import { progressReporter } from "../progress.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { runDryRun } from "../warehouse-dry-run.ts";
import { EVERY_OUTPUT } from "../../engine/engine-outputs.ts";
import { workspaceRoot } from "../workspace-root.ts";
import { writeOutputFile } from "../../workspace/write-file-safely.ts";

export const spec = {
  name: "diff",
  summary:
    "Compare the workspace at a git revision with the working tree (or another revision): definition changes, sizes, shares, value and rank base → head, where customers moved, cluster changes, and findings new and fixed.",
  usage: "seg diff --base <git-ref> [--head <git-ref>] [options]",
  options: [
    { name: "base", type: "string", placeholder: "REF", description: "The revision to compare against, e.g. origin/main (required)." },
    { name: "head", type: "string", placeholder: "REF", description: "The revision to compare; default: the working tree, uncommitted changes included." },
    {
      name: "data",
      type: "string",
      choices: ["head", "base", "each"],
      default: "head",
      description: "Whose data both sides are recomputed on: head shows the effect of the definitions alone; each recomputes every side on its own data.",
    },
    { name: "format", type: "string", choices: diffFormatNames, default: "stylish", description: "Output format; markdown is a PR comment under 64 KB." },
    { name: "output", type: "string", placeholder: "FILE", description: "Write the report to FILE instead of standard output." },
    {
      name: "fail-on",
      type: "string",
      placeholder: "CONDITIONS",
      description: `Exit 1 when a condition holds, comma-separated: ${FAIL_ON_CONDITIONS.map((c) => `${c.takes ? `${c.name}:${c.takes}` : c.name} (${c.description})`).join("; ")}.`,
    },
    { name: "as-of", type: "string", placeholder: "YYYY-MM-DD", description: "The analysis date for both sides (overrides as_of)." },
    { name: "data-dir", type: "string", placeholder: "DIR", description: "Folder both sides read their data from, for data kept outside the repository." },
    ...ENGINE_OPTIONS,
    ...WAREHOUSE_OPTIONS,
  ],
  examples: [
    "seg diff --base main",
    "seg diff --base origin/main --format markdown --output diff.md",
    "seg diff --base v1.0 --head v2.0 --data each",
    "seg diff --base origin/main --fail-on share-change:5,new-errors",
  ],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  if (args.positionals.length > 0) throw new SegError(`seg diff takes no arguments, got "${args.positionals.join(" ")}". Name the revisions with --base and --head.`);
  const base = args.options.base;
  if (base === undefined) throw new SegError("--base REF is required, e.g. seg diff --base origin/main.");
  const failOn = parseConditions(args.options["fail-on"]);
  const asOf = parseDateOption(args.options["as-of"], "--as-of");
  const dataOptions = dataOptionValues(args, io);
  const { threads, memoryLimit, cache, warehouse } = dataOptions;
  const root = workspaceRoot(args, io);
  const dryRun = await runDryRun(args.options["dry-run"], dataOptions, root, io, EVERY_OUTPUT);
  if (dryRun !== undefined) return dryRun;
  const progress = progressReporter(io);
  let result;
  try {
    result = await diff({
      root,
      base,
      ...(args.options.head !== undefined ? { head: args.options.head } : {}),
      data: args.options.data ?? "head",
      ...(args.options["data-dir"] ? { dataDir: resolve(io.cwd, args.options["data-dir"]) } : {}),
      ...(asOf ? { asOf } : {}),
      today: io.today(),
      ...(threads !== undefined ? { threads } : {}),
      ...(memoryLimit !== undefined ? { memoryLimit } : {}),
      ...(cache === false ? { cache } : {}),
      ...(warehouse ? { warehouse } : {}),
      progress,
    });
  } catch (error) {
    if (error instanceof GitError) throw new SegError(error.message);
    throw error;
  } finally {
    progress.done();
  }
  const output = args.options.output;
  const format = args.options.format ?? "stylish";
  const text = diffFormatters[format]!(result, { color: output === undefined && useColor(io) });
  if (output !== undefined) writeOutputFile(resolve(io.cwd, output), text);
  else io.stdout(text);
  const reasons = failOn ? evaluateFailOn(failOn, result) : [];
  if (reasons.length > 0) {
    io.stderr(`seg diff: --fail-on ${args.options["fail-on"]}:\n${reasons.map((r) => `  ${r}`).join("\n")}\n`);
    return 1;
  }
  return 0;
}

function parseConditions(text: string | undefined): FailOnCondition[] | undefined {
  if (text === undefined) return undefined;
  const parsed = parseFailOn(text);
  if ("error" in parsed) throw new SegError(parsed.error);
  return parsed.conditions;
}
