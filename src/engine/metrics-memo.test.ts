import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seatsConfig, segment } from "../../test/support/seats-schemes.ts";
import { schemesPlan } from "../compile/plan.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { assignMemberships } from "./membership.ts";
import { metricsMemo, metricsMemoEntries, metricsTableCache, uncachedMetrics, type MetricsMemo } from "./metrics-memo.ts";

const config = seatsConfig();

interface Rules {
  /** size (exclusive, in this order): big, mid, some. */
  big: string;
  mid: string;
  order?: [number, number, number];
  /** tags (overlapping): even, many. */
  many: string;
}
const first: Rules = { big: "seats >= 5", mid: "seats >= 3", many: "seats > 3" };
const segments = (rules: Rules) => {
  const [big, mid, some] = rules.order ?? [1, 2, 3];
  return [
    segment("size", "big", rules.big, big),
    segment("size", "mid", rules.mid, mid),
    segment("size", "some", "seats >= 1", some),
    segment("tags", "even", "seats % 2 = 0", 1),
    segment("tags", "many", rules.many, 2),
  ];
};

let db: Database;
let dir: string;
beforeEach(async () => {
  db = await openDatabase({ threads: 1 });
  dir = mkdtempSync(join(tmpdir(), "seg-metrics-memo-"));
  // Eight members; h has no seats, so it is in no segment of either scheme.
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES ('a', 0), ('b', 1), ('c', 2), ('d', 3), ('e', 4), ('f', 5), ('g', 6), ('h', NULL)) v(member_id, seats)`);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The segments each run measured: the conditions the query was run with (its key's text left out). */
let measured: string[] = [];
const perSegment = (scheme: string) => (where: string) => {
  if (where !== "{segments}") measured.push(where);
  return `SELECT m.segment, count(*) AS n, sum(f.seats) AS seats, string_agg(f.member_id, ',' ORDER BY f.member_id) AS members FROM memberships m JOIN features f USING (member_id) WHERE m.scheme = '${scheme}' AND ${where} GROUP BY m.segment ORDER BY m.segment NULLS LAST`;
};

/** Assigns the memberships the rules give, then measures `scheme` through a memo over the kept results and directly. */
async function measure(rules: Rules, scheme: string, unassigned = true): Promise<{ memo: unknown[]; direct: unknown[]; measured: string[] }> {
  await assignMemberships(db, config, segments(rules));
  measured = [];
  const memo: MetricsMemo = metricsMemo(db, metricsMemoEntries(dir), "features-key", schemesPlan(config, segments(rules)));
  const rows = await memo.bySegment(scheme, perSegment(scheme), { unassigned });
  const seen = [...measured];
  const direct = await uncachedMetrics(db).bySegment(scheme, perSegment(scheme), { unassigned });
  return { memo: rows, direct, measured: seen };
}

describe("metricsMemo, by segment", () => {
  it("answers a query grouped by segment as the database does, cold and warm, measuring nothing warm", async () => {
    const cold = await measure(first, "size");
    expect(cold.memo).toEqual(cold.direct);
    expect(cold.direct.map((r) => (r as { segment: string | null }).segment)).toEqual(["big", "mid", "some", null]);
    expect(cold.measured).toEqual([`(m.segment IN ('big', 'mid', 'some') OR m.segment IS NULL)`]);
    const warm = await measure(first, "size");
    expect(warm.memo).toEqual(cold.direct);
    expect(warm.measured).toEqual([]);
  });

  it("in an exclusive scheme measures again the edited segment, those after it and the unassigned, never those before", async () => {
    await measure(first, "size");
    const edited = await measure({ ...first, mid: "seats >= 2" }, "size");
    expect(edited.measured).toEqual([`(m.segment IN ('mid', 'some') OR m.segment IS NULL)`]);
    expect(edited.memo).toEqual(edited.direct);
    // The edit moved member c from some to mid: the kept rows of some could not have been used.
    expect(edited.direct).toContainEqual({ segment: "mid", n: 3, seats: 2 + 3 + 4, members: "c,d,e" });
  });

  it("in an overlapping scheme measures again the edited segment and the unassigned only", async () => {
    await measure(first, "tags");
    const edited = await measure({ ...first, many: "seats > 1" }, "tags");
    expect(edited.measured).toEqual([`(m.segment IN ('many') OR m.segment IS NULL)`]);
    expect(edited.memo).toEqual(edited.direct);
    // d (3 seats) joined many, so it left the unassigned: the kept unassigned rows could not have been used.
    expect(edited.direct.at(-1)).toEqual({ segment: null, n: 2, seats: 1, members: "b,h" });
  });

  it("after a reorder measures again every segment whose predecessors changed, and after a revert nothing", async () => {
    await measure(first, "size");
    const reordered = await measure({ ...first, order: [2, 1, 3] }, "size");
    expect(reordered.measured).toEqual([`(m.segment IN ('mid', 'big', 'some') OR m.segment IS NULL)`]);
    expect(reordered.memo).toEqual(reordered.direct);
    const reverted = await measure(first, "size");
    expect(reverted.measured).toEqual([]);
    expect(reverted.memo).toEqual(reverted.direct);
  });

  it("leaves the unassigned members out when asked, and keeps nothing for a scheme it has no plan of", async () => {
    const some = await measure(first, "size", false);
    expect(some.memo).toEqual(some.direct);
    expect(some.direct.map((r) => (r as { segment: string | null }).segment)).toEqual(["big", "mid", "some"]);
    expect(some.measured).toEqual([`(m.segment IN ('big', 'mid', 'some'))`]);
    const memo = metricsMemo(db, metricsMemoEntries(dir), "features-key", []);
    measured = [];
    await memo.bySegment("size", perSegment("size"));
    await memo.bySegment("size", perSegment("size"));
    expect(measured).toEqual(["TRUE", "TRUE"]);
  });
});

describe("metricsMemo, tables", () => {
  const ranks = `SELECT member_id, seats * 2 AS x FROM features`;
  it("keeps a table made from the features as a Parquet file, and reads it back under the same features", async () => {
    const tables = metricsTableCache(dir);
    const memo = () => metricsMemo(db, metricsMemoEntries(dir), "features-key", [], tables);
    const expected = await db.all(`${ranks} ORDER BY member_id`);
    const drop = await memo().table("t", ranks);
    expect(await db.all(`SELECT * FROM t ORDER BY member_id`)).toEqual(expected);
    await drop();
    expect(readdirSync(tables.folder)).toHaveLength(1);
    // Read back, not computed: the features changed behind the same key, and the kept rows are still the first ones.
    await db.run(`UPDATE features SET seats = seats + 10`);
    await memo().table("t", ranks);
    expect(await db.all(`SELECT * FROM t ORDER BY member_id`)).toEqual(expected);
  });

  it("makes a table of this run when the cache cannot be written", async () => {
    writeFileSync(join(dir, "blocked"), "");
    const memo = metricsMemo(db, metricsMemoEntries(dir), "features-key", [], metricsTableCache(join(dir, "blocked")));
    const drop = await memo.table("t", ranks);
    expect(await db.all(`SELECT * FROM t ORDER BY member_id`)).toEqual(await db.all(`${ranks} ORDER BY member_id`));
    await drop();
    expect(await db.all(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't'`)).toEqual([{ n: 0 }]);
  });
});
