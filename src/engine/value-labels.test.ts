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
