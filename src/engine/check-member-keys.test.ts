import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceSchema } from "../schema/source.ts";
import { checkMemberKeys } from "./check-member-keys.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { ROW_POSITION } from "./typed-source.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
});
afterAll(() => db.close());

const line = (rowid: number) => `line ${rowid + 2}`;
const source = (kind: string, key = "id", extra: Record<string, unknown> = {}) =>
  sourceSchema.parse({ path: "data/x.csv", kind, key, customer: kind === "accounts" ? undefined : "cust", columns: { id: { type: "string" }, cust: { type: "string" }, n: { type: "integer", row_number: true } }, ...extra });

async function table(keys: (string | null)[]): Promise<string> {
  const values = keys.map((k, i) => `(${i}, ${k === null ? "NULL" : `'${k}'`}, 'c')`).join(", ");
  await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ${values}) v(${ROW_POSITION}, id, cust)`);
  return "t";
}

/** The findings alone. */
async function keyFindings(input: Parameters<typeof checkMemberKeys>[1]) {
  return (await checkMemberKeys(db, input)).findings;
}

describe("checkMemberKeys", () => {
  it("finds nothing when every member key is unique", async () => {
    expect(await keyFindings({ name: "accounts", source: source("accounts"), table: await table(["a", "b", "c"]), rowLabel: line })).toEqual([]);
  });

  it("blank keys are not repeats, but rows left out of the members: a warning with their lines", async () => {
    expect(await keyFindings({ name: "accounts", source: source("accounts"), table: await table(["a", null, "b", null]), rowLabel: line })).toEqual([
      expect.objectContaining({
        ruleId: "data/missing-key",
        severity: "warning",
        path: ["sources", "accounts", "key"],
        message: 'Source "accounts" has 2 rows of 4 in data/x.csv with an empty id (lines 3, 5); they are not members and count nowhere.',
      }),
    ]);
  });

  it("reports repeated member keys with the most frequent, their counts and first lines", async () => {
    const [finding, ...rest] = await keyFindings({ name: "accounts", source: source("accounts"), table: await table(["3", "3", "1", "3", "2", "1", "3", "4", "2"]), rowLabel: line });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: "data/duplicate-key",
      severity: "error",
      path: ["sources", "accounts", "key"],
      message: 'Key "id" of source "accounts" is not unique: 3 keys repeat in data/x.csv, on 8 rows of 9; most frequent: "3" ×4 (lines 2, 3, 5, …), "1" ×2 (lines 4, 7), "2" ×2 (lines 6, 10).',
      data: { keys: 3, rows: 8, top: [{ key: "3", count: 4, at: ["line 2", "line 3", "line 5"] }, { key: "1", count: 2 }, { key: "2", count: 2 }] },
    });
  });

  it("names lines by the table's rowids when they are the positions (read-typed-csv), rows deleted before it left out", async () => {
    // Rows 1 and 4 are deleted (as a filter's are): the rest keep their rowids, their positions in the file.
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ('3', 'c'), ('x', 'c'), ('3', 'c'), (NULL, 'c'), ('x', 'c'), ('3', 'c'), (NULL, 'c')) v(id, cust)`);
    await db.run(`DELETE FROM t WHERE rowid IN (1, 4)`);
    const findings = await keyFindings({ name: "accounts", source: source("accounts"), table: "t", rowLabel: line, position: "rowid" });
    expect(findings.map((f) => f.message)).toEqual([
      'Source "accounts" has 2 rows of 5 in data/x.csv with an empty id (lines 5, 8); they are not members and count nowhere.',
      'Key "id" of source "accounts" is not unique: 1 key repeats in data/x.csv, on 3 rows of 5; most frequent: "3" ×3 (lines 2, 4, 7).',
    ]);
  });

  it("warns about repeated transaction ids with the count", async () => {
    const findings = await keyFindings({ name: "invoices", source: source("transactions"), table: await table(["i1", "i2", "i2", "i3", "i3", "i3"]) });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "data/duplicate-id",
        severity: "warning",
        message: 'Id "id" of source "invoices" repeats: 2 ids appear more than once in data/x.csv (3 extra rows of 6), so their amounts count more than once.',
        data: { source: "invoices", column: "id", keys: 2, rows: 5, extra: 3 },
      }),
    ]);
  });

  it("accepts repeats of a transaction id that rfm.order declares as the order of line rows, but not exact copies", async () => {
    expect(await keyFindings({ name: "invoices", source: source("transactions"), table: await table(["i1", "i1"]), orderColumn: "id" })).toEqual([
      expect.objectContaining({
        ruleId: "data/duplicate-id",
        message: 'Source "invoices" has 1 row of 2 in data/x.csv that copies an earlier row in every declared column (same id), so its amount counts twice.',
      }),
    ]);
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES (0, 'i1', 'a'), (1, 'i1', 'b')) v(${ROW_POSITION}, id, cust)`);
    expect(await keyFindings({ name: "invoices", source: source("transactions"), table: "t", orderColumn: "id" })).toEqual([]);
  });

  it("does not check events, whose key need not be unique, nor row-number keys", async () => {
    expect(await keyFindings({ name: "events", source: source("events"), table: await table(["u1", "u1"]) })).toEqual([]);
    expect(await keyFindings({ name: "accounts", source: source("accounts", "n"), table: await table(["a", "a"]) })).toEqual([]);
  });

  it("says whether the present keys are all different, which RFM relies on to count orders without DISTINCT", async () => {
    const unique = async (keys: (string | null)[], orderColumn?: string) =>
      (await checkMemberKeys(db, { name: "invoices", source: source("transactions"), table: await table(keys), ...(orderColumn ? { orderColumn } : {}) })).keysUnique;
    expect(await unique(["i1", "i2", null, null])).toBe(true);
    expect(await unique(["i1", "i2", "i1"])).toBe(false);
    expect(await unique(["i1", "i2"], "id")).toBe(true);
    expect(await unique(["i1", "i1"], "id")).toBe(false);
    expect((await checkMemberKeys(db, { name: "events", source: source("events"), table: await table(["u1", "u2"]) })).keysUnique).toBe(false);
  });

  it("says whether any row lacks a key, which RFM relies on to count rows for orders without reading their ids", async () => {
    const complete = async (kind: "transactions" | "accounts", keys: (string | null)[], orderColumn?: string) =>
      (await checkMemberKeys(db, { name: "s", source: source(kind), table: await table(keys), ...(orderColumn ? { orderColumn } : {}) })).keysComplete;
    expect(await complete("transactions", ["i1", "i2"], "id")).toBe(true);
    expect(await complete("transactions", ["i1", "i2", null], "id")).toBe(false);
    expect(await complete("transactions", ["i1", "i2"])).toBe(true);
    expect(await complete("transactions", ["i1", null])).toBe(false);
    expect(await complete("accounts", ["a", "b"])).toBe(true);
    expect(await complete("accounts", ["a", null])).toBe(false);
    // Not checked: nothing is known.
    expect((await checkMemberKeys(db, { name: "events", source: source("events"), table: await table(["u1", "u2"]) })).keysComplete).toBe(false);
    expect((await checkMemberKeys(db, { name: "accounts", source: source("accounts", "n"), table: await table(["a", "b"]) })).keysComplete).toBe(false);
  });

  it("counts exact copies by every declared column, as grouping them does: missing values and -0.0 = 0.0 alike, one differing column not", async () => {
    const lines = sourceSchema.parse({
      path: "data/x.csv",
      kind: "transactions",
      key: "id",
      customer: "cust",
      columns: { id: { type: "string" }, cust: { type: "string" }, price: { type: "number" }, n: { type: "integer", row_number: true } },
    });
    // i1: three copies of one line (2 extra) with a missing customer; i2: -0.0 and 0.0 copy each other (1 extra);
    // i3: lines that differ in price only; i4: one line. A row_number column (n) never makes rows differ.
    const rows = ["('i1', NULL, 1.5)", "('i1', NULL, 1.5)", "('i2', 'b', -0.0)", "('i1', NULL, 1.5)", "('i2', 'b', 0.0)", "('i3', 'c', 1.0)", "('i3', 'c', 2.0)", "('i4', 'd', 1.0)"];
    const values = rows.map((r, i) => `(${i}, ${i + 1}, ${r.slice(1)}`).join(", ");
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT ${ROW_POSITION}, n, id, cust, CAST(price AS DOUBLE) AS price FROM (VALUES ${values}) v(${ROW_POSITION}, n, id, cust, price)`);
    const [grouped] = await db.all(`SELECT sum(c - 1) AS extra FROM (SELECT count(*) AS c FROM t GROUP BY id, cust, price)`);
    expect(grouped?.extra).toBe(3);
    expect(await keyFindings({ name: "invoices", source: lines, table: "t", orderColumn: "id" })).toEqual([
      expect.objectContaining({ ruleId: "data/duplicate-id", data: { source: "invoices", column: "id", extra: 3, exact: true }, message: expect.stringContaining("3 rows of 8") }),
    ]);
  });

  it("finds copied rows without a key even when every present key is unique", async () => {
    expect(await keyFindings({ name: "invoices", source: source("transactions"), table: await table(["i1", null, null]), orderColumn: "id" })).toEqual([
      expect.objectContaining({ ruleId: "data/duplicate-id", data: expect.objectContaining({ extra: 1, exact: true }) }),
    ]);
  });
});
