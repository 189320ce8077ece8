import { describe, expect, it } from "vitest";
import { daysBetween } from "./days-between.ts";

describe("daysBetween", () => {
  it("counts calendar days in UTC, across month ends, leap days and daylight-saving changes", () => {
    expect(daysBetween("2026-11-01", "2026-11-23")).toBe(22);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-23", "2026-11-01")).toBe(-22);
  });
});
