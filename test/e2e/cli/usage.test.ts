/**
 * How the seg command answers being called wrongly or asked for help, run as a
 * subprocess: exit 0 with usage text for --help, exit 2 with one line naming the
 * mistake (and the likely intended word) for usage errors, and never a stack trace.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../src/cli/main.ts";
import { runSeg, SEG_BIN, type SegRun } from "../../support/run-seg.ts";
import { tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

let ws: TempWorkspace;
beforeAll(() => {
  ws = tempWorkspace();
});
afterAll(() => ws.remove());

const seg = (...args: string[]): SegRun => runSeg(args, { cwd: ws.root });

/** A stack frame line as Node prints it: four spaces, "at", a location. */
const STACK_FRAME = /^\s{4}at /m;

describe("help", () => {
  it.each([["--help"], ["-h"], ["help"]])("seg %s lists every command and exits 0", (flag) => {
    const run = seg(flag);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: seg <command> \[options\]\n/);
    for (const name of Object.keys(COMMANDS)) expect(run.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    expect(run.stderr).toBe("");
  });

  it("seg without a command shows the same usage and exits 2", () => {
    const run = seg();
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("Usage: seg <command> [options]");
  });

  it.each(Object.keys(COMMANDS))("seg %s --help shows its usage and options and exits 0", (name) => {
    const run = seg(name, "--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: seg ${name}\\b`));
    expect(run.stdout).toContain("\nOptions:\n");
    expect(run.stdout).toMatch(/^ {2}--root DIR +Workspace folder/m);
    expect(run.stdout).toMatch(/^ {2}--help +Show this help\./m);
    expect(run.stderr).toBe("");
  });

  it("seg check --help names the choices of --format and its default", () => {
    expect(seg("check", "--help").stdout).toMatch(/^ {2}--format github\|json\|markdown\|sarif\|stylish +Output format.*\(default: stylish\)$/m);
  });

  it("seg --version prints the version alone", () => {
    expect(seg("--version")).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: "" });
  });
});

describe("usage mistakes exit 2 with one line on stderr", () => {
  it.each([
    ["an unknown command, with a did-you-mean", ["chek"], 'seg: unknown command "chek". Did you mean "check"? Run seg --help for the commands.'],
    ["a transposed command", ["bulid"], 'seg: unknown command "bulid". Did you mean "build"?'],
    ["an unknown command far from any", ["publish"], 'seg: unknown command "publish". Run seg --help for the commands.'],
    ["a misspelt option, with a did-you-mean", ["check", "--fromat", "json"], "seg check: Unknown option --fromat. Did you mean --format? Run seg check --help for the options."],
    ["a truncated option", ["check", "--max-warn", "3"], "seg check: Unknown option --max-warn. Did you mean --max-warnings?"],
    ["an unknown short option", ["check", "-x"], "seg check: Unknown option -x. Run seg check --help for the options."],
    ["a format that does not exist", ["check", "--format", "xml"], 'seg check: --format must be one of github, json, markdown, sarif, stylish, not "xml".'],
    ["a format without a value", ["check", "--format"], "seg check: --format needs a value (one of github, json, markdown, sarif, stylish)."],
    ["an --as-of that is not a date", ["check", "--as-of", "yesterday"], 'seg check: --as-of needs a date written YYYY-MM-DD, not "yesterday".'],
    ["an --as-of with a 13th month", ["check", "--as-of", "2026-13-01"], "seg check: --as-of 2026-13-01 is not a day of the calendar (check the month and the day)."],
    ["an --as-of of February 30th", ["check", "--as-of", "2026-02-30"], "seg check: --as-of 2026-02-30 is not a day of the calendar (check the month and the day)."],
    ["a bad --as-of for build", ["build", "--as-of", "2026/13/01"], 'seg build: --as-of needs a date written YYYY-MM-DD, not "2026/13/01".'],
    ["an export file whose extension is no format", ["export", "--out", "members.xlsx"], "seg export: --out members.xlsx: exports are CSV, Parquet or JSON; name the file .csv, .parquet or .json, or say which with --format."],
    ["--threads of 0", ["check", "--threads", "0"], "seg check: --threads needs a whole number of 1 or more, not 0."],
    ["--threads with a fraction", ["lock", "--threads", "1.5"], "seg lock: --threads needs a whole number of 1 or more, not 1.5."],
    ["--threads of 0 for diff", ["diff", "--base", "HEAD", "--threads", "0"], "seg diff: --threads needs a whole number of 1 or more, not 0."],
    ["--threads with a fraction for export", ["export", "--out", "members.csv", "--threads", "1.5"], "seg export: --threads needs a whole number of 1 or more, not 1.5."],
    ["--memory-limit that is not a size for explain", ["explain", "ACC-00042", "--memory-limit", "lots"], 'seg explain: --memory-limit needs a size such as 4GB or 512MB, not "lots".'],
    ["--memory-limit that is not a size", ["build", "--memory-limit", "lots"], 'seg build: --memory-limit needs a size such as 4GB or 512MB, not "lots".'],
    ["--memory-limit too small for DuckDB", ["check", "--memory-limit", "1KB"], "seg check: --memory-limit 1KB is too small for DuckDB to work in; give it at least 64MB."],
    ["--max-warnings that is not a number", ["check", "--max-warnings", "many"], 'seg check: --max-warnings needs a number, not "many".'],
    ["--max-warnings without a value", ["check", "--max-warnings"], "seg check: --max-warnings needs a value (N)."],
    ["a value given to a flag", ["check", "--quiet=yes"], "seg check: --quiet takes no value."],
    ["an export column the workspace does not have", ["export", "--out", "members.csv", "--columns", "nope"], "seg export: unknown column nope; known: "],
    ["dbt without a dialect", ["compile", "--target", "dbt"], "seg compile: --target dbt needs --dialect duckdb|postgres|bigquery|snowflake: the warehouse dbt runs on."],
    ["a --source for a source the workspace does not have", ["compile", "--target", "duckdb", "--source", "orders=sales.orders"], 'seg compile: --source names "orders", which is not a source of this workspace; its sources are accounts, events.'],
    ["a stray argument", ["check", "segments"], 'seg check: seg check takes no arguments, got "segments". Use --root DIR for a workspace elsewhere.'],
  ])("%s", (_case, args, message) => {
    const run = seg(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_FRAME);
  });
});

describe("no stack traces", () => {
  it.each([
    ["a missing workspace folder", ["check", "--root", "does-not-exist", "--no-data"]],
    ["a file where the workspace folder should be", ["check", "--root", "segmentation.yaml", "--no-data"]],
    ["an --output into a folder that does not exist", ["check", "--no-data", "--output", "missing/dir/report.json"]],
    ["a build of a missing workspace", ["build", "--root", "does-not-exist"]],
  ])("none for %s", (_case, args) => {
    const run = seg(...args);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_FRAME);
    expect(run.stderr).not.toContain("internal error");
  });
});

describe("an older Node.js", () => {
  // The machines' own Node is 20; Seg needs 22.18 (type stripping). Any node on PATH older than that will do.
  const old = spawnSync("/usr/bin/node", ["--version"], { encoding: "utf8" });
  const version = old.status === 0 ? old.stdout.trim() : undefined;
  const [major = 0, minor = 0] = (version?.match(/^v(\d+)\.(\d+)/) ?? []).slice(1).map(Number);
  const tooOld = version !== undefined && (major < 22 || (major === 22 && minor < 18));
  const reason = tooOld ? undefined : `/usr/bin/node is ${version ?? "missing"}, not older than 22.18`;
  it.skipIf(reason)(reason ? `is told which Node to install — skipped: ${reason}` : "is told which Node to install, with exit 2 and no stack trace", () => {
    const run = spawnSync("/usr/bin/node", [SEG_BIN, "check"], { cwd: ws.root, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`seg needs Node.js 22.18 or newer; this is ${version}. Install a current Node (e.g. 24) and run seg again.\n`);
    expect(run.stdout).toBe("");
  });
});
