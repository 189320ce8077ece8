import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { snowflakeText } from "./snowflake-tables.ts";
import { utcTimestampText, warehouseText } from "./warehouse-text.ts";

describe("a warehouse's text for a value", () => {
  it("is text or NULL, anything else refused", () => {
    expect(warehouseText("12.5", "price")).toBe("12.5");
    expect(warehouseText(null, "price")).toBeNull();
    expect(warehouseText(undefined, "price")).toBeNull();
    expect(() => warehouseText(12.5, "price")).toThrow(/column price came back as number, not as text/);
  });

  it("moves a timestamp with an offset to UTC, keeping its fraction digit for digit", () => {
    expect(utcTimestampText("2024-01-31 11:00:00.000000+01:00")).toBe("2024-01-31 10:00:00.000000");
    expect(utcTimestampText("2024-01-01 02:15:30.123456+05:30")).toBe("2023-12-31 20:45:30.123456");
    expect(utcTimestampText("2024-02-28 22:00:00-03:00")).toBe("2024-02-29 01:00:00");
    expect(utcTimestampText("2024-01-31 10:00:00+00")).toBe("2024-01-31 10:00:00");
    expect(utcTimestampText("2024-01-31T10:00:00Z")).toBe("2024-01-31 10:00:00");
    expect(utcTimestampText("2024-01-31 10:00:00.5 +0100")).toBe("2024-01-31 09:00:00.5");
    expect(utcTimestampText("0099-01-01 00:30:00+01:00")).toBe("0098-12-31 23:30:00");
  });

  it("leaves other text as it is, for DuckDB's type check to judge", () => {
    for (const text of ["2024-01-31", "2024-01-31 10:00:00", "yesterday", "2024-13-45 99:00:00+01:00x", "2024-13-01 10:00:00+01:00", "2024-02-30 10:00:00+01:00", "2024-01-31 24:00:00+01:00", ""]) expect(utcTimestampText(text)).toBe(text);
  });

  it("is moved to UTC only in a column whose warehouse type has a zone", () => {
    expect(snowflakeText("2024-01-31 11:00:00.000000+01:00", "ts", true)).toBe("2024-01-31 10:00:00.000000");
    expect(snowflakeText("2024-01-31 11:00:00.000000+01:00", "note", false)).toBe("2024-01-31 11:00:00.000000+01:00");
    expect(snowflakeText(null, "ts", true)).toBeNull();
  });

  it("types in DuckDB to the instant PostgreSQL's UTC text types to", async () => {
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const typed = async (text: string) => String((await db.runAndReadAll(`SELECT CAST(TRY_CAST('${text}' AS TIMESTAMP) AS VARCHAR) AS t`)).getRows()[0]![0]);
    // What PostgreSQL (TimeZone UTC) writes for the same instant, and what DuckDB makes of the raw Snowflake text.
    expect(await typed(utcTimestampText("2024-01-31 11:00:00.250000+01:00"))).toBe(await typed("2024-01-31 10:00:00.25+00"));
    expect(await typed("2024-01-31 11:00:00.250000+01:00")).not.toBe(await typed("2024-01-31 10:00:00.25+00"));
    db.closeSync();
  });
});
