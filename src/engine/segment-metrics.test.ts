import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seatsConfig, segment } from "../../test/support/seats-schemes.ts";
import { schemesPlan } from "../compile/plan.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { assignMemberships, positionalSchemes } from "./membership.ts";
import { computeSegmentMetrics } from "./segment-metrics.ts";

const config = seatsConfig("number");
const segments = [segment("size", "big", "seats >= 4", 1), segment("size", "some", "seats >= 1", 2), segment("tags", "even", "seats % 2 = 0", 1), segment("tags", "many", "seats > 3", 2)];
const catalog = new Map<string, CatalogEntry>([["seats", { name: "seats", type: "number", kind: "firmographic", origin: "column", description: "" }]]);

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ threads: 1 });
  // In member order, as the engine builds the features table; h has no seats and is in no segment.
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES ('a', 0.5), ('b', 1.25), ('c', 2.0), ('d', 4.5), ('e', 5.0), ('f', 6.0), ('g', 8.25), ('h', NULL)) v(member_id, seats) ORDER BY member_id`);
  await assignMemberships(db, config, segments);
});
afterEach(() => db.close());

describe("computeSegmentMetrics", () => {
  it("gives the same metrics joining an exclusive scheme's members by position as by member id", async () => {
    const positional = positionalSchemes(schemesPlan(config, segments));
    expect([...positional]).toEqual(["size"]);
    const byId = await computeSegmentMetrics(db, config, catalog);
    const byPosition = await computeSegmentMetrics(db, config, catalog, undefined, positional);
    expect(byPosition).toEqual(byId);
    const size = byId.find((s) => s.scheme === "size")!;
    expect(size.segments.map((s) => [s.segment, s.count, s.features?.seats?.mean])).toEqual([
      ["big", 4, (4.5 + 5 + 6 + 8.25) / 4],
      ["some", 2, (1.25 + 2) / 2],
      [null, 2, 0.5],
    ]);
  });

  it("stops rather than pair two members' rows when the memberships are out of the features' order", async () => {
    await db.run(`CREATE OR REPLACE TABLE memberships AS SELECT * FROM memberships ORDER BY scheme, member_id DESC`);
    await expect(computeSegmentMetrics(db, config, catalog, undefined, new Set(["size"]))).rejects.toThrow(/features and memberships out of step/);
  });
});
