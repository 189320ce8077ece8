/**
 * Data files that cannot be used are reported once, at the source's path in
 * segmentation.yaml, saying what is wrong with the file and what to do.
 */
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { BASE_CONFIG, tempWorkspace } from "../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function dataProblems(files: Record<string, string | null>) {
  const ws = tempWorkspace(files);
  cleanups.push(ws.remove);
  const result = await check({ root: ws.root, today: "2026-11-01", cache: false });
  return result.diagnostics.filter((d) => (d.ruleId.startsWith("source/") || d.ruleId.startsWith("data/"))).map((d) => ({ ruleId: d.ruleId, file: d.file, line: d.line, message: d.message }));
}

describe("unusable data files", () => {
  it("an empty file: one finding that says it is empty", async () => {
    expect(await dataProblems({ "data/accounts.csv": "" })).toEqual([
      { ruleId: "source/empty", file: "segmentation.yaml", line: 13, message: 'The data file "data/accounts.csv" of source "accounts" is empty (0 bytes).' },
    ]);
  });

  it("a header without rows", async () => {
    expect(await dataProblems({ "data/accounts.csv": "account_id,employees,region,plan\n" })).toEqual([
      { ruleId: "source/empty", file: "segmentation.yaml", line: 13, message: 'Source "accounts" (data/accounts.csv) has no rows.' },
    ]);
  });

  it("values that do not parse, with their lines", async () => {
    const [problem, ...rest] = await dataProblems({ "data/accounts.csv": "account_id,employees,region,plan\nA1,10,EMEA,free\nA2,lots,NA,growth\n" });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ ruleId: "data/type-mismatch", message: 'Column "employees" of source "accounts" is declared integer, but 1 value in data/accounts.csv does not parse: "lots" (line 3).' });
  });

  it("a source with only a warehouse table: the default engine says at the table which engines read it, and check does not crash", async () => {
    const config = BASE_CONFIG.replace("    path: data/events.csv\n", "    table: analytics.events\n");
    const ws = tempWorkspace({ "segmentation.yaml": config });
    cleanups.push(ws.remove);
    const result = await check({ root: ws.root, today: "2026-11-01", cache: false });
    const problems = result.diagnostics.filter((d) => d.severity === "error").map((d) => ({ ruleId: d.ruleId, line: d.line, column: d.column, message: d.message, hint: d.hint }));
    expect(problems).toEqual([
      {
        ruleId: "source/missing-file",
        line: 22,
        column: 12,
        message: 'Source "events" has no local file (no path:), only the warehouse table analytics.events, and the default DuckDB engine reads files.',
        hint: 'Run the command with --engine postgres, bigquery or snowflake (see "Running Seg in your warehouse" in the README), or add path: with a local copy of the table.',
      },
    ]);
  });

  it("a source with neither path nor table is refused at the source", async () => {
    const ws = tempWorkspace({ "segmentation.yaml": BASE_CONFIG.replace("    path: data/events.csv\n", "") });
    cleanups.push(ws.remove);
    const result = await check({ root: ws.root, today: "2026-11-01", cache: false });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.line, d.message])).toEqual([[21, '"sources.events" needs its file (path:) or its warehouse table (table:), or both.']]);
  });
});
