/**
 * The exact sums of the two engines a lock is made on, against the exact sum of the doubles
 * computed with BigInt and rounded once: PostgreSQL's (postgres-exact-sum.ts) on a live server
 * over adversarial groups, and DuckDB's fixed-point sum (with 1 and 2 threads) and PostgreSQL's
 * over the same 60,000 values, bit for bit. Skipped, with the reason printed, without PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exactSum } from "../../../test/support/exact-sum.ts";
import { missingPostgres, startPostgres, type PostgresServer } from "../../../test/integration/compile-postgres-server.ts";
import { openDatabase } from "../../engine/duckdb.ts";
import { sumBounds } from "../../engine/sum-bounds.ts";
import { duckdb } from "./duckdb.ts";
import { fixedPointExponent } from "./fixed-point-sum.ts";
import { postgres } from "./postgres.ts";

const MAX = Number.MAX_VALUE;
const GROUPS: Record<string, number[]> = {
  cancellation: [1e16, 1, -1e16, 1, 2 ** -30],
  cents: Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 100_000) / 100),
  tenths: Array.from({ length: 10 }, () => 0.1),
  mixed: [1e300, 1e-300, -1e300, 5e-324, 3.5],
  negatives: [-0.1, -0.2, -0.3, -1e-5, -12345.678],
  tieToEven: [2 ** 53, 1],
  tieUp: [2 ** 53, 3],
  subnormal: [5e-324, 5e-324, 1e-310],
  overflow: [MAX, 1e292],
  belowOverflow: [MAX, 9e291],
  negativeOverflow: [-MAX, -MAX],
  zeros: [-0, 0, -0],
  // A value on each side of every boundary of the term's branches (k = 1075 − exponent: 0, 31 | 32, 63 | 64, 95 | 96).
  branches: [52, 21, 20, -11, -12, -43, -44].map((p) => (4 / 3) * 2 ** p),
};
const SPECIAL: Record<string, number[]> = { infinity: [Infinity, 1], both: [Infinity, -Infinity, 2], nan: [Number.NaN, 1], minus: [-Infinity, 5] };

const noServer = missingPostgres();
if (noServer) console.warn(`postgres-exact-sum skipped: ${noServer}`);

describe.runIf(!noServer)("postgresExactSum on a live server", () => {
  let server: PostgresServer;
  beforeAll(() => {
    server = startPostgres();
    const rows = Object.entries({ ...GROUPS, ...SPECIAL }).flatMap(([g, values]) => values.map((x) => `('${g}', CAST('${Object.is(x, -0) ? "-0" : String(x)}' AS double precision))`));
    server.run(`CREATE TABLE v (g text, x double precision); INSERT INTO v VALUES ${rows.join(", ")}, ('nulls', NULL);`);
  }, 120_000);
  afterAll(() => server?.stop());

  const sums = (sql: string, where = "true") => new Map(server.query(`SELECT g, ${sql} AS s FROM v WHERE ${where} GROUP BY g`).map((r) => [r.g!, r.s === null ? null : Number(r.s)]));

  it("gives the double nearest the exact sum: cancellation, decimals, mixed magnitudes, ties, subnormals, overflow", () => {
    const got = sums(postgres.exactAggregate("sum", "x", undefined));
    for (const [g, values] of Object.entries(GROUPS)) expect([g, got.get(g)]).toEqual([g, exactSum(values)]);
    expect(got.get("tenths")).toBe(1);
    expect(got.get("tieToEven")).toBe(2 ** 53);
    expect(got.get("tieUp")).toBe(2 ** 53 + 4);
    expect(got.get("overflow")).toBe(Infinity);
    expect(got.get("belowOverflow")).toBe(MAX);
    expect(got.get("nulls")).toBeNull();
    // Adding in ascending order does not: the test can fail (and PostgreSQL's float8 sum refuses to overflow).
    const sorted = sums(postgres.orderedAggregate("sum", "x"), "g = 'tenths'");
    expect(sorted.get("tenths")).not.toBe(1);
  });

  it("gives what IEEE addition gives with NaN or infinities, and means are the exact sum over the count", () => {
    const got = sums(postgres.exactAggregate("sum", "x", undefined));
    expect(Object.keys(SPECIAL).map((g) => got.get(g))).toEqual([Infinity, Number.NaN, Number.NaN, -Infinity]);
    const means = sums(postgres.exactAggregate("avg", "x", undefined));
    expect(means.get("cents")).toBe(exactSum(GROUPS.cents!) / 1000);
    const filtered = sums(postgres.exactAggregate("sum", "x", undefined, "x > 0"));
    expect(filtered.get("negatives")).toBeNull();
    expect(filtered.get("cancellation")).toBe(exactSum([1e16, 1, 1, 2 ** -30]));
  });

  it("gives the bits DuckDB's fixed-point sum gives, with 1 and 2 threads, over many rows", async () => {
    const n = 60_000;
    const values = Array.from({ length: n }, (_, i) => {
      const u = ((i * 2654435761) % 1000003) / 1000003;
      if (i % 3 === 0) return Math.round((0.01 + 999 * u ** 3) * 100) / 100;
      if (i % 3 === 1) return (1 + 500_000 * u) / 7;
      return -(0.01 + 37 * u) / 3;
    });
    const group = (i: number) => i % 5;
    server.run(`CREATE TABLE w (g integer, x double precision); INSERT INTO w VALUES ${values.map((x, i) => `(${group(i)}, '${x}')`).join(", ")};`);
    const fromPostgres = server.query(`SELECT g, ${postgres.exactAggregate("sum", "x", undefined)} AS s FROM w GROUP BY g ORDER BY g`).map((r) => Number(r.s));
    const want = [0, 1, 2, 3, 4].map((g) => exactSum(values.filter((_, i) => group(i) === g)));
    expect(fromPostgres).toEqual(want);
    for (const threads of [1, 2]) {
      const db = await openDatabase({ threads });
      try {
        await db.run(`CREATE TABLE w (i BIGINT, g INTEGER, x DOUBLE)`);
        for (let start = 0; start < n; start += 20_000) {
          await db.run(`INSERT INTO w VALUES ${values.slice(start, start + 20_000).map((x, j) => `(${start + j}, ${group(start + j)}, CAST('${x}' AS DOUBLE))`).join(", ")}`);
        }
        const point = fixedPointExponent((await sumBounds((sql) => db.all(sql), "w", new Map([["x", "t.x"]]))).get("x")!);
        expect(point).toBeDefined();
        const fromDuckdb = await db.all(`SELECT g, ${duckdb.exactAggregate("sum", "x", point)} AS s FROM (FROM w ORDER BY hash(i)) GROUP BY g ORDER BY g`);
        expect(fromDuckdb.map((r) => r.s)).toEqual(want);
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
