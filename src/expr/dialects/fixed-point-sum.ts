/**
 * An exact sum of doubles as DuckDB SQL, the same bits in any order and with any number of
 * threads, without gathering the group's values (`in-value-order.ts` sorts a list of them).
 *
 * Every finite double is an integer times a power of two. When a column's nonzero magnitudes
 * lie between 2^eMin and 2^(eMax+1), each value times 2^k, k = 52 − eMin, is a whole number (a
 * double has 53 significant bits), and multiplying by a power of two is exact. Those whole
 * numbers are added as HUGEINT, which is exact and so order-independent; the sum is converted
 * to a double once, correctly rounded, and scaled back by 2^−k (exact again). The result is
 * the double nearest the true sum of the doubles: it can differ in the last bits from adding
 * in ascending order (which rounds at every step), and it is never further from the truth.
 *
 * The HUGEINT sum must stay below 2^126; within 2^104 the conversion is two double operations
 * (the cast, then the integer remainder it missed, which has at most 52 bits, added back:
 * one rounding); above it, through the decimal text of the sum (a correctly rounded parse).
 * A column outside these bounds, or with NaN or infinities, keeps the sorted-list path
 * (fixedPointExponent says undefined).
 */

import { sqlNumber } from "./sql-number.ts";

/** What a scan of the values to be summed found: how many, the largest and smallest nonzero magnitude, whether all are finite. */
export interface SumBounds {
  count: number;
  maxAbs: number | null;
  minAbs: number | null;
  finite: boolean;
}

/** How the values are summed exactly: scaled by 2^exponent, the sum converted by arithmetic (`small`) or through text. */
export interface FixedPoint {
  exponent: number;
  small: boolean;
}

/** The exact fixed-point summation for values within `bounds`, or undefined when they need the sorted-list path. */
export function fixedPointExponent(bounds: SumBounds): FixedPoint | undefined {
  if (!bounds.finite) return undefined;
  if (bounds.maxAbs === null || bounds.minAbs === null || bounds.maxAbs === 0) return { exponent: 0, small: true };
  const exponent = 52 - binaryExponent(bounds.minAbs);
  // Every sum of `count` terms is below count × 2^(eMax + 1) × 2^exponent.
  const bits = Math.ceil(Math.log2(Math.max(bounds.count, 1))) + 1 + binaryExponent(bounds.maxAbs) + 1 + exponent;
  if (bits > 126 || exponent > 1000) return undefined;
  return { exponent, small: bits <= 104 };
}

/** The exact sum of `x` (SQL of a number) over the group, or over its rows where `filter` holds; NULL over none, as `sum`. */
export function fixedPointSum(x: string, point: FixedPoint, filter?: string): string {
  const h = `sum(CAST(CAST(${x} AS DOUBLE) * ${powerOfTwo(point.exponent)} AS HUGEINT))${filter !== undefined ? ` FILTER (WHERE ${filter})` : ""}`;
  const nearest = point.small ? `(CAST(${h} AS DOUBLE) + CAST(${h} - CAST(CAST(${h} AS DOUBLE) AS HUGEINT) AS DOUBLE))` : `CAST(CAST(${h} AS VARCHAR) AS DOUBLE)`;
  return `(${nearest} * ${powerOfTwo(-point.exponent)})`;
}

/** e with 2^e ≤ |x| < 2^(e+1), for a finite nonzero x, computed exactly. */
export function binaryExponent(x: number): number {
  const v = Math.abs(x);
  let e = Math.floor(Math.log2(v));
  while (2 ** e > v) e -= 1;
  while (2 ** (e + 1) <= v) e += 1;
  return e;
}

/** 2^e as a DuckDB double (its shortest text, which reads back as exactly 2^e). */
function powerOfTwo(e: number): string {
  return sqlNumber(2 ** e, "DOUBLE");
}
