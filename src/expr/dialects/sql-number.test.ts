import { describe, expect, it } from "vitest";
import { sqlNumber } from "./sql-number.ts";

describe("sqlNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [45, "45"],
    [-3, "(-3)"],
    [2 ** 53 - 1, "9007199254740991"],
    [0.5, "CAST(0.5 AS DOUBLE)"],
    [-0.5, "(-CAST(0.5 AS DOUBLE))"],
    [123456.789, "CAST(123456.789 AS DOUBLE)"],
    [2 ** 53, "CAST('9007199254740992' AS DOUBLE)"],
    [1e21, "CAST('1e+21' AS DOUBLE)"],
    [1.5e-7, "CAST('1.5e-7' AS DOUBLE)"],
    [Number.MAX_VALUE, "CAST('1.7976931348623157e+308' AS DOUBLE)"],
    [Number.MIN_VALUE, "CAST('5e-324' AS DOUBLE)"],
  ])("writes %d as %s", (value, sql) => {
    expect(sqlNumber(value, "DOUBLE")).toBe(sql);
  });

  it("writes the shortest text that reads back as the same double", () => {
    for (const value of [0.1, 1 / 3, Math.PI, 1e-5, 98765.4321]) {
      const text = /CAST\('?([^' ]+)'? AS/.exec(sqlNumber(value, "DOUBLE"))?.[1];
      expect(Number(text)).toBe(value);
    }
  });

  it("refuses numbers SQL cannot write", () => {
    for (const value of [NaN, Infinity, -Infinity]) expect(() => sqlNumber(value, "DOUBLE")).toThrow(RangeError);
  });
});
