import { it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseExpression } from "./parser.ts";
import { emitSql } from "./emit-sql.ts";
import { duckdb } from "./dialects/duckdb.ts";
it("debug", async () => {
  const inst = await DuckDBInstance.create(":memory:");
  const con = await inst.connect();
  await con.run("CREATE TABLE m (id INTEGER, mrr DOUBLE, seats INTEGER)");
  await con.run("INSERT INTO m VALUES (1, 2.5, 3), (2, NULL, 0)");
  for (const n of [2, 4, 8, 10, 12, 14]) {
    const src = `${"log1p(".repeat(n)}mrr${")".repeat(n)} > 0`;
    const p = parseExpression(src); if (!p.ok) throw new Error(p.error.message);
    const sql = `SELECT ${emitSql(p.ast, duckdb, (x) => `m.${duckdb.quoteIdent(x)}`)} AS v FROM m`;
    const t = Date.now();
    await con.runAndReadAll(sql);
    console.log("log1p", n, Date.now() - t, "ms", sql.length);
  }
  for (const n of [50, 100, 197]) {
    const src = `mrr${" / 1".repeat(n)} > 0`;
    const p = parseExpression(src); if (!p.ok) throw new Error(p.error.message);
    const sql = `SELECT ${emitSql(p.ast, duckdb, (x) => `m.${duckdb.quoteIdent(x)}`)} AS v FROM m`;
    const t = Date.now();
    await con.runAndReadAll(sql);
    console.log("div", n, Date.now() - t, "ms");
  }
}, 60000);
