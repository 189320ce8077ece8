import { describe, expect, it } from "vitest";
import type { SourceStats } from "../load-sources.ts";
import { addDays, impactWindows, windowProblem } from "./impact-windows.ts";

const source = (oldest: string | null, newest: string | null): SourceStats => ({ name: "events", path: "data/events.csv", sha256: "", bytes: 0, rowsRead: 0, rows: 0, oldest, newest });

describe("impact windows", () => {
  it("are two equal windows meeting at the launch, ends exclusive", () => {
    expect(impactWindows("2026-06-01", 90)).toEqual({ launch: "2026-06-01", days: 90, before: { start: "2026-03-03", end: "2026-06-01" }, after: { start: "2026-06-01", end: "2026-08-30" } });
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
  });

  it("fit data that covers both", () => {
    expect(windowProblem(impactWindows("2026-06-01", 90), "events", source("2024-11-01 08:00:00", "2026-10-31 17:00:00"), true, "2026-11-01")).toBeNull();
    // The last day of the after window is 2026-08-29: data up to that day is enough.
    expect(windowProblem(impactWindows("2026-06-01", 90), "events", source("2026-03-03", "2026-08-29 23:59:59"), true, "2026-11-01")).toBeNull();
  });

  it("report a before window that opens before the first row", () => {
    expect(windowProblem(impactWindows("2026-06-01", 90), "events", source("2026-03-04", "2026-10-31"), true, "2026-11-01")).toEqual({ source: "events", problem: "before-data", windowDay: "2026-03-03", limit: "2026-03-04" });
  });

  it("report an after window that closes after the last row, or after as_of", () => {
    expect(windowProblem(impactWindows("2026-06-01", 90), "events", source("2024-11-01", "2026-08-28"), true, "2026-11-01")).toEqual({ source: "events", problem: "after-data", windowDay: "2026-08-29", limit: "2026-08-28" });
    expect(windowProblem(impactWindows("2026-09-15", 90), "accounts", undefined, false, "2026-11-01")).toEqual({ source: "accounts", problem: "after-as-of", windowDay: "2026-12-13", limit: "2026-11-01" });
  });

  it("report a source without rows", () => {
    expect(windowProblem(impactWindows("2026-06-01", 90), "events", source(null, null), true, "2026-11-01")).toMatchObject({ problem: "before-data", limit: null });
  });
});
