import { describe, expect, it } from "vitest";
import { formatFixed, formatSigned } from "./number-format.ts";

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
