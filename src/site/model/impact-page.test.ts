import { describe, expect, it } from "vitest";
import { impactExample } from "../../rules/facts/impact-example.ts";
import { buildImpact } from "./impact-page.ts";

const context = { segments: new Map([["usage/heavy", { name: "Heavy users", url: "/segments/heavy/", members: 280 }]]), schemeLabels: new Map([["usage", "Usage"]]) };
const kpi = { index: 0, name: "Tickets per account", direction: "decrease" as const };

describe("buildImpact", () => {
  it("says when no launch date is set, and when the data was not recomputed", () => {
    expect(buildImpact({ configured: false, impact: undefined, currency: null }, context)).toEqual({ status: "not-configured" });
    expect(buildImpact({ configured: true, impact: undefined, currency: null }, context)).toEqual({ status: "no-data" });
  });

  it("carries each measure's figures, tests and the difference from everyone else's change, by scheme", () => {
    const page = buildImpact({ configured: true, impact: impactExample({ values: [0.4, 0.9, 0.5, 0.52], p: 0.0004, kpi }), currency: "USD" }, context);
    if (page.status !== "measured") throw new Error(page.status);
    expect(page).toMatchObject({ windowDays: 90, membership: "at-launch", alpha: 0.05, currency: "USD" });
    expect(page.launches[0]).toMatchObject({ launch: "2026-06-01", before: { start: "2026-03-03", end: "2026-06-01" }, cohort: 2700, notYetSeen: 300 });
    const [scheme] = page.schemes;
    expect(scheme).toMatchObject({ id: "usage", label: "Usage" });
    const [section] = scheme!.segments;
    expect(section).toMatchObject({ key: "usage/heavy", name: "Heavy users", url: "/segments/heavy/", members: 300, membersToday: 280 });
    const [row] = section!.rows;
    expect(row).toMatchObject({ key: "tickets_90d", kpi: { name: "Tickets per account", direction: "decrease" }, better: "lower", verdict: "worsened", versusRest: "more" });
    expect(row!.segment).toMatchObject({ before: 0.4, after: 0.9, nBefore: 300, test: "t", p: 0.0004, effect: 0.3 });
    expect(row!.segment!.change).toBeCloseTo(0.5, 12);
    expect(row!.rest!.change).toBeCloseTo(0.02, 12);
    expect(row!.did!.estimate).toBeCloseTo(0.48, 12);
  });

  it("judges by the KPI's direction, the measure's natural one, or not at all", () => {
    const verdict = (values: [number, number, number, number], p: number, direction: "increase" | "decrease" | null, key = "tickets_90d") =>
      (() => {
        const page = buildImpact({ configured: true, impact: impactExample({ values, p, key, kpi: direction === null ? undefined : { ...kpi, direction } }), currency: null }, context);
        return page.status === "measured" ? page.schemes[0]!.segments[0]!.rows[0]!.verdict : page.status;
      })();
    expect(verdict([0.9, 0.4, 0.5, 0.5], 0.001, "decrease")).toBe("improved");
    expect(verdict([0.4, 0.9, 0.5, 0.5], 0.001, "increase")).toBe("improved");
    expect(verdict([0.4, 0.9, 0.5, 0.5], 0.3, "decrease")).toBe("no-clear-change");
    expect(verdict([0.4, 0.9, 0.5, 0.5], 0.001, null)).toBe("rose");
    expect(verdict([0.4, 0.9, 0.5, 0.5], 0.001, null, "tickets")).toBe("worsened");
    expect(verdict([0.4, 0.9, 0.5, 0.5], 0.001, null, "revenue")).toBe("improved");
  });

  it("names why a measure was not compared", () => {
    const page = buildImpact({ configured: true, impact: impactExample({ values: [0, 0, 0, 0], p: 1, problem: { source: "tickets", problem: "after-data", windowDay: "2026-12-13", limit: "2026-10-31" } }), currency: null }, context);
    if (page.status !== "measured") throw new Error(page.status);
    expect(page.schemes[0]!.segments[0]!.rows[0]).toMatchObject({ verdict: "not-compared", segment: null, problem: "The window after the launch runs to 2026-12-13, past the last row of tickets (2026-10-31)." });
    expect(page.launches[0]!.population[0]!.problem).toContain("past the last row of tickets");
  });

  it("leaves out segments the site does not show", () => {
    const page = buildImpact({ configured: true, impact: impactExample({ values: [1, 2, 1, 2], p: 0.5, segment: "gone" }), currency: null }, context);
    expect(page.status === "measured" && page.schemes).toEqual([]);
  });
});
