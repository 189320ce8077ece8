import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sourceSchema, type Source } from "../schema/source.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { checkColumnTypes } from "./check-column-types.ts";
import { readCsvSql } from "./read-csv.ts";
import { readTypedCsv } from "./read-typed-csv.ts";
import { typedSourceSql } from "./typed-source.ts";

let db: Database;
const dir = mkdtempSync(join(tmpdir(), "seg-read-typed-csv-"));
beforeAll(async () => {
  db = await openDatabase({ threads: 2 });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = ["id", "qty", "price", "day", "note"];

function source(extra: Record<string, unknown> = {}): Source {
  return sourceSchema.parse({
    path: "data/x.csv",
    kind: "transactions",
    key: "id",
    columns: { id: { type: "string" }, qty: { type: "integer" }, price: { type: "number" }, day: { type: "timestamp" }, note: { type: "string" }, line: { type: "integer", row_number: true }, amount: { type: "number", expression: "qty * price" } },
    ...extra,
  });
}

function file(text: string, gzip = false): string {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv${gzip ? ".gz" : ""}`);
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
}

/** The typed table as the text path builds it: the file read as text into a table, then typedSourceSql over it. */
async function viaText(path: string, s: Source): Promise<unknown[]> {
  await db.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM ${readCsvSql(path, HEADER)}`);
  const rows = await db.all(`SELECT * FROM (${typedSourceSql("raw", s, new Set(HEADER))})`);
  await db.run("DROP TABLE raw");
  return rows;
}

async function tables(): Promise<string[]> {
  return (await db.all("SELECT table_name FROM duckdb_tables() WHERE table_name = 'typed'")).map((r) => String(r.table_name));
}

const CLEAN = ['id,qty,price,day,note', 'a,2,1.5,2024-01-01 10:00:00,plain', 'b, 3 ,2,2024-01-02,"two\nlines"', 'c,-1,4.25,2024-01-03 00:00:00,', 'd,12.0,0.5,2024-01-04 08:30:00," x "', 'e,5,,2024-01-05 09:00:00,last'].join("\n");

describe("readTypedCsv", () => {
  it("gives the text path's typed table, row positions and row count, the filter applied", async () => {
    for (const gzip of [false, true]) {
      // The filter drops the file's last row (e): the row kept to count the rows read is deleted again.
      const s = source({ filter: "qty > 0 and price is not null" });
      const path = file(CLEAN, gzip);
      const read = await readTypedCsv(db, { name: "s", source: s, file: path, header: HEADER, table: "typed" });
      expect(read).toEqual({ rowsRead: 5, position: "__seg_row" });
      const rows = await db.all("SELECT * FROM typed");
      expect(rows).toEqual(await viaText(path, s));
      expect(rows.map((r) => [r.id, r.__seg_row, r.line, r.amount])).toEqual([
        ["a", 0, 1, 3],
        ["b", 1, 2, 6],
        ["d", 3, 4, 6],
      ]);
      expect(rows[1]!.note).toBe("two\nlines");
      expect(Object.keys(rows[0]!)).toEqual(["__seg_row", "id", "qty", "price", "day", "note", "line", "amount"]);
    }
  });

  it("keeps every row without a filter, the last one too", async () => {
    const s = source();
    const path = file(CLEAN);
    expect(await readTypedCsv(db, { name: "s", source: s, file: path, header: HEADER, table: "typed" })).toEqual({ rowsRead: 5, position: "__seg_row" });
    expect(await db.all("SELECT * FROM typed")).toEqual(await viaText(path, s));
  });

  it("without a row_number column, stores every row read in the file's order: each rowid is the row's position, kept once the filter's rows are deleted", async () => {
    for (const gzip of [false, true]) {
      const { line: _line, ...columns } = source().columns;
      const s = sourceSchema.parse({ ...source(), columns, filter: "qty > 0 and price is not null" });
      const path = file(CLEAN, gzip);
      const read = await readTypedCsv(db, { name: "s", source: s, file: path, header: HEADER, table: "typed" });
      expect(read).toEqual({ rowsRead: 5, position: "rowid" });
      const rows = await db.all("SELECT rowid AS position, * FROM typed");
      expect(rows.map(({ position: _p, ...row }) => row)).toEqual((await viaText(path, s)).map((row) => Object.fromEntries(Object.entries(row as object).filter(([k]) => k !== "__seg_row"))));
      expect(rows.map((r) => [r.id, r.position, r.amount])).toEqual([
        ["a", 0, 3],
        ["b", 1, 6],
        ["d", 3, 6],
      ]);
      expect(Object.keys(rows[0]!)).toEqual(["position", "id", "qty", "price", "day", "note", "amount"]);
    }
  });

  it("reads a file of many rows on every thread in the file's order, every position its line's", async () => {
    // Some 20 MB: DuckDB splits a plain CSV into chunks of about 8 MB, one thread each.
    const header = ["id", "n", "pad"];
    const s = sourceSchema.parse({ path: "data/x.csv", kind: "transactions", key: "id", columns: { id: { type: "string" }, n: { type: "integer" } }, filter: "n % 3 <> 0" });
    const count = 300_000;
    const pad = "x".repeat(60);
    const lines = Array.from({ length: count }, (_, i) => `r${i},${i},${pad}`);
    const path = file(`${header.join(",")}\n${lines.join("\n")}\n`);
    expect(await readTypedCsv(db, { name: "s", source: s, file: path, header, table: "typed" })).toEqual({ rowsRead: count, position: "rowid" });
    const [check] = await db.all(`SELECT count(*) AS n, count(*) FILTER (WHERE rowid <> n OR id <> 'r' || n) AS misplaced, count(*) FILTER (WHERE n % 3 = 0) AS unfiltered FROM typed`);
    expect(check).toEqual({ n: count - count / 3, misplaced: 0, unfiltered: 0 });
  });

  it("numbers the rows as it reads them when a declared column is named rowid, which would hide the table's rowid", async () => {
    const s = sourceSchema.parse({ path: "data/x.csv", kind: "transactions", key: "id", columns: { id: { type: "string" }, rowid: { type: "integer", from: "qty" } } });
    expect(await readTypedCsv(db, { name: "s", source: s, file: file(CLEAN), header: HEADER, table: "typed" })).toEqual({ rowsRead: 5, position: "__seg_row" });
    expect((await db.all(`SELECT "__seg_row" AS p, "rowid" AS r FROM typed`)).map((r) => [r.p, r.r])).toEqual([[0, 2], [1, 3], [2, -1], [3, 12], [4, 5]]);
  });

  it("leaves no table for a value any type check would report, whether or not the filter keeps its row", async () => {
    const broken = {
      "a decimal in an integer column": "z,2.5,1,2024-01-01,",
      "an integer spelling a person would not write": "z,1e3,1,2024-01-01,",
      "text in a number column": "z,1,cheap,2024-01-01,",
      "a number that is not finite": "z,1,NaN,2024-01-01,",
      "text in a timestamp column": "z,1,1,soon,",
      "a derived value that is not finite": "z,1,1e308,2024-01-01,",
    };
    for (const [what, line] of Object.entries(broken)) {
      // qty > 100 keeps none of the rows: a filtered-out row is checked all the same.
      const path = file(`${CLEAN}\n${line}\n`);
      for (const filter of [undefined, "qty > 100"]) {
        const s = source(filter ? { filter } : {});
        const s2 = { ...s, columns: { ...s.columns, amount: { ...s.columns.amount!, expression: what.startsWith("a derived") ? "qty * price * 10" : "qty * price" } } };
        expect(await readTypedCsv(db, { name: "s", source: s2, file: path, header: HEADER, table: "typed" }), what).toBeUndefined();
        expect(await tables(), what).toEqual([]);
      }
    }
  });

  it("flags a row exactly when checkColumnTypes would report its value, for values at the edges of each type", async () => {
    const header = ["id", "n", "x", "at", "born", "ok"];
    const typed = sourceSchema.parse({
      path: "data/x.csv",
      kind: "transactions",
      key: "id",
      columns: { id: { type: "string" }, n: { type: "integer" }, x: { type: "number" }, at: { type: "timestamp" }, born: { type: "date" }, ok: { type: "boolean" } },
    });
    const clean = ["a", "1", "1.5", "2024-01-01 10:00:00", "2024-01-01", "true"];
    const values: Record<string, string[]> = {
      n: ["12", "12.0", "12.", "+3", "-0", "007", " 7 ", "\u00a07\u00a0", "", "  ", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e3", "0x10", "1_000", "2.5", ".0", "abc", "\uff11\uff12", "\u22123"],
      x: ["1.5", "-0", " 2 ", "1e308", "", "1e309", "NaN", "inf", "-Infinity", "0x10", "1,5", "1_000.5", "cheap"],
      at: ["2024-01-01", "2024-01-01 10:00", " 2024-01-01T10:00:00 ", "", "2024-13-01", "soon", "2024-01-01 25:00"],
      born: ["2024-01-01", " 2024-02-29 ", "2024-01-01 00:00:00", "", "2024-01-01 10:00", "2023-02-29", "x"],
      ok: ["true", "yes", "Y", "0", "f", "", "2", "maybe"],
    };
    const quoted = (row: readonly string[]) => row.map((v) => `"${v.replaceAll('"', '""')}"`).join(",");
    const outcomes = new Set<boolean>();
    for (const [column, list] of Object.entries(values)) {
      for (const value of list) {
        const row = clean.map((v, i) => (header[i] === column ? value : v));
        const path = file([header.join(","), quoted(clean), quoted(row)].join("\n"));
        await db.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM ${readCsvSql(path, header)}`);
        const reported = await checkColumnTypes(db, { name: "s", source: typed, raw: "raw", textColumns: new Set(header), rowLabel: (r) => `line ${r + 2}` });
        await db.run("DROP TABLE raw");
        const read = await readTypedCsv(db, { name: "s", source: typed, file: path, header, table: "typed" });
        expect(read === undefined, `${column} = ${JSON.stringify(value)}`).toBe(reported.length > 0);
        outcomes.add(reported.length > 0);
        await db.run("DROP TABLE IF EXISTS typed");
      }
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  it("leaves the rest to the text path: a missing column, a ragged row, a file without rows", async () => {
    const s = source();
    expect(await readTypedCsv(db, { name: "s", source: s, file: file(CLEAN), header: ["id", "qty", "price", "day"], table: "typed" })).toBeUndefined();
    expect(await readTypedCsv(db, { name: "s", source: s, file: file(`${CLEAN}\nf,1,1\n`), header: HEADER, table: "typed" })).toBeUndefined();
    expect(await readTypedCsv(db, { name: "s", source: s, file: file("id,qty,price,day,note\n"), header: HEADER, table: "typed" })).toBeUndefined();
    expect(await tables()).toEqual([]);
  });
});
