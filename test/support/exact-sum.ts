/**
 * The reference every exact sum of Seg is tested against (DuckDB's fixed point, PostgreSQL's sum of bits, and the
 * features built from them): the true sum of the doubles, computed with BigInt, rounded once to the nearest double.
 */

/** The double nearest the exact sum of finite doubles: each as a whole number of 2^-1074, added as BigInt, rounded once (ties to even). */
export function exactSum(values: readonly number[]): number {
  const view = new DataView(new ArrayBuffer(8));
  let total = 0n;
  for (const x of values) {
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const biased = Number((bits >> 52n) & 2047n);
    const significand = (bits & ((1n << 52n) - 1n)) + (biased === 0 ? 0n : 1n << 52n);
    const whole = significand << BigInt(Math.max(biased, 1) - 1);
    total += bits >> 63n === 1n ? -whole : whole;
  }
  const sign = total < 0n ? -1 : 1;
  const t = total < 0n ? -total : total;
  // Keep 53 significant bits (a subnormal sum is a whole number of 2^-1074 already), rounding half to even.
  const shift = Math.max(0, t.toString(2).length - 53);
  let kept = t >> BigInt(shift);
  const rest = t - (kept << BigInt(shift));
  const half = shift > 0 ? 1n << BigInt(shift - 1) : 0n;
  if (shift > 0 && (rest > half || (rest === half && kept % 2n === 1n))) kept += 1n;
  return sign * Number(kept) * 2 ** (shift - 1074);
}
