import { describe, expect, it } from "vitest";
import { daysBefore } from "./plan.ts";

describe("daysBefore", () => {
  it.each([
    ["2026-11-01", 90, "2026-08-03"],
    ["2024-03-01", 1, "2024-02-29"],
    ["2026-01-01", 365, "2025-01-01"],
    ["2026-11-01", 0, "2026-11-01"],
  ])("counts back from %s by %d days to %s", (date, days, expected) => {
    expect(daysBefore(date, days)).toBe(expected);
  });
});
