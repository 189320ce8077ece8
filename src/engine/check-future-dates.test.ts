import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceSchema } from "../schema/source.ts";
import { checkFutureDates } from "./check-future-dates.ts";
import { openDatabase, type Database } from "./duckdb.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES (TIMESTAMP '2026-10-31 23:59:00'), (TIMESTAMP '2026-11-01 12:00:00'), (TIMESTAMP '2026-11-02 00:00:00'), (TIMESTAMP '2999-01-01 00:00:00')) v("at")`);
});
afterAll(() => db.close());

const source = (timestamp?: string) => sourceSchema.parse({ path: "data/inv.csv", kind: "transactions", key: "at", customer: "at", ...(timestamp ? { timestamp } : {}), columns: { at: { type: "timestamp" } } });

describe("checkFutureDates", () => {
  it("counts rows dated after the as-of day, with the latest", async () => {
    expect(await checkFutureDates(db, { name: "invoices", source: source("at"), table: "t", asOf: "2026-11-01" })).toEqual([
      {
        ruleId: "data/future-dates",
        messageId: "afterAsOf",
        severity: "warning",
        path: ["sources", "invoices", "timestamp"],
        message: 'Source "invoices" has 2 rows of 4 in data/inv.csv dated after as_of 2026-11-01 (the latest 2999-01-01); windows, recency and tenure end at as_of, so they count nowhere.',
        hint: "Correct the dates, or move as_of (or --as-of) to the date the data runs to.",
        data: { source: "invoices", column: "at", count: 2, latest: "2999-01-01", asOf: "2026-11-01", newestInTime: "2026-11-01 12:00:00" },
      },
    ]);
  });

  it("when as_of is after today, counts rows dated after today, and says how many are also after as_of", async () => {
    expect(await checkFutureDates(db, { name: "invoices", source: source("at"), table: "t", asOf: "2027-06-01", today: "2026-11-01" })).toEqual([
      {
        ruleId: "data/future-dates",
        messageId: "afterToday",
        severity: "warning",
        path: ["sources", "invoices", "timestamp"],
        message: 'Source "invoices" has 2 rows of 4 in data/inv.csv dated after today, 2026-11-01 (the latest 2999-01-01): dates that have not happened yet; 1 of them also after as_of 2027-06-01, so it counts nowhere.',
        hint: "Correct the dates, or move as_of (or --as-of) to the date the data runs to.",
        data: { source: "invoices", column: "at", count: 2, latest: "2999-01-01", asOf: "2027-06-01", today: "2026-11-01", afterAsOf: 1, newestInTime: "2026-11-01 12:00:00" },
      },
    ]);
    // as_of 3000-01-01, today the day of the last row: nothing after either.
    expect(await checkFutureDates(db, { name: "invoices", source: source("at"), table: "t", asOf: "3000-01-01", today: "2999-01-01" })).toEqual([]);
  });

  it("measures against as_of when today is the same day or later", async () => {
    const [byAsOf] = await checkFutureDates(db, { name: "invoices", source: source("at"), table: "t", asOf: "2026-11-01", today: "2026-12-07" });
    expect(byAsOf?.data).toEqual({ source: "invoices", column: "at", count: 2, latest: "2999-01-01", asOf: "2026-11-01", newestInTime: "2026-11-01 12:00:00" });
  });

  it("finds nothing when the data ends by as_of, or when the source has no timestamp", async () => {
    expect(await checkFutureDates(db, { name: "invoices", source: source("at"), table: "t", asOf: "2999-01-01" })).toEqual([]);
    expect(await checkFutureDates(db, { name: "invoices", source: source(), table: "t", asOf: "2020-01-01" })).toEqual([]);
  });
});
