/**
 * The cache of typed sources and k-means fits, through `check` as users run
 * it: a second run reads what the first kept and computes the same result to
 * the byte; any change to a file's bytes or to a source's declaration misses;
 * data with problems is never kept; `cache: false` touches nothing.
 */
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { engineOptions } from "../../src/engine/engine-options.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";
import { stableJson } from "../../src/lock/stable-json.ts";
import { BASE_CONFIG, tempWorkspace } from "../support/temp-workspace.ts";
import { useFreshCacheDir } from "../support/fresh-cache-dir.ts";

const cacheFolder = useFreshCacheDir("seg-source-cache-");

function workspace(files: Record<string, string | null> = {}): string {
  const ws = tempWorkspace(files);
  cacheFolder.afterTest(ws.remove);
  return ws.root;
}

const run = (root: string, cache = true) => check({ root, today: "2026-11-01", cache });
const sourceEntries = () => (existsSync(join(cacheFolder.path(), "sources")) ? readdirSync(join(cacheFolder.path(), "sources")).sort() : []);

/** What a run computed, without the parts that name where the workspace is. */
function outcome(result: CheckResult): string {
  return stableJson({ diagnostics: result.diagnostics.map((d) => ({ ...d })), sources: result.data?.engine.sources, lock: result.data?.lock, schemes: result.data?.engine.schemes });
}

describe("the source cache", () => {
  it("keeps each CSV source once and gives the same result from it as without a cache", async () => {
    const root = workspace();
    const uncached = await run(root, false);
    expect(sourceEntries()).toEqual([]);
    const first = await run(root);
    const entries = sourceEntries();
    expect(entries.filter((f) => f.endsWith(".parquet"))).toHaveLength(2);
    expect(entries.filter((f) => f.endsWith(".json"))).toHaveLength(2);

    const past = new Date("2026-01-01T00:00:00Z");
    for (const file of entries) utimesSync(join(cacheFolder.path(), "sources", file), past, past);
    const second = await run(root);
    expect(sourceEntries()).toEqual(entries);
    // Every entry was read: a hit marks it as used.
    for (const file of entries) expect(statSync(join(cacheFolder.path(), "sources", file)).mtimeMs).toBeGreaterThan(past.getTime());

    expect(outcome(first)).toBe(outcome(uncached));
    expect(outcome(second)).toBe(outcome(uncached));
    expect(second.data?.engine.sources.map((s) => [s.name, s.rowsRead, s.rows])).toEqual([
      ["accounts", 2, 2],
      ["events", 1, 1],
    ]);
  });

  it("reads a kept source through a view of its file, which the locked-down database may still read", async () => {
    const root = workspace();
    await run(root);
    // A feature edit: the features are built again from the kept sources, after the database was locked down.
    writeFileSync(join(root, "segmentation.yaml"), BASE_CONFIG.replace("    window_days: 90", "    window_days: 30"));
    const warm = await run(root);
    // (A view the database may not read would have failed the run.)
    expect(outcome(warm)).toBe(outcome(await run(root, false)));
    // A view keeps no copy of the rows: nothing but the file holds them.
    const { runEngine } = await import("../../src/engine/run-engine.ts");
    const engine = await runEngine(warm.workspace, warm.catalog, warm.expressions, { ...engineOptions({ asOf: warm.asOf, workspace: warm.workspace }, { root }), keepDatabase: true });
    try {
      const tables = await engine.db!.all(`SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'source_%' ORDER BY 1`);
      expect(tables).toEqual([
        { table_name: "source_accounts", table_type: "VIEW" },
        { table_name: "source_events", table_type: "VIEW" },
      ]);
      expect((await engine.db!.all(`SELECT count(*) AS n FROM source_events`))[0]?.n).toBe(1);
    } finally {
      engine.db!.close();
    }
  });

  it("misses when the file's bytes change, and reads the new data", async () => {
    const root = workspace();
    await run(root);
    const before = sourceEntries();
    writeFileSync(join(root, "data/accounts.csv"), "account_id,employees,region,plan\nA1,10,EMEA,free\nA2,2000,NA,growth\nA3,40,APAC,free\n");
    const result = await run(root);
    expect(result.data?.engine.sources.find((s) => s.name === "accounts")?.rows).toBe(3);
    expect(result.data?.engine.members).toBe(3);
    const added = sourceEntries().filter((f) => !before.includes(f));
    expect(added.map((f) => f.split(".").pop()).sort()).toEqual(["json", "parquet"]);
  });

  it("misses when the source's declaration changes", async () => {
    const root = workspace();
    await run(root);
    const before = sourceEntries();
    writeFileSync(join(root, "segmentation.yaml"), BASE_CONFIG.replace("employees: { type: integer, kind: firmographic }", "employees: { type: number, kind: firmographic }"));
    await run(root);
    expect(sourceEntries().filter((f) => !before.includes(f))).toHaveLength(2);
  });

  it("never keeps a source whose values do not parse", async () => {
    const root = workspace({ "data/accounts.csv": "account_id,employees,region,plan\nA1,ten,EMEA,free\n" });
    const result = await run(root);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain("data/type-mismatch");
    // Only events, which loaded cleanly, is kept.
    expect(sourceEntries().filter((f) => f.endsWith(".parquet"))).toHaveLength(1);
    expect(result.data?.engine.sources.map((s) => s.name)).toEqual(["events"]);
  });

  it("writes nothing with the cache turned off", async () => {
    await run(workspace(), false);
    expect(readdirSync(cacheFolder.path())).toEqual([]);
  });
});
