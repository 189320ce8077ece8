import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceSchema, type Source } from "../schema/source.ts";
import { checkColumnTypes, typeProves } from "./check-column-types.ts";
import { openDatabase, type Database } from "./duckdb.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
});
afterAll(() => db.close());

/** A raw table of text values, one column, as a CSV source is read. */
async function check(type: string, values: (string | null)[], extra: Record<string, unknown> = {}) {
  const rows = values.map((v) => `(${v === null ? "NULL" : `'${v.replaceAll("'", "''")}'`})`).join(", ");
  await db.run(`CREATE OR REPLACE TABLE raw AS SELECT * FROM (VALUES ${rows}) v(x)`);
  const source: Source = sourceSchema.parse({ path: "data/x.csv", kind: "accounts", key: "x", columns: { x: { type }, ...extra } });
  return checkColumnTypes(db, { name: "s", source, raw: "raw", textColumns: new Set(["x"]), rowLabel: (r) => `line ${r + 2}` });
}

describe("checkColumnTypes", () => {
  it("accepts values of the declared types, blanks included", async () => {
    expect(await check("integer", ["1", " -20 ", "30.0", "", null])).toEqual([]);
    expect(await check("number", ["1.5", "-2e3", "7"])).toEqual([]);
    expect(await check("boolean", ["true", "No", "1", "f"])).toEqual([]);
    expect(await check("date", ["2026-01-31", "2026-02-01 00:00:00"])).toEqual([]);
    expect(await check("timestamp", ["2026-01-31 10:30:00", "2026-01-31"])).toEqual([]);
  });

  it("a decimal in an integer column is an error, never rounded", async () => {
    const [finding] = await check("integer", ["30", "29.85", "56.95", "12"]);
    expect(finding).toMatchObject({
      ruleId: "data/type-mismatch",
      path: ["sources", "s", "columns", "x", "type"],
      message: 'Column "x" of source "s" is declared integer, but 2 values in data/x.csv are not whole numbers: "29.85" (line 3), "56.95" (line 4).',
      hint: "Declare the column as number: Seg checks types and never rounds a value.",
      data: { count: 2, first: "line 3" },
    });
  });

  it("integer spellings DuckDB would read but a person would not write are errors", async () => {
    const [finding] = await check("integer", ["0x10", "1_000", "1e3", "lots"]);
    expect(finding?.message).toBe('Column "x" of source "s" is declared integer, but 4 values in data/x.csv do not parse: "0x10" (line 2), "1_000" (line 3), "1e3" (line 4).');
  });

  it("whole numbers past a BIGINT do not parse as integers; the largest that fit, and 12. or +5, do", async () => {
    expect(await check("integer", ["9223372036854775807", "-9223372036854775808", "12.", "+5", "007", "99999999999999999.00"])).toEqual([]);
    const [finding] = await check("integer", ["9223372036854775808", "-9223372036854775809", "1"]);
    expect(finding?.data).toMatchObject({ count: 2, first: "line 2" });
  });

  it("text in a date column, and a time of day in a date column", async () => {
    expect((await check("date", ["2026-01-01", "soon"]))[0]?.message).toBe('Column "x" of source "s" is declared date, but 1 value in data/x.csv is not a date (YYYY-MM-DD): "soon" (line 3).');
    expect((await check("date", ["2026-01-01 10:30:00"]))[0]?.message).toBe('Column "x" of source "s" is declared date, but 1 value in data/x.csv has a time of day: "2026-01-01 10:30:00" (line 2).');
  });

  it("an unknown word in a boolean column", async () => {
    const [finding] = await check("boolean", ["yes", "maybe"]);
    expect(finding).toMatchObject({ ruleId: "data/type-mismatch", message: 'Column "x" of source "s" is declared boolean, but 1 value in data/x.csv does not parse: "maybe" (line 3).' });
  });

  it("a typed (Parquet) column is held to the declared type too: no true read as 1, no 7 read as true", async () => {
    const typed = async (type: string, sql: string) => {
      await db.run(`CREATE OR REPLACE TABLE raw AS SELECT * FROM (VALUES ${sql}) v(x)`);
      const source: Source = sourceSchema.parse({ path: "data/x.parquet", kind: "accounts", key: "x", columns: { x: { type } } });
      return checkColumnTypes(db, { name: "s", source, raw: "raw", textColumns: new Set(), rowLabel: (r) => `row ${r + 1}` });
    };
    expect(await typed("boolean", "(true), (false), (NULL)")).toEqual([]);
    expect(await typed("boolean", "(0), (1), (1)")).toEqual([]);
    expect(await typed("integer", "(12), (30.0::DOUBLE)")).toEqual([]);
    expect((await typed("integer", "(true), (false), (true)"))[0]?.message).toBe('Column "x" of source "s" is declared integer, but 3 values in data/x.parquet do not parse: "true" (row 1), "false" (row 2), "true" (row 3).');
    expect((await typed("number", "(true), (false)"))[0]?.message).toBe('Column "x" of source "s" is declared number, but 2 values in data/x.parquet do not parse: "true" (row 1), "false" (row 2).');
    expect((await typed("boolean", "(0), (1), (7), (-2)"))[0]?.message).toBe('Column "x" of source "s" is declared boolean, but 2 values in data/x.parquet do not parse: "7" (row 3), "-2" (row 4).');
  });

  it("NaN, Infinity and a number too large for a double are non-finite", async () => {
    const [finding, ...rest] = await check("number", ["1.5", "NaN", "Infinity", "1e309", "-inf"]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: "data/non-finite",
      message: 'Column "x" of source "s" holds 4 values in data/x.csv that are not finite numbers (NaN, Infinity, or too large for a double): "NaN" (line 3), "Infinity" (line 4), "1e309" (line 5).',
      data: { count: 4 },
    });
  });

  it("a derived column whose expression does not give its declared type", async () => {
    const findings = await check("number", ["1.5", "2.25"], { y: { type: "integer", expression: "x * 2" } });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "data/type-mismatch",
        path: ["sources", "s", "columns", "y", "expression"],
        message: 'Column "y" of source "s" is declared integer, but its expression gives 1 value that is not a whole number: "4.5" (line 3).',
      }),
    ]);
  });

  describe("a typed (Parquet) column whose DuckDB type proves a test is not tested again", () => {
    /** Each DuckDB type at its extremes (and NULL), as a Parquet file could hold it. */
    const extremes: Record<string, string[]> = {
      TINYINT: ["-128", "127"],
      SMALLINT: ["-32768", "32767"],
      INTEGER: ["-2147483648", "2147483647"],
      BIGINT: ["-9223372036854775808", "9223372036854775807"],
      UTINYINT: ["0", "255"],
      USMALLINT: ["65535"],
      UINTEGER: ["4294967295"],
      UBIGINT: ["0", "18446744073709551615"],
      HUGEINT: ["-170141183460469231731687303715884105727", "170141183460469231731687303715884105727"],
      UHUGEINT: ["340282366920938463463374607431768211455"],
      "DECIMAL(38,10)": ["-9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999"],
      "DECIMAL(4,2)": ["-99.99", "0.01"],
      DOUBLE: ["-1.7976931348623157e308", "5e-324", "'NaN'", "'-inf'"],
      FLOAT: ["3.4028235e38", "'NaN'", "'inf'"],
      TIMESTAMP: ["'290309-12-22 (BC) 00:00:00'", "'294247-01-10 04:00:54.775806'", "'infinity'", "'-infinity'"],
      BOOLEAN: ["true", "false"],
      DATE: ["'5881580-07-10'", "'2026-01-01'"],
    };
    const declared = ["integer", "number", "timestamp", "boolean", "date"] as const;
    const findings = async (type: string, fileType: string, fileTypes?: ReadonlyMap<string, string>) => {
      const values = [...extremes[fileType]!, "NULL"].map((v) => `(CAST(${v} AS ${fileType}))`).join(", ");
      await db.run(`CREATE OR REPLACE TABLE raw AS SELECT * FROM (VALUES ${values}) v(x)`);
      const source: Source = sourceSchema.parse({ path: "data/x.parquet", kind: "accounts", key: "x", columns: { x: { type } } });
      return checkColumnTypes(db, { name: "s", source, raw: "raw", textColumns: new Set(), ...(fileTypes ? { fileTypes } : {}), rowLabel: (r) => `row ${r + 1}` });
    };

    it("every test a type is said to prove finds nothing on that type's extreme values, and the findings stay the same", async () => {
      let proved = 0;
      for (const type of declared) {
        for (const fileType of Object.keys(extremes)) {
          const { parses, finite } = typeProves(type, fileType);
          if (!parses && !finite) continue;
          proved++;
          const all = await findings(type, fileType);
          if (parses) expect(all.filter((f) => f.ruleId === "data/type-mismatch"), `${type} over ${fileType}`).toEqual([]);
          if (finite) expect(all.filter((f) => f.ruleId === "data/non-finite"), `${type} over ${fileType}`).toEqual([]);
          expect(await findings(type, fileType, new Map([["x", fileType]])), `${type} over ${fileType}`).toEqual(all);
        }
      }
      expect(proved).toBe(7 + 14 + 1 + 1);
    });

    it("types that could fail a test are still tested: NaN in a double, a UBIGINT beyond BIGINT, dates beyond the timestamps", async () => {
      expect((await findings("number", "DOUBLE", new Map([["x", "DOUBLE"]])))[0]).toMatchObject({ ruleId: "data/non-finite", data: { count: 2 } });
      expect((await findings("integer", "UBIGINT", new Map([["x", "UBIGINT"]])))[0]).toMatchObject({ ruleId: "data/type-mismatch", data: { count: 1 } });
      expect(typeProves("date", "DATE")).toEqual({ parses: false, finite: false });
      expect(typeProves("timestamp", "TIMESTAMP WITH TIME ZONE").parses).toBe(false);
    });
  });
});
