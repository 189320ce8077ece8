/**
 * What `seg check` reports and where, run as a subprocess: a missing workspace,
 * the JSON report with positions, --output, colors only when asked for, and
 * --max-warnings against the warnings a real recompute produces.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg, SEG_BIN } from "../../support/run-seg.ts";
import { BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

function workspace(files: Record<string, string | null> = {}): TempWorkspace {
  ws = tempWorkspace(files);
  return ws;
}

const seg = (...args: string[]) => runSeg(args, { cwd: ws!.root });

/** A segment with two mistakes: a misspelt status (line 4) and a misspelt key (line 3). */
const broken = BASE_SEGMENT.replace("status: active", "status: activ").replace("summary:", "sumary:");

const ANSI = /\u001b\[\d+m/;

interface JsonReport {
  asOf: string;
  counts: { error: number; warning: number; info: number };
  diagnostics: { ruleId: string; severity: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number; hint?: string }[];
}

describe("a folder that is not a workspace", () => {
  it("exits 2 and says there is no segmentation.yaml and what to do", () => {
    workspace({ "segmentation.yaml": null });
    const run = seg("check", "--no-data");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("seg check: there is no segmentation.yaml in . or the folders above it. Run seg in a workspace folder (the one with segmentation.yaml), pass --root DIR, or create one with seg init.\n");
  });

  it("finds the workspace from a folder inside it", () => {
    workspace();
    const inside = runSeg(["check", "--no-data"], { cwd: join(ws!.root, "segments/usage") });
    expect(inside.status).toBe(0);
    expect(inside.stdout).toContain("segments/usage/heavy.yaml\n");
    expect(inside.stdout).toBe(seg("check", "--no-data").stdout);
  });

  it("exits 2 and says when the --root folder does not exist or holds no workspace", () => {
    workspace();
    expect(seg("check", "--no-data", "--root", "no-such-folder")).toMatchObject({ status: 2, stderr: expect.stringContaining("seg check: --root no-such-folder: there is no such folder.") });
    expect(seg("check", "--no-data", "--root", "segments")).toMatchObject({ status: 2, stderr: "seg check: --root segments has no segmentation.yaml. The workspace above it is . (pass --root .).\n" });
  });
});

describe("--format json", () => {
  it("is one JSON document with the file, line and column of every finding", () => {
    workspace({ "segments/usage/heavy.yaml": broken });
    const run = seg("check", "--no-data", "--format", "json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.asOf).toBe("2026-11-01");
    expect(report.counts).toEqual({ error: 2, warning: 0, info: 0 });
    expect(report.diagnostics.map(({ ruleId, file, line, column, hint }) => ({ ruleId, file, line, column, hint }))).toEqual([
      { ruleId: "schema/unknown-key", file: "segments/usage/heavy.yaml", line: 3, column: 1, hint: 'Did you mean "summary"?' },
      { ruleId: "schema/invalid-value", file: "segments/usage/heavy.yaml", line: 4, column: 9, hint: 'Did you mean "active"?' },
    ]);
  });

  it("exits 0 for a workspace without errors, whatever the advisory rules say", () => {
    workspace();
    const run = seg("check", "--no-data", "--format", "json");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.counts.error).toBe(0);
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("--output FILE", () => {
  it("writes the report to the file, relative to the current folder, and nothing to stdout", () => {
    workspace({ "segments/usage/heavy.yaml": broken });
    const run = seg("check", "--no-data", "--format", "json", "--output", "report.json");
    expect(run).toMatchObject({ status: 1, stdout: "" });
    const report = JSON.parse(readFileSync(join(ws!.root, "report.json"), "utf8")) as JsonReport;
    expect(report.counts.error).toBe(2);
    expect(report.diagnostics[0]).toMatchObject({ file: "segments/usage/heavy.yaml", line: 3, column: 1 });
  });

  it("writes the same text stdout would have shown", () => {
    workspace({ "segments/usage/heavy.yaml": broken });
    const shown = seg("check", "--no-data").stdout;
    seg("check", "--no-data", "--output", "report.txt");
    expect(readFileSync(join(ws!.root, "report.txt"), "utf8")).toBe(shown);
  });
});

describe("colors", () => {
  /** Runs with exactly the color variables given: none inherited from the test runner or CI. */
  function runWithColorEnv(env: Record<string, string>, ...args: string[]) {
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !["NO_COLOR", "FORCE_COLOR", "CI"].includes(key) && !key.startsWith("GITHUB_")));
    const result = spawnSync(process.execPath, [SEG_BIN, "check", "--no-data", ...args], { cwd: ws!.root, env: { ...base, ...env }, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it.each([
    ["piped, with no color variables", {}, false],
    ["piped, with FORCE_COLOR=1", { FORCE_COLOR: "1" }, true],
    ["piped, with FORCE_COLOR=0", { FORCE_COLOR: "0" }, false],
    ["with NO_COLOR=1 even when FORCE_COLOR=1", { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
  ])("stylish output %s has colors: %s", (_case, env, colored) => {
    workspace({ "segments/usage/heavy.yaml": broken });
    const run = runWithColorEnv(env);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("heavy.yaml");
    expect(ANSI.test(run.stdout)).toBe(colored);
  });

  it("never writes colors into an --output file", () => {
    workspace({ "segments/usage/heavy.yaml": broken });
    runWithColorEnv({ FORCE_COLOR: "1" }, "--output", "report.txt");
    const text = readFileSync(join(ws!.root, "report.txt"), "utf8");
    expect(text).toContain("heavy.yaml");
    expect(ANSI.test(text)).toBe(false);
  });
});

describe("with the data (seg lock, then seg check)", () => {
  it("exits 0 with warnings, and 1 once they exceed --max-warnings", () => {
    workspace();
    expect(seg("lock").status).toBe(0);
    expect(existsSync(join(ws!.root, "segments.lock.json"))).toBe(true);
    const run = seg("check", "--format", "json");
    const { counts } = JSON.parse(run.stdout) as JsonReport;
    // The base workspace is small and undocumented, so data-aware rules warn about it.
    expect(counts.error).toBe(0);
    expect(counts.warning).toBeGreaterThan(0);
    expect(run.status).toBe(0);
    expect(seg("check", "--format", "json", "--max-warnings", String(counts.warning)).status).toBe(0);
    const over = seg("check", "--format", "json", "--max-warnings", String(counts.warning - 1));
    expect(over.status).toBe(1);
    expect(over.stderr).toBe(`seg check: ${counts.warning} warnings exceed --max-warnings ${counts.warning - 1}.\n`);
  });
});
