import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../engine/duckdb.ts";
import { sumBounds } from "../../engine/sum-bounds.ts";
import { binaryExponent, fixedPointExponent, fixedPointSum, type FixedPoint } from "./fixed-point-sum.ts";
import { inValueOrder } from "./in-value-order.ts";

/** The double nearest the exact sum of `values`, which fixedPointSum must give: every term scaled to a whole BigInt, added, rounded once. */
function exactSum(values: number[], point: FixedPoint): number {
  const total = values.reduce((sum, x) => sum + BigInt(x * 2 ** point.exponent), 0n);
  return Number(total) * 2 ** -point.exponent;
}

describe("fixedPointSum", () => {
  let db: Database;
  // 60,000 doubles over three groups: cents amounts, arbitrary fractions (means) and negatives, spanning 2^-7 to 2^19.
  const rows = 60_000;
  const value = (i: number) => {
    const u = ((i * 2654435761) % 1000003) / 1000003;
    if (i % 3 === 0) return Math.round((0.01 + 999 * u ** 3) * 100) / 100;
    if (i % 3 === 1) return (1 + 500_000 * u) / 7;
    return -(0.01 + 37 * u) / 3;
  };
  const values = Array.from({ length: rows }, (_, i) => value(i));

  beforeAll(async () => {
    db = await openDatabase({ threads: 4 });
    await db.run(`CREATE TABLE v (i BIGINT, g INTEGER, x DOUBLE)`);
    // Inserted through text, exactly: JavaScript's shortest text of a double reads back as that double.
    for (let start = 0; start < rows; start += 20_000) {
      const chunk = values.slice(start, start + 20_000).map((x, j) => `(${start + j}, ${(start + j) % 3}, CAST('${x}' AS DOUBLE))`);
      await db.run(`INSERT INTO v VALUES ${chunk.join(", ")}`);
    }
  });
  afterAll(() => db.close());

  async function point(): Promise<FixedPoint> {
    const bounds = (await sumBounds((sql) => db.all(sql), "v", new Map([["x", "t.x"]]))).get("x")!;
    const magnitudes = values.map(Math.abs);
    expect(bounds).toEqual({ count: rows, maxAbs: magnitudes.reduce((a, b) => Math.max(a, b)), minAbs: magnitudes.reduce((a, b) => Math.min(a, b)), finite: true });
    return fixedPointExponent(bounds)!;
  }

  it("gives the double nearest the exact sum of the doubles, per group, through arithmetic and through text", async () => {
    const measured = await point();
    expect(measured.small).toBe(true);
    for (const p of [measured, { ...measured, small: false }]) {
      const got = await db.all(`SELECT g, ${fixedPointSum("x", p)} AS s FROM v GROUP BY g ORDER BY g`);
      const want = [0, 1, 2].map((g) => exactSum(values.filter((_, i) => i % 3 === g), p));
      expect(got.map((r) => r.s)).toEqual(want);
    }
  });

  it("is at least as close to the exact sum as adding in ascending order, and closer somewhere", async () => {
    const p = await point();
    const [row] = await db.all(`SELECT ${fixedPointSum("x", p)} AS exact, ${inValueOrder("sum", "x")} AS sorted FROM v`);
    const truth = values.reduce((sum, x) => sum + BigInt(x * 2 ** p.exponent), 0n);
    const error = (x: number) => {
      const d = BigInt(x * 2 ** p.exponent) - truth;
      return d < 0n ? -d : d;
    };
    expect(row!.exact).toBe(exactSum(values, p));
    expect(error(row!.exact as number) <= error(row!.sorted as number)).toBe(true);
    const groups = await db.all(`SELECT i % 100 AS g, ${fixedPointSum("x", p)} AS exact, ${inValueOrder("sum", "x")} AS sorted FROM v GROUP BY i % 100`);
    expect(groups.some((r) => r.exact !== r.sorted)).toBe(true);
  });

  it("gives the same bits in any row order and with any number of threads", async () => {
    const p = await point();
    const sums = new Set<unknown>();
    for (const threads of [1, 4]) {
      await db.run(`SET threads = ${threads}`);
      for (const order of ["i", "x", "hash(i)", "-i"]) {
        const [row] = await db.all(`SELECT ${fixedPointSum("x", p)} AS s FROM (SELECT x FROM v ORDER BY ${order})`);
        sums.add(row!.s);
      }
    }
    await db.run(`SET threads = 4`);
    expect([...sums]).toEqual([exactSum(values, p)]);
  });

  it("sums only the rows the filter keeps, and gives NULL over none, as sum does", async () => {
    const p = await point();
    const [row] = await db.all(`SELECT ${fixedPointSum("x", p, "x < 0")} AS negative, ${fixedPointSum("x", p, "x > 1e9")} AS none, ${fixedPointSum("NULL", p)} AS nulls FROM v`);
    expect(row).toEqual({ negative: exactSum(values.filter((x) => x < 0), p), none: null, nulls: null });
  });
});

describe("fixedPointExponent", () => {
  it("scales the smallest magnitude to a whole number and checks the sum stays within HUGEINT", () => {
    expect(fixedPointExponent({ count: 100_000_000, maxAbs: 500, minAbs: 5, finite: true })).toEqual({ exponent: 50, small: true });
    expect(fixedPointExponent({ count: 10, maxAbs: 2 ** 60, minAbs: 1, finite: true })).toEqual({ exponent: 52, small: false });
    expect(fixedPointExponent({ count: 10, maxAbs: 2 ** 80, minAbs: 1, finite: true })).toBeUndefined();
    expect(fixedPointExponent({ count: 10, maxAbs: 1, minAbs: 2 ** -1060, finite: true })).toBeUndefined();
  });

  it("leaves values with NaN or infinities to the sorted sum, and sums nothing but zeros unscaled", () => {
    expect(fixedPointExponent({ count: 3, maxAbs: 1, minAbs: 1, finite: false })).toBeUndefined();
    expect(fixedPointExponent({ count: 3, maxAbs: 0, minAbs: null, finite: true })).toEqual({ exponent: 0, small: true });
    expect(fixedPointExponent({ count: 0, maxAbs: null, minAbs: null, finite: true })).toEqual({ exponent: 0, small: true });
  });

  it("finds a double's binary exponent exactly, at and around powers of two", () => {
    for (const e of [-1022, -60, -1, 0, 1, 52, 53, 1023]) {
      expect(binaryExponent(2 ** e)).toBe(e);
      expect(binaryExponent(-(2 ** e))).toBe(e);
      if (e < 1023) expect(binaryExponent(2 ** (e + 1) * (1 - 2 ** -53))).toBe(e);
    }
    expect(binaryExponent(0.01)).toBe(-7);
    expect(binaryExponent(500)).toBe(8);
  });
});
