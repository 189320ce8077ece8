import { describe, expect, it } from "vitest";
import { bigquery } from "../../expr/dialects/bigquery.ts";
import { postgres } from "../../expr/dialects/postgres.ts";
import { snowflake } from "../../expr/dialects/snowflake.ts";
import { sourceSchema } from "../../schema/source.ts";
import { tableColumns, tableReadSql } from "./table-read-sql.ts";

describe("the warehouse read of a source's table", () => {
  const source = sourceSchema.parse({
    path: "data/x.csv",
    table: "crm.accounts",
    kind: "accounts",
    key: "id",
    columns: { id: { type: "string" }, name: { type: "string", from: 'a"b; DROP TABLE t; --' }, twice: { type: "string", from: "id" }, n: { type: "number", expression: "1" } },
  });

  it("reads each declared column once, by its name in the table, and never a derived one", () => {
    expect(tableColumns(source)).toEqual(["id", 'a"b; DROP TABLE t; --']);
  });

  it("quotes every name in the warehouse's dialect", () => {
    expect(tableReadSql(postgres, source.table!, tableColumns(source))).toBe(
      'SELECT CAST("id" AS text) AS "id", CAST("a""b; DROP TABLE t; --" AS text) AS "a""b; DROP TABLE t; --" FROM "crm"."accounts" ORDER BY 1, 2',
    );
    expect(tableReadSql(bigquery, "p-1.crm.accounts", ["id"])).toBe("SELECT CAST(`id` AS STRING) AS `id` FROM `p-1`.`crm`.`accounts` ORDER BY 1");
    expect(tableReadSql(snowflake, "CRM.ACCOUNTS", ["ID"])).toBe('SELECT CAST("ID" AS VARCHAR) AS "ID" FROM "CRM"."ACCOUNTS" ORDER BY 1');
  });

  it("is never written for a table name that is not identifier parts", () => {
    for (const table of ['crm.a"; DROP TABLE t; --', "a b", "a.b.c.d", ".a", "a;"]) {
      expect(sourceSchema.safeParse({ path: "x.csv", table, kind: "accounts", key: "id", columns: { id: { type: "string" } } }).success, table).toBe(false);
    }
    expect(sourceSchema.safeParse({ path: "x.csv", table: "t", kind: "accounts", key: "id", columns: { id: { type: "integer", row_number: true } } }).success).toBe(false);
  });
});
