import { describe, expect, it } from "vitest";
import { issuesOf, parsed } from "../../test/support/zod-issues.ts";
import { impactSchema } from "./impact.ts";
import { kpiSchema } from "./segment.ts";

describe("impactSchema", () => {
  it("needs a launch date and defaults to 90-day windows and members at launch", () => {
    expect(parsed(impactSchema, { launch: "2026-06-01" })).toEqual({ launch: "2026-06-01", window_days: 90, membership: "at-launch" });
    expect(parsed(impactSchema, { launch: "2026-06-01", window_days: 30, membership: "today" })).toEqual({ launch: "2026-06-01", window_days: 30, membership: "today" });
  });

  it("rejects a date that is not one, a window out of range and unknown keys", () => {
    expect(issuesOf(impactSchema, { launch: "2026-02-30" })).toEqual([{ path: "launch", code: "custom", message: "is not a real calendar date" }]);
    expect(issuesOf(impactSchema, {})).toEqual([expect.objectContaining({ path: "launch" })]);
    expect(issuesOf(impactSchema, { launch: "2026-06-01", window_days: 3 })).toEqual([expect.objectContaining({ path: "window_days" })]);
    expect(issuesOf(impactSchema, { launch: "2026-06-01", window_days: 45.5 })).toEqual([expect.objectContaining({ path: "window_days" })]);
    expect(issuesOf(impactSchema, { launch: "2026-06-01", windows: 90 })).toEqual([expect.objectContaining({ path: "" })]);
  });

  it("gives a KPI an optional direction", () => {
    expect(parsed(kpiSchema, { name: "Churn", metric: "churned", direction: "decrease" })).toMatchObject({ direction: "decrease" });
    expect(issuesOf(kpiSchema, { name: "Churn", direction: "down" })).toEqual([expect.objectContaining({ path: "direction" })]);
  });
});
