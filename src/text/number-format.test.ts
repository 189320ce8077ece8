import { describe, expect, it } from "vitest";
import { formatFixed, formatSigned, withSeparators } from "./number-format.ts";

describe("formatSigned", () => {
  it("signs changes, and gives no sign to one that rounds to zero", () => {
    expect(formatSigned(0.47, 2)).toBe("+0.47");
    expect(formatSigned(-445.244, 2)).toBe("−445.24");
    expect(formatSigned(-0.04, 1)).toBe("0.0");
    expect(formatSigned(0.004, 2)).toBe("0.00");
    expect(formatSigned(0, 2)).toBe("0.00");
    expect(formatSigned(Number.POSITIVE_INFINITY)).toBe("+∞");
    expect(formatSigned(Number.NaN)).toBe("—");
  });
});

describe("formatFixed", () => {
  it("keeps the decimals a column lines up on", () => {
    expect(formatFixed(0.5, 2)).toBe("0.50");
    expect(formatFixed(4534.349, 2)).toBe("4,534.35");
  });
});

describe("withSeparators", () => {
  it("writes every number as toLocaleString('en-US') does, to the character", () => {
    const values = [0, -0, 1, -1, 12, 999, 1000, -1000, 1204, 99_999, 100_000, 1_234_567, -987_654_321, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 60, 1.5, 1234.5678, -0.25, Number.NaN, Number.POSITIVE_INFINITY];
    for (let n = 1; n < 1e16; n *= 7) values.push(n, -n, Math.floor(n));
    for (const n of values) expect(withSeparators(n), String(n)).toBe(n.toLocaleString("en-US"));
  });
});
