import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./duckdb.ts";
import { trimmedSql } from "./typed-source.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
});
afterAll(() => db.close());

describe("trimmedSql", () => {
  // 17 space separators (Unicode Zs) trim removes; every other code point it keeps.
  it("gives trim's text for every code point at either end of a value, alone, around ASCII or not, blank or NULL", async () => {
    const [row] = await db.all(
      `WITH cps AS (SELECT CAST(range AS INTEGER) AS cp FROM range(1, 55296) UNION ALL SELECT CAST(range AS INTEGER) FROM range(57344, 1114112)),
       vals AS (SELECT chr(cp) || 'a' || chr(cp) AS s FROM cps UNION ALL SELECT chr(cp) FROM cps UNION ALL SELECT 'é' || chr(cp) FROM cps UNION ALL SELECT chr(cp) || ' x' FROM cps
                UNION ALL SELECT x FROM (VALUES (''), (NULL), (' '), ('  '), (' a b '), ('a b'), (' é '), (chr(160) || 'a')) v(x))
       SELECT count(*) AS n, count(*) FILTER (WHERE (${trimmedSql("s")}) IS DISTINCT FROM trim(s)) AS differ, count(*) FILTER (WHERE s IS DISTINCT FROM trim(s)) AS trimmed FROM vals`,
    );
    expect(row).toEqual({ n: 4 * 1_112_063 + 8, differ: 0, trimmed: 4 * 17 + 5 });
  });
});
