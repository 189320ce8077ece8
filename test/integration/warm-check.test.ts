/**
 * A warm `seg check` (engine/load-record-cache.ts, feature-cache.ts,
 * clustering-cache.ts, membership-cache.ts, metrics-memo.ts) on the example
 * workspace, as users run it: the report is the same to the byte with and
 * without the cache, cold and warm; after a segment's rule is edited nothing but
 * that scheme's memberships and metrics is computed again, after a feature is
 * edited only that feature; and `seg lock` records the hash of the bytes, never
 * the one the cache remembers.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLarge } from "../../bench/generate-large.ts";
import { check } from "../../src/api/check.ts";
import { formatCheck } from "../../src/api/format-check.ts";
import { lock } from "../../src/api/lock.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";
import { stableJson } from "../../src/lock/stable-json.ts";
import { useFreshCacheDir } from "../support/fresh-cache-dir.ts";

const REPO = resolve(import.meta.dirname, "../..");
const TODAY = "2026-12-07";

const cacheFolder = useFreshCacheDir("seg-warm-cache-");

/** A copy of the example workspace (the repository root) that a test may edit. */
function exampleCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "seg-warm-ws-"));
  cacheFolder.afterTest(() => rmSync(root, { recursive: true, force: true }));
  for (const entry of ["segmentation.yaml", "segments.lock.json", "segments", "personas", "hypotheses", "reviews", "data"]) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  return root;
}

const run = (root: string, cache = true) => check({ root, today: TODAY, cache });
/** The report as `seg check --format json` prints it, and the lock the run would write. */
const report = (result: CheckResult) => `${formatCheck(result, "json")}\n${stableJson(result.data?.lock ?? null)}`;
const entries = (folder: string) => (existsSync(join(cacheFolder.path(), folder)) ? readdirSync(join(cacheFolder.path(), folder)).sort() : []);

// Each test runs whole checks of the example several times: minutes on a loaded machine.
describe("a warm check", { timeout: 600_000 }, () => {
  it("reports the same, to the byte, without the cache, with a cold one and with a warm one (the example)", async () => {
    const uncached = report(await run(REPO, false));
    expect(readdirSync(cacheFolder.path())).toEqual([]);
    const cold = report(await run(REPO));
    expect(entries("features").length).toBeGreaterThan(10);
    expect(entries("clusterings")).toHaveLength(2);
    expect(entries("loads")).toHaveLength(5);
    expect(entries("memberships")).toHaveLength(Object.keys((await run(REPO, false)).data!.lock.schemes).length);
    const warm = report(await run(REPO));
    expect(cold).toBe(uncached);
    expect(warm).toBe(uncached);
  });

  it("after a segment's rule is edited, computes no feature and no clustering again, and reports what a run without the cache reports", async () => {
    const root = exampleCopy();
    await run(root);
    const kept = { features: entries("features"), clusterings: entries("clusterings"), loads: entries("loads") };
    const file = join(root, "segments/lifecycle/power-users.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("active_days_90d >= 40", "active_days_90d >= 30"));
    const warm = report(await run(root));
    expect({ features: entries("features"), clusterings: entries("clusterings"), loads: entries("loads") }).toEqual(kept);
    const uncached = report(await run(root, false));
    expect(warm).toBe(uncached);
    // The edit changed what the check reports, so the comparison above compares something.
    expect(warm).not.toBe(report(await run(exampleCopy(), false)));
  });

  it("after a feature is edited, computes that feature alone again", async () => {
    const root = exampleCopy();
    await run(root);
    const kept = entries("features");
    const config = join(root, "segmentation.yaml");
    const text = readFileSync(config, "utf8");
    const edited = text.replace("where: priority in ('high', 'urgent')\n    window_days: 90", "where: priority in ('high', 'urgent')\n    window_days: 60");
    expect(edited).not.toBe(text);
    writeFileSync(config, edited);
    const warm = report(await run(root));
    const added = entries("features").filter((f) => !kept.includes(f));
    expect(added).toHaveLength(1);
    expect(report(await run(root, false))).toBe(warm);
  });

  it("writes nothing with --no-cache", async () => {
    await run(exampleCopy(), false);
    expect(readdirSync(cacheFolder.path())).toEqual([]);
  });

  it("refuses a cache folder inside the workspace, creating nothing there: a workspace cannot hand the check entries it would trust", async () => {
    const root = exampleCopy();
    process.env.SEG_CACHE_DIR = join(root, "data", ".seg-cache");
    await expect(run(root)).rejects.toThrow(/inside the workspace.*SEG_CACHE_DIR.*--no-cache/s);
    expect(existsSync(join(root, "data", ".seg-cache"))).toBe(false);
  });
});

describe("a warm check on Parquet sources (bench/large over 20,000 invoices)", { timeout: 600_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "seg-warm-parquet-"));
    await generateLarge(join(dir, "data"), 20_000, 2_000);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const workspace = () => {
    const root = mkdtempSync(join(dir, "ws-"));
    cpSync(join(REPO, "bench/large"), root, { recursive: true });
    return root;
  };
  const runLarge = (root: string, cache = true) => check({ root, dataDir: join(dir, "data"), today: TODAY, cache });

  it("reports what a run without the cache reports, before and after a segment's rule is edited", async () => {
    const root = workspace();
    const before = await runLarge(root);
    expect(report(before)).toBe(report(await runLarge(root, false)));
    const kept = { features: entries("features"), clusterings: entries("clusterings") };
    const metrics = entries("metrics");
    const memberships = entries("memberships");
    expect(memberships).toHaveLength(2);
    const file = join(root, "segments/market/smb.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("employees >= 50", "employees >= 70"));
    const edited = await runLarge(root);
    const warm = report(edited);
    expect({ features: entries("features"), clusterings: entries("clusterings") }).toEqual(kept);
    // Only the market scheme was assigned again; the rfm scheme's memberships were read back.
    expect(entries("memberships").filter((f) => !memberships.includes(f))).toHaveLength(1);
    expect(entries("memberships")).toEqual(expect.arrayContaining(memberships));
    // Only the segments of the market scheme whose members the edit can move were measured again (smb, startups
    // after it and the members in none; their value-label ranks, the unassigned aside): the totals, enterprise and
    // free before smb, the rfm scheme's, the clusters' agreement with it and the feature coverage were read back,
    // and the value ranks with the features.
    expect(entries("metrics").filter((f) => !metrics.includes(f))).toHaveLength(5);
    expect(entries("metrics-tables")).toHaveLength(1);
    // The edit moved members between the market's segments, so the warm result has new memberships to get right.
    const smb = (result: CheckResult) => result.data!.lock.schemes.market!.segments.smb!.count;
    expect(smb(edited)).toBeLessThan(smb(before));
    expect(warm).toBe(report(await runLarge(root, false)));
    // Back to the first rule: every scheme's memberships and every query are read back, and the report is the first one.
    writeFileSync(file, readFileSync(file, "utf8").replace("employees >= 70", "employees >= 50"));
    const settled = { memberships: entries("memberships"), metrics: entries("metrics") };
    expect(report(await runLarge(root))).toBe(report(before));
    expect({ memberships: entries("memberships"), metrics: entries("metrics") }).toEqual(settled);
  });

  it("measures again only the segments an edit can move, and reports what a run without the cache reports: in the middle of an exclusive scheme, in an overlapping one, after a reorder and a revert", async () => {
    const root = workspace();
    const edit = (path: string, from: string, to: string) => {
      const file = join(root, path);
      const text = readFileSync(file, "utf8");
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    /** A warm run after the edits: its report, checked against a run without the cache, and the metrics entries it added. */
    const warmRun = async () => {
      const kept = entries("metrics");
      const result = report(await runLarge(root));
      expect(result).toBe(report(await runLarge(root, false)));
      return { result, added: entries("metrics").filter((f) => !kept.includes(f)).length };
    };
    const first = (await warmRun()).result;
    // free is second of four in the exclusive market scheme: free, smb, startups and the unassigned are measured again
    // (and their value ranks but the unassigned's); enterprise, first, is read back.
    edit("segments/market/free.yaml", "plan = 'free'", "plan = 'free' and employees < 500");
    expect((await warmRun()).added).toBe(7);
    // Enterprise and free swap places: every segment's predecessors change.
    edit("segments/market/enterprise.yaml", "order: 1", "order: 2");
    edit("segments/market/free.yaml", "order: 2", "order: 1");
    expect((await warmRun()).added).toBe(9);
    // Back to the first definitions: everything is read back, and the report is the first one.
    edit("segments/market/enterprise.yaml", "order: 2", "order: 1");
    edit("segments/market/free.yaml", "order: 1", "order: 2");
    edit("segments/market/free.yaml", "plan = 'free' and employees < 500", "plan = 'free'");
    const reverted = await warmRun();
    expect(reverted).toEqual({ result: first, added: 0 });
    // The market scheme made overlapping: an edit of smb measures smb and the unassigned again (and smb's value ranks),
    // and the scheme's overlap, which every rule of it decides.
    edit("segmentation.yaml", "  market:\n    label: Market\n", "  market:\n    label: Market\n    exclusive: false\n");
    await warmRun();
    edit("segments/market/smb.yaml", "employees >= 50", "employees >= 70");
    expect((await warmRun()).added).toBe(4);
  });

  it("is not trusted for the lock's digests: seg lock hashes every file whole", async () => {
    const root = workspace();
    const truth = (await runLarge(root, false)).data?.lock;
    await runLarge(root);
    // Records that name another sha256 than the bytes have: what a file rewritten behind its cheap identity would look like.
    const loads = join(cacheFolder.path(), "loads");
    const forged = "0".repeat(64);
    for (const name of readdirSync(loads)) writeFileSync(join(loads, name), serialize({ ...(deserialize(readFileSync(join(loads, name))) as object), sha256: forged }));
    // seg check trusts the identity (the trade-off engine/file-identity.ts states)…
    expect((await runLarge(root)).data?.engine.sources.map((s) => s.sha256)).toEqual([forged, forged]);
    // …seg lock does not.
    const locked = await lock({ root, dataDir: join(dir, "data"), today: TODAY });
    expect(locked.written).toBeDefined();
    const written = JSON.parse(readFileSync(join(root, "segments.lock.json"), "utf8")) as { inputs: Record<string, { sha256: string }> };
    expect(Object.values(written.inputs).map((i) => i.sha256)).not.toContain(forged);
    expect(written).toEqual(JSON.parse(JSON.stringify(truth)));
  });
});

