import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seatsConfig, segment } from "../../test/support/seats-schemes.ts";
import { configSchema } from "../schema/config.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { assignMemberships } from "./membership.ts";

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ threads: 2 });
});
afterEach(() => db.close());

/** `size` exclusive (by rule, in member order), `tags` overlapping (several rows per member, or one without a segment). */
const segments = [segment("size", "big", "seats >= 900", 1), segment("size", "some", "seats >= 1", 2), segment("tags", "even", "seats % 2 = 0", 1), segment("tags", "many", "seats > 500", 2)];

/** Features in member order, as build-feature-table writes them: more rows than one row group, some seats missing. */
async function features(members: number) {
  await db.run(
    `CREATE OR REPLACE TABLE features AS SELECT printf('m%07d', i) AS member_id, CASE WHEN i % 97 = 0 THEN NULL ELSE CAST(i * 7919 % 1000 AS BIGINT) END AS seats FROM range(${members}) r(i) ORDER BY member_id`,
  );
}

const rows = async () => db.all(`SELECT scheme, member_id, segment FROM memberships`);

describe("assignMemberships", () => {
  it("appends a scheme at a time, in the order the whole table's sort gives, row for row", async () => {
    await features(300_000);
    await assignMemberships(db, seatsConfig(), segments);
    const sortedTogether = await rows();
    await db.run(`DROP TABLE memberships`);
    await assignMemberships(db, seatsConfig(), segments, true);
    const appended = await rows();
    expect(appended.length).toBe(sortedTogether.length);
    expect(appended).toEqual(sortedTogether);
    // Member 2 has 838 seats: in one segment of size and two of tags.
    expect(sortedTogether.filter((r) => r.member_id === "m0000002").map((r) => `${r.scheme}:${r.segment}`)).toEqual(["size:some", "tags:even", "tags:many"]);
  });

  it("orders schemes by their ids' bytes whatever order they are declared in, and types the columns as the whole query", async () => {
    await features(1_000);
    // Declared tags first; "size-b" sorts before "sizea" by bytes, after it as a locale would.
    const config = configSchema.parse({ ...seatsConfig(), schemes: { tags: { label: "Tags", exclusive: false }, sizea: { label: "A" }, "size-b": { label: "B" } } });
    const renamed = [...segments, ...segments.filter((s) => s.scheme === "size").map((s) => ({ ...s, scheme: "size-b" }))].map((s) => (s.scheme === "size" ? { ...s, scheme: "sizea" } : s));
    await assignMemberships(db, config, renamed);
    const sortedTogether = await rows();
    const types = await db.all(`SELECT column_name, column_type FROM (DESCRIBE memberships)`);
    await db.run(`DROP TABLE memberships`);
    await assignMemberships(db, config, renamed, true);
    expect(await rows()).toEqual(sortedTogether);
    expect(await db.all(`SELECT column_name, column_type FROM (DESCRIBE memberships)`)).toEqual(types);
    expect([...new Set((await rows()).map((r) => r.scheme))]).toEqual(["size-b", "sizea", "tags"]);
  });
});
