import { describe, expect, it } from "vitest";
import { postgresRegex } from "./postgres.ts";

describe("postgresRegex", () => {
  it.each([
    ["\\bit\\b", "\\yit\\y"],
    ["\\Bx", "\\Yx"],
    ["\\\\b", "\\\\b"],
    ["\\d+\\s\\w", "\\d+\\s\\w"],
    ["ends\\", "ends\\"],
    ["plain (a|b)", "plain (a|b)"],
  ])("writes RE2 %j as %j", (re2, postgres) => {
    expect(postgresRegex(re2)).toBe(postgres);
  });
});
