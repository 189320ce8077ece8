import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seatsConfig, segment } from "../../test/support/seats-schemes.ts";
import { schemesPlan } from "../compile/plan.ts";
import type { Hypothesis } from "../schema/hypothesis.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { runHypotheses, type SegmentRef } from "./hypotheses.ts";
import { assignMemberships } from "./membership.ts";
import { metricsMemo, metricsMemoEntries } from "./metrics-memo.ts";

const config = seatsConfig();
const segments = (big: string) => [segment("size", "big", big, 1), segment("size", "some", "seats >= 1", 2), segment("tags", "even", "seats % 2 = 0", 1)];
const refs: Record<string, SegmentRef> = { big: { scheme: "size", id: "big", name: "Big" }, some: { scheme: "size", id: "some", name: "Some" }, even: { scheme: "tags", id: "even", name: "Even" } };
const resolve = (ref: string) => refs[ref];
const test = { kind: "difference-of-means", alternative: "greater", alpha: 0.05 } as Hypothesis["test"];
/** Big against the rest of size, and big (size) against even (tags): each group's query reads one scheme. */
const hypotheses = [
  { id: "big-vs-rest", metric: "seats", segments: ["big"], test },
  { id: "big-vs-even", metric: "seats", segments: ["big", "even"], test },
] as unknown as Hypothesis[];

let db: Database;
let dir: string;
beforeEach(async () => {
  db = await openDatabase({ threads: 1 });
  dir = mkdtempSync(join(tmpdir(), "seg-hypotheses-"));
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES ('a', 0), ('b', 1), ('c', 2), ('d', 3), ('e', 4), ('f', 5), ('g', 6), ('h', 9)) v(member_id, seats)`);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const groups = (results: Awaited<ReturnType<typeof runHypotheses>>) => results.map((r) => [r.id, r.groups.map((g) => [g.n, g.value])]);

describe("runHypotheses through the metrics memo", () => {
  it("answers each group from the cache while the features and its scheme's rules are unchanged, and anew after a rule edit", async () => {
    const entries = metricsMemoEntries(dir);
    const run = async (big: string) => {
      await db.run(`DROP TABLE IF EXISTS memberships`);
      await assignMemberships(db, config, segments(big));
      const memo = metricsMemo(db, entries, "features-key", schemesPlan(config, segments(big)));
      return runHypotheses(db, config, hypotheses, resolve, memo.query);
    };
    const uncached = await runHypotheses(db, config, hypotheses, resolve).catch(() => undefined);
    expect(uncached).toBeUndefined(); // no memberships yet: the queries do run on the database
    const fresh = await run("seats >= 5");
    expect(groups(fresh)).toEqual([
      ["big-vs-rest", [[3, 20 / 3], [5, 2]]],
      ["big-vs-even", [[3, 20 / 3], [4, 3]]],
    ]);
    // The same rules: read back, even with the memberships emptied under the memo's feet.
    await db.run(`DELETE FROM memberships`);
    const memo = metricsMemo(db, entries, "features-key", schemesPlan(config, segments("seats >= 5")));
    expect(await runHypotheses(db, config, hypotheses, resolve, memo.query)).toEqual(fresh);
    // Big's rule edited: size's groups are measured again; even (tags) is read back and still right.
    const edited = await run("seats >= 6");
    expect(groups(edited)).toEqual([
      ["big-vs-rest", [[2, 7.5], [6, 2.5]]],
      ["big-vs-even", [[2, 7.5], [4, 3]]],
    ]);
    expect(edited).toEqual(await runHypotheses(db, config, hypotheses, resolve));
  });
});
