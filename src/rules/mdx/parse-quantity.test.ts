import { describe, expect, it } from "vitest";
import { parseQuantity } from "./parse-quantity.ts";

describe("parseQuantity", () => {
  it.each([
    ["15%", { value: 0.15, unit: "percent", precision: 0.005 }],
    ["14.5 %", { value: 0.145, unit: "percent", precision: 0.0005 }],
    ["2pt", { value: 0.02, unit: "points", precision: 0.005 }],
    ["1,234", { value: 1234, unit: "plain", precision: 0.5 }],
    ["$1.2k", { value: 1200, unit: "plain", precision: 50 }],
    ["3M", { value: 3e6, unit: "plain", precision: 5e5 }],
    ["0.15", { value: 0.15, unit: "plain", precision: 0.005 }],
    ["-2", { value: -2, unit: "plain", precision: 0.5 }],
  ])("reads %s", (text, expected) => {
    const q = parseQuantity(text)!;
    expect(q.unit).toBe(expected.unit);
    expect(q.value).toBeCloseTo(expected.value, 12);
    expect(q.precision).toBeCloseTo(expected.precision, 12);
  });

  it.each(["", "about 15%", "15 percent", "1,23", "1e3", "15%%"])("refuses %j", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
