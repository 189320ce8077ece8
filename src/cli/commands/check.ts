/** `seg check`: validate, recompute and lint the workspace; report findings; keep the suppressions baseline. */
import { appendFileSync, existsSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { check } from "../../api/check.ts";
import type { CheckResult } from "../../lint/check-result.ts";
import { checkReportInput } from "../../api/format-check.ts";
import { updateSuppressionsFile } from "../../api/update-suppressions.ts";
import { didYouMean } from "../../diagnostics/did-you-mean.ts";
import type { FormatOptions } from "../../formatters/formatter.ts";
import { STEP_SUMMARY_MAX_BYTES } from "../../formatters/github.ts";
import { formatterNames, formatters, stepSummaries } from "../../formatters/index.ts";
import type { SuppressionsUpdate } from "../../lint/suppressions.ts";
import { fixOnlyRules, suppressibleRuleIds } from "../../rules/index.ts";
import { RECOMPUTE_OPTIONS, recomputeInputs } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { progressReporter } from "../progress.ts";
import { profileOptions, profilerFromEnv, reportProfile } from "../step-profiler.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { runDryRun } from "../warehouse-dry-run.ts";
import { EVERY_OUTPUT } from "../../engine/engine-outputs.ts";
import { workspaceRoot } from "../workspace-root.ts";
import { writeOutputFile } from "../../workspace/write-file-safely.ts";

export const spec = {
  name: "check",
  summary: "Validate the workspace, recompute what it states, run the rules and report findings.",
  usage: "seg check [options]",
  options: [
    { name: "format", type: "string", choices: formatterNames, default: "stylish", description: "Output format (github: annotations, plus the step summary when $GITHUB_STEP_SUMMARY is set)." },
    { name: "output", type: "string", placeholder: "FILE", description: "Write the report to FILE instead of standard output." },
    { name: "sarif-output", type: "string", placeholder: "FILE", description: "Also write the report as SARIF to FILE, from the same run (e.g. --format github --sarif-output seg.sarif in CI)." },
    { name: "max-warnings", type: "number", placeholder: "N", description: "Exit 1 when there are more than N warnings." },
    { name: "fail-on", type: "string", choices: ["error", "warn"], default: "error", description: "Exit 1 on any error, or (warn) on any error or warning." },
    { name: "quiet", type: "boolean", description: "Report errors only." },
    ...RECOMPUTE_OPTIONS,
    { name: "no-data", type: "boolean", description: "Check definitions only; do not recompute from the data (skips lock and data-aware rules)." },
    { name: "suppress-all", type: "boolean", description: "Accept every current error and warning of the rules: write their counts to seg-suppressions.json." },
    { name: "suppress-rule", type: "string", placeholder: "RULE", repeatable: true, description: "Accept the current findings of RULE in seg-suppressions.json (repeatable, or comma-separated)." },
    { name: "prune-suppressions", type: "boolean", description: "Lower counts in seg-suppressions.json to the current findings and remove entries with none left." },
  ],
  examples: [
    "seg check",
    "seg check --format json --output report.json",
    "seg check --root examples/online-retail --max-warnings 0",
    "seg check --format sarif --output seg.sarif",
    "seg check --format github --sarif-output seg.sarif",
    "seg check --suppress-rule stale-review",
    "seg check --prune-suppressions",
  ],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  const root = workspaceRoot(args, io);
  const inputs = recomputeInputs(args, io);
  const dryRun = await runDryRun(args.options["dry-run"], inputs, root, io, EVERY_OUTPUT);
  if (dryRun !== undefined) return dryRun;
  if (args.positionals.length > 0) throw new SegError(`seg check takes no arguments, got "${args.positionals.join(" ")}". Use --root DIR for a workspace elsewhere.`);
  const maxWarnings = args.options["max-warnings"];
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new SegError(`--max-warnings needs a whole number of 0 or more, not ${maxWarnings}.`);
  const update = suppressionsUpdate(args);
  const progress = progressReporter(io);
  const profiler = profilerFromEnv(io);
  let result = await check({
    root,
    ...inputs,
    data: args.options["no-data"] !== true,
    progress,
    ...profileOptions(profiler),
  });
  progress.done();
  reportProfile(profiler, io);
  if (update) result = writeBaseline(result, update, io);
  report(result, args, io);
  return exitCode(result, args, io);
}

/** What --suppress-all, --suppress-rule and --prune-suppressions ask for, validated; undefined for none. */
function suppressionsUpdate(args: ParsedArgs<typeof spec.options>): SuppressionsUpdate | undefined {
  const all = args.options["suppress-all"] === true;
  const prune = args.options["prune-suppressions"] === true;
  const listed = args.options["suppress-rule"];
  if (all && listed !== undefined) throw new SegError("Use --suppress-all or --suppress-rule, not both: --suppress-all already covers every rule.");
  const ids = (listed ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  if (listed !== undefined && ids.length === 0) throw new SegError("--suppress-rule needs a rule id, e.g. --suppress-rule stale-review.");
  const known = [...suppressibleRuleIds];
  for (const id of ids) {
    if (known.includes(id)) continue;
    const fix = fixOnlyRules.get(id);
    if (fix !== undefined) throw new SegError(`--suppress-rule: ${id} findings cannot be accepted, only fixed: ${fix}`);
    // Suggest from every registered id (a fix-only one then explains itself); list the ones a baseline may accept.
    const suggestion = didYouMean(id, [...known, ...fixOnlyRules.keys()]);
    throw new SegError(`--suppress-rule: unknown rule "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ""} The rules whose findings may be accepted are: ${known.join(", ")}.`);
  }
  if (prune && args.options["no-data"] === true) throw new SegError("--prune-suppressions needs the data: without it, data-aware rules do not run and their suppressions would look unused. Drop --no-data.");
  if (!all && ids.length === 0 && !prune) return undefined;
  return { add: all ? "all" : ids, prune };
}

function writeBaseline(result: CheckResult, update: SuppressionsUpdate, io: Io): CheckResult {
  const outcome = updateSuppressionsFile(result, update);
  if (outcome.status === "refused") {
    io.stderr(`seg check: not updating the suppressions: ${outcome.reason}.\n`);
    return outcome.result;
  }
  const shown = relative(io.cwd, outcome.path).startsWith("..") ? outcome.path : relative(io.cwd, outcome.path);
  const what = `${outcome.findings} ${outcome.findings === 1 ? "finding" : "findings"} accepted in ${outcome.entries} ${outcome.entries === 1 ? "entry" : "entries"}`;
  io.stderr(outcome.changed ? `seg check: wrote ${shown} (${what}).\n` : `seg check: ${shown} is up to date (${what}).\n`);
  if (outcome.expired > 0) io.stderr(`seg check: ${outcome.expired} expired ${outcome.expired === 1 ? "entry no longer applies" : "entries no longer apply"}; extend its expires date with a reason, or fix the findings.\n`);
  return outcome.result;
}

/** The workspace folder relative to the repository root (GitHub's checkout, else the current folder). */
function pathPrefix(root: string, io: Io): string {
  const base = io.env.GITHUB_WORKSPACE ? resolve(io.cwd, io.env.GITHUB_WORKSPACE) : io.cwd;
  const rel = relative(base, root);
  return rel.startsWith("..") || isAbsolute(rel) ? "" : rel.split(sep).join("/");
}

function report(result: CheckResult, args: ParsedArgs<typeof spec.options>, io: Io): void {
  const quiet = args.options.quiet === true;
  const format = args.options.format ?? "stylish";
  const output = args.options.output;
  const input = checkReportInput(result, { quiet, sources: format === "sarif" });
  const summaryFile = io.env.GITHUB_STEP_SUMMARY ? resolve(io.cwd, io.env.GITHUB_STEP_SUMMARY) : undefined;
  const summarize = stepSummaries[format];
  const summaryBytes = summaryFile && summarize ? STEP_SUMMARY_MAX_BYTES - (existsSync(summaryFile) ? statSync(summaryFile).size : 0) : undefined;
  const options: FormatOptions = {
    color: output === undefined && useColor(io),
    pathPrefix: pathPrefix(result.root, io),
    ...(summaryBytes !== undefined && summaryBytes > 0 ? { stepSummaryBytes: summaryBytes } : {}),
  };
  const text = formatters[format]!(input, options);
  if (output !== undefined) writeOutputFile(resolve(io.cwd, output), text);
  else io.stdout(text);
  const sarifOutput = args.options["sarif-output"];
  if (sarifOutput !== undefined) {
    const sarifInput = format === "sarif" ? input : checkReportInput(result, { quiet, sources: true });
    writeOutputFile(resolve(io.cwd, sarifOutput), formatters.sarif!(sarifInput, { color: false, pathPrefix: options.pathPrefix }));
  }
  if (summaryFile && summarize && options.stepSummaryBytes !== undefined) {
    const markdown = summarize(input, { ...options, stepSummaryBytes: options.stepSummaryBytes });
    if (markdown !== undefined) appendFileSync(summaryFile, markdown);
  }
}

function exitCode(result: CheckResult, args: ParsedArgs<typeof spec.options>, io: Io): number {
  const { error, warning } = result.counts;
  if (error > 0) return 1;
  if (args.options["fail-on"] === "warn" && warning > 0) {
    io.stderr(`seg check: ${warning} ${warning === 1 ? "warning" : "warnings"} with --fail-on warn.\n`);
    return 1;
  }
  const maxWarnings = args.options["max-warnings"];
  if (maxWarnings !== undefined && warning > maxWarnings) {
    io.stderr(`seg check: ${warning} warnings exceed --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
