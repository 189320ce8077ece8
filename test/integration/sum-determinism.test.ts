/**
 * Same inputs, same bytes, however many threads DuckDB runs: `seg export` and
 * `seg explain` on Online Retail (397,884 rows, four of DuckDB's 122,880-row
 * groups, so its aggregates run in parallel) write identical output on every
 * run. A plain `sum` of doubles adds the threads' partial sums in whichever
 * order they finish, so before sums and means were added in value order,
 * `monetary` and `ltv` differed in their last bits from one run to the next.
 * Skipped, with the reason printed, when the shared data is missing.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { dataPath, missingData } from "../support/shared-data.ts";

const WORKSPACE = resolve(import.meta.dirname, "../../examples/online-retail");
const missing = missingData("online-retail", "online_retail.csv.gz");
if (missing) console.warn(`sum-determinism skipped: ${missing}`);

/** Thread counts of the runs: more threads than this machine's cores still split the row groups between threads. */
const THREADS = ["4", "3", "4", "2", "4"];

/** Each run reads and types the 541,909 rows again (no cache): minutes on a loaded two-core machine, not a performance bound. */
const SLOW = { timeout: 900_000 };

describe.runIf(!missing)("Online Retail on several threads", SLOW, () => {
  const temp = mkdtempSync(join(tmpdir(), "seg-sums-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const seg = async (args: string[]): Promise<string> => {
    let stdout = "";
    let stderr = "";
    const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: {}, cwd: WORKSPACE, today: () => "2026-11-23" };
    const code = await main([...args, "--root", WORKSPACE, "--data-dir", dataPath("online-retail"), "--no-cache"], io);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    return stdout;
  };

  it("exports the same bytes on every run", async () => {
    const outputs: string[] = [];
    for (const [i, threads] of THREADS.entries()) {
      const out = join(temp, `members-${i}.csv`);
      await seg(["export", "--out", out, "--threads", threads]);
      outputs.push(readFileSync(out, "utf8"));
    }
    // Every customer's sum of amounts is in the file, to the last digit DuckDB prints.
    expect(outputs[0]!.split("\n").length).toBeGreaterThan(4338);
    expect(outputs[0]).toMatch(/^12346,hibernating,326,1,77183\.6,/m);
    for (const output of outputs.slice(1)) expect(differingLines(output, outputs[0]!)).toEqual([]);
  });

  it("explains a customer with the same bytes on every run", async () => {
    const outputs: string[] = [];
    for (const threads of THREADS.slice(0, 3)) outputs.push(await seg(["explain", "17850", "--format", "json", "--threads", threads]));
    expect(outputs[0]).toContain('"monetary"');
    for (const output of outputs.slice(1)) expect(differingLines(output, outputs[0]!)).toEqual([]);
  });
});

/** The first lines where `actual` differs from `expected`, side by side (the whole files would drown the report). */
function differingLines(actual: string, expected: string): string[] {
  const [a, e] = [actual.split("\n"), expected.split("\n")];
  const lines = Array.from({ length: Math.max(a.length, e.length) }, (_, i) => i).filter((i) => a[i] !== e[i]);
  return lines.slice(0, 5).map((i) => `line ${i + 1}: ${JSON.stringify(a[i])} ≠ ${JSON.stringify(e[i])}`);
}
