import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seatsConfig, segment } from "../../test/support/seats-schemes.ts";
import type { CacheEntries } from "./cache-entries.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { assignMemberships } from "./membership.ts";
import { cachedMemberships, membershipFileCache } from "./membership-cache.ts";

const config = seatsConfig();

/** Six members; size is exclusive (big first), tags overlapping (a member can be both, or neither). */
const segments = (bigAt: number) => [
  segment("size", "big", `seats >= ${bigAt}`, 1),
  segment("size", "some", "seats >= 1", 2),
  segment("tags", "even", "seats % 2 = 0", 1),
  segment("tags", "many", "seats > 3", 2),
];

let db: Database;
let dir: string;
let cache: CacheEntries;
beforeEach(async () => {
  db = await openDatabase({ threads: 1 });
  dir = mkdtempSync(join(tmpdir(), "seg-membership-cache-"));
  cache = membershipFileCache(dir);
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES ('a', 0), ('b', 1), ('c', 2), ('d', 4), ('e', 5), ('f', NULL)) v(member_id, seats)`);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const table = async () => db.all(`SELECT * FROM memberships`);
const sorted = async () => db.all(`SELECT * FROM memberships ORDER BY scheme, member_id, segment`);

describe("cachedMemberships", () => {
  it("writes the table assignMemberships writes, row for row, cold and warm, and as a view the same rows", async () => {
    await assignMemberships(db, config, segments(4));
    const expected = await table();
    expect(expected.filter((r) => r.scheme === "tags" && r.member_id === "d").map((r) => r.segment)).toEqual(["even", "many"]);
    await cachedMemberships(db, config, segments(4), "features-key", cache, false);
    expect(await table()).toEqual(expected);
    expect(readdirSync(join(dir, "memberships"))).toHaveLength(2);
    await db.run(`DROP TABLE memberships`);
    await cachedMemberships(db, config, segments(4), "features-key", cache, false);
    expect(await table()).toEqual(expected);
    await db.run(`DROP TABLE memberships`);
    await cachedMemberships(db, config, segments(4), "features-key", cache, true);
    expect((await db.all(`SELECT table_type FROM information_schema.tables WHERE table_name = 'memberships'`))[0]?.table_type).toBe("VIEW");
    expect(await sorted()).toEqual(expected);
  });

  it("assigns again only the scheme whose rule changed, and gets its members right", async () => {
    await cachedMemberships(db, config, segments(4), "features-key", cache, false);
    const kept = readdirSync(join(dir, "memberships"));
    await db.run(`DROP TABLE memberships`);
    await cachedMemberships(db, config, segments(2), "features-key", cache, true);
    const now = readdirSync(join(dir, "memberships"));
    expect(now.filter((f) => !kept.includes(f))).toHaveLength(1);
    const view = await sorted();
    await db.run(`DROP VIEW memberships`);
    await assignMemberships(db, config, segments(2));
    expect(view).toEqual(await table());
    expect(view.filter((r) => r.scheme === "size" && r.segment === "big").map((r) => r.member_id)).toEqual(["c", "d", "e"]);
  });

  it("files entries under the features' content: other features, nothing read back", async () => {
    await cachedMemberships(db, config, segments(4), "features-key", cache, false);
    await db.run(`DROP TABLE memberships`);
    await db.run(`UPDATE features SET seats = seats + 10`);
    await cachedMemberships(db, config, segments(4), "other-features-key", cache, false);
    expect(readdirSync(join(dir, "memberships"))).toHaveLength(4);
    expect((await table()).filter((r) => r.scheme === "size" && r.segment === "big").map((r) => r.member_id)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("assigns into a table when the cache cannot be written, with the same rows", async () => {
    await assignMemberships(db, config, segments(4));
    const expected = await table();
    await db.run(`DROP TABLE memberships`);
    // The cache's folder is a file: nothing can be kept under it.
    writeFileSync(join(dir, "blocked"), "");
    await cachedMemberships(db, config, segments(4), "features-key", membershipFileCache(join(dir, "blocked")), true);
    expect(await sorted()).toEqual(expected);
  });
});
