/**
 * The lock's digest of a table source's typed rows (engine/warehouse/row-digest.ts) is computed by DuckDB when the
 * rows are read and by PostgreSQL when they stay there: both must give the same hex for the same rows, whatever the
 * values (text with the separators in it, Unicode, missing values, whole and fractional doubles, exponents, dates,
 * microseconds) and whatever order the rows come in. Skipped, with the reason printed, without PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/engine/duckdb.ts";
import { rowDigestSql } from "../../src/engine/warehouse/row-digest.ts";
import { duckdb } from "../../src/expr/dialects/duckdb.ts";
import { postgres } from "../../src/expr/dialects/postgres.ts";
import { sourceSchema } from "../../src/schema/source.ts";
import { missingPostgres, startPostgres, type PostgresServer } from "./compile-postgres-server.ts";

const noServer = missingPostgres();
if (noServer) console.warn(`warehouse-digest skipped: ${noServer}`);

const source = sourceSchema.parse({
  table: "t",
  kind: "transactions",
  key: "id",
  columns: { id: { type: "string" }, n: { type: "integer" }, x: { type: "number" }, ok: { type: "boolean" }, day: { type: "date" }, at: { type: "timestamp" } },
});

const ROWS = [
  ["'a|b:c'", "1", "2.55", "true", "'2011-12-09'", "'2011-12-09 12:50:00'"],
  ["'héllo ✓'", "-42", "1e-07", "false", "'1999-01-01'", "'2000-02-29 23:59:59.123456'"],
  ["''", "9007199254740993", "100.0", "NULL", "NULL", "NULL"],
  ["NULL", "NULL", "-0.0", "true", "'2024-02-29'", "'2024-02-29 00:00:00.5'"],
  ["'x'", "0", "123456789012.125", "false", "'0001-01-01'", "'1970-01-01 00:00:00'"],
  ["'x'", "0", "-99999999999999.9", "false", "'0001-01-01'", "'1970-01-01 00:00:00'"],
  ["'NULL'", "7", "0.1", "true", "'2011-01-01'", "'2011-01-01 01:02:03'"],
];

describe.runIf(!noServer)("the digest of a table source's rows", () => {
  let server: PostgresServer;
  let db: Database;
  beforeAll(async () => {
    server = startPostgres();
    db = await openDatabase();
  });
  afterAll(() => {
    server?.stop();
    db?.close();
  });

  const both = async (rows: readonly (readonly string[])[]): Promise<[string, string]> => {
    const types = ["VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP"];
    const names = Object.keys(source.columns);
    const values = (cast: string[]) => rows.map((r) => `(${r.map((v, i) => (v === "NULL" ? `CAST(NULL AS ${cast[i]})` : `CAST(${v} AS ${cast[i]})`)).join(", ")})`).join(", ");
    await db.run(`CREATE OR REPLACE TABLE t (${names.map((c, i) => `"${c}" ${types[i]}`).join(", ")})`);
    await db.run(`INSERT INTO t VALUES ${values(types)}`);
    const pgTypes = ["text", "bigint", "double precision", "boolean", "date", "timestamp"];
    server.run(`DROP TABLE IF EXISTS t; CREATE TABLE t (${names.map((c, i) => `"${c}" ${pgTypes[i]}`).join(", ")}); INSERT INTO t VALUES ${values(pgTypes)};`);
    const [fromDuckdb] = await db.all(rowDigestSql("duckdb", "t", source, duckdb.quoteIdent));
    const [fromPostgres] = server.query(rowDigestSql("postgres", "t", source, postgres.quoteIdent));
    return [String(fromDuckdb?.digest), String(fromPostgres?.digest)];
  };

  it("is the same hex from DuckDB and PostgreSQL, in any row order", async () => {
    const [duck, pg] = await both(ROWS);
    expect(duck).toMatch(/^[0-9a-f]{64}$/);
    expect(pg).toBe(duck);
    expect((await both([...ROWS].reverse()))[1]).toBe(duck);
  });

  it("changes when one value changes, also between columns", async () => {
    const [base] = await both(ROWS);
    const moved = ROWS.map((r, i) => (i === 0 ? ["'a|b'", ...r.slice(1)] : r));
    const [changed, changedPg] = await both(moved);
    expect(changed).not.toBe(base);
    expect(changedPg).toBe(changed);
    // A missing value and the text "NULL" are told apart.
    const [nulls] = await both(ROWS.map((r, i) => (i === 6 ? ["NULL", ...r.slice(1)] : r)));
    expect(nulls).not.toBe(base);
  });
});
