import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema, type Config } from "../schema/config.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { measureValueLabels } from "./value-labels.ts";

/** Five members with monetary 0, 0, 10, 20, 100; tickets a×3, c×1 (one dated on the as-of day, not counted), b and d none. */
let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES ('a', 0.0), ('b', 0.0), ('c', 10.0), ('d', 20.0), ('e', 100.0)) v(member_id, monetary)`);
  await db.run(`CREATE TABLE memberships AS SELECT * FROM (VALUES ('usage', 'a', 'light'), ('usage', 'b', 'light'), ('usage', 'e', 'heavy'), ('usage', 'c', NULL), ('usage', 'd', NULL)) v(scheme, member_id, segment)`);
  await db.run(
    `CREATE TABLE source_tickets AS SELECT * FROM (VALUES ('a', TIMESTAMP '2026-10-01'), ('a', TIMESTAMP '2026-10-02'), ('a', TIMESTAMP '2026-10-03'), ('c', TIMESTAMP '2026-10-04'), ('c', TIMESTAMP '2026-11-01 08:00:00')) v(account_id, opened_at)`,
  );
});
afterAll(() => db.close());

const config = (extra: Record<string, unknown> = {}): Config =>
  configSchema.parse({
    name: "t",
    goals: { focus: "internal", objective: "account-attack", statement: "s", stakeholders: [{ name: "A", role: "B" }], scope: { unit: "account" }, deliverables: ["d"] },
    sources: {
      accounts: { path: "a.csv", kind: "accounts", key: "member_id", columns: { member_id: { type: "string" } } },
      tickets: { path: "t.csv", kind: "tickets", key: "account_id", customer: "account_id", timestamp: "opened_at", columns: { account_id: { type: "string" }, opened_at: { type: "timestamp" } } },
    },
    value_tiers: { measure: "monetary" },
    schemes: { usage: { label: "Usage" } },
    ...extra,
  });

describe("measureValueLabels", () => {
  it("gives each segment its members' mean mid-rank percentile and median of the value measure", async () => {
    const { ltv } = await measureValueLabels(db, config(), "2026-11-01");
    // Ranks: the two zeros share (0 + 0.5·2)/5 = 0.2; 10 → 0.5; 20 → 0.7; 100 → 0.9.
    expect(ltv).toEqual({
      measure: "monetary",
      population: { n: 5, median: 10 },
      segments: { "usage/heavy": { n: 1, rank: 0.9, median: 100 }, "usage/light": { n: 2, rank: 0.2, median: 0 } },
    });
  });

  it("counts support tickets before the as-of day per member, 0 for members without any", async () => {
    const { support_cost } = await measureValueLabels(db, config(), "2026-11-01");
    // Tickets a 3, b 0, c 1, d 0, e 0: the three zeros share (0 + 1.5)/5 = 0.3; 1 → 0.7; 3 → 0.9.
    expect(support_cost?.population).toEqual({ n: 5, median: 0 });
    expect(support_cost?.segments["usage/light"]?.rank).toBeCloseTo((0.9 + 0.3) / 2, 12);
    expect(support_cost?.segments["usage/light"]?.median).toBe(1.5);
    expect(support_cost?.segments["usage/heavy"]).toEqual({ n: 1, rank: 0.3, median: 0 });
  });

  it("measures nothing without a value measure or a tickets source", async () => {
    const bare = config({ value_tiers: undefined, sources: { accounts: { path: "a.csv", kind: "accounts", key: "member_id", columns: { member_id: { type: "string" } } } } });
    expect(await measureValueLabels(db, bare, "2026-11-01")).toEqual({});
  });
});

describe("measureValueLabels over many members", () => {
  /** 30,000 members: ties (0.0 with -0.0 among them), NaN, ±infinity and NULL left out, the rest spread; three segments and the unassigned. */
  const setUp = async (threads: number) => {
    const many = await openDatabase({ threads });
    await many.run(`CREATE TABLE features AS SELECT 'm' || lpad(CAST(i AS VARCHAR), 6, '0') AS member_id, CASE i % 11
      WHEN 0 THEN 0.0 WHEN 1 THEN -0.0 WHEN 2 THEN NULL WHEN 3 THEN 'NaN'::DOUBLE WHEN 4 THEN 'inf'::DOUBLE WHEN 5 THEN '-inf'::DOUBLE
      WHEN 6 THEN CAST(i % 17 AS DOUBLE) ELSE (hash(i) % 100000) / 7.0 - 3000 END AS monetary FROM range(30000) t(i)`);
    await many.run(`CREATE TABLE memberships AS SELECT 'usage' AS scheme, member_id, CASE hash(member_id) % 4 WHEN 0 THEN NULL WHEN 1 THEN 'light' WHEN 2 THEN 'mid' ELSE 'heavy' END AS segment FROM features`);
    return many;
  };

  it("gives each segment the exact mean of its members' ranks (ties counting half), the same with 1 and 4 threads and paired by position", async () => {
    const one = await setUp(1);
    const four = await setUp(4);
    try {
      const accountsOnly = config({ sources: { accounts: { path: "a.csv", kind: "accounts", key: "member_id", columns: { member_id: { type: "string" } } } } });
      const byOne = await measureValueLabels(one, accountsOnly, "2026-11-01");
      const byFour = await measureValueLabels(four, accountsOnly, "2026-11-01");
      expect(byFour).toEqual(byOne);
      // The memberships (a row per member, in member order) paired with the ranks by position measure the same.
      expect(await measureValueLabels(four, accountsOnly, "2026-11-01", undefined, new Set(["usage"]))).toEqual(byOne);
      // By hand: twice a member's rank times the population is 2 × (values below) + (values equal), -0 equal to 0.
      const rows = await one.all(`SELECT f.monetary AS x, m.segment FROM features f JOIN memberships m USING (member_id)`);
      const finite = rows.filter((r) => typeof r.x === "number" && Number.isFinite(r.x)) as { x: number; segment: string | null }[];
      const sorted = finite.map((r) => r.x).sort((a, b) => a - b);
      /** How many sorted values `before` says come before x (binary search). */
      const count = (before: (v: number) => boolean) => {
        let [lo, hi] = [0, sorted.length];
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (before(sorted[mid]!)) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      const twice = (x: number) => count((v) => v < x) + count((v) => v <= x);
      const n = sorted.length;
      expect(byOne.ltv?.population.n).toBe(n);
      for (const segment of ["light", "mid", "heavy"]) {
        const mine = finite.filter((r) => r.segment === segment);
        const sum = mine.reduce((s, r) => s + twice(r.x), 0);
        expect(byOne.ltv?.segments[`usage/${segment}`]).toMatchObject({ n: mine.length, rank: sum / (2 * n * mine.length) });
      }
    } finally {
      one.close();
      four.close();
    }
  });
});
