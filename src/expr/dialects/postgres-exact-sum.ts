/**
 * An exact sum of doubles as PostgreSQL SQL, the same bits as DuckDB's fixed-point sum
 * (fixed-point-sum.ts): the double nearest the true sum of the doubles, in any order, with no
 * bounds scan first (PostgreSQL's numeric has no fixed width to overflow).
 *
 * PostgreSQL casts float8 to numeric through 15 significant digits (measured on 15: 2^60
 * becomes 1152921504606850000), so each double is converted from its bits instead: float8send
 * gives its eight bytes, read as a bigint; a finite double is ±m × 2^(e − 1075), m its 53-bit
 * significand (the implicit bit added unless subnormal) and e its biased exponent (1 for
 * subnormals). Times 2^1074 every double is the whole number ±m × 2^(e − 1), which numeric
 * holds exactly (up to 632 digits; whole powers of two are exact in numeric), so the sum of those
 * is exact. The total T is scaled back once: T × 2^−1074 = T × 5^1074 × 10^−1074, written as
 * decimal text with an exponent and read by float8's input (strtod), which rounds correctly,
 * ties to even, as DuckDB's HUGEINT conversion does. A total from (2^1024 − 2^970) × 2^1074 up
 * rounds to infinity, which float8's input would refuse as out of range: it is written as ±Infinity.
 *
 * NaN and infinities have no whole-number form: with any of them in the group the result is
 * what IEEE addition gives in any order (NaN with a NaN or with both infinities, else the
 * infinity), read from the group's max and min (PostgreSQL sorts NaN above everything).
 * An empty or all-NULL group gives NULL, as `sum`. `value` is a double's SQL built by Seg; with
 * `filter` only the rows where it holds are added.
 */
export function postgresExactSum(value: string, filter?: string): string {
  const x = `CAST(${value} AS double precision)`;
  const where = filter !== undefined ? ` FILTER (WHERE ${filter})` : "";
  const bits = `CAST(CAST('x' || encode(float8send(${x}), 'hex') AS bit(64)) AS bigint)`;
  const biased = `((${bits} >> 52) & 2047)`;
  const significand = `((${bits} & 4503599627370495) + CASE WHEN ${biased} = 0 THEN 0 ELSE 4503599627370496 END)`;
  const total = `sum(CAST(sign(${bits}) AS numeric) * ${significand} * 2::numeric ^ (greatest(${biased}, 1) - 1))${where}`;
  const high = `max(${x})${where}`;
  const low = `min(${x})${where}`;
  return `(CASE WHEN ${high} = 'NaN' OR (${high} = 'Infinity' AND ${low} = '-Infinity') THEN CAST('NaN' AS double precision)
    WHEN ${high} = 'Infinity' THEN CAST('Infinity' AS double precision)
    WHEN ${low} = '-Infinity' THEN CAST('-Infinity' AS double precision)
    WHEN abs(${total}) >= 2::numeric ^ 2098 - 2::numeric ^ 2044 THEN sign(${total}) * CAST('Infinity' AS double precision)
    ELSE CAST(trunc(${total} * 5::numeric ^ 1074) || 'e-1074' AS double precision) END)`;
}
