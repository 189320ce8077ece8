/**
 * The silhouette that chooses k is exact up to 3,000 fitted members and a
 * seeded sample of 3,000 above that; the lock says when it was sampled, and of
 * how many. Online Retail fits 4,317 customers (4,338 less 21 outliers).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { dataPath, missingData } from "../support/shared-data.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const RETAIL = join(ROOT, "examples/online-retail");
const missing = missingData("online-retail", "online_retail.csv.gz");

describe("silhouette sample in the lock", () => {
  it.skipIf(missing)(`Online Retail: sampled, 3,000 of 4,317, in the computed and the committed lock${missing ? ` — skipped: ${missing}` : ""}`, async () => {
    const result = await check({ root: RETAIL, today: "2026-11-23", dataDir: dataPath("online-retail") });
    expect(result.data!.lock.clusters?.silhouetteSample).toEqual({ rows: 3000, of: 4317 });
    expect(JSON.parse(readFileSync(join(RETAIL, "segments.lock.json"), "utf8")).clusters.silhouetteSample).toEqual({ rows: 3000, of: 4317 });
  }, 300_000);

  it("the example fits fewer than 3,000 members: exact, and the lock has no sample", () => {
    const lock = JSON.parse(readFileSync(join(ROOT, "segments.lock.json"), "utf8"));
    expect(lock.clusters.setAside).toBeDefined();
    expect(lock.clusters).not.toHaveProperty("silhouetteSample");
  });
});
