/**
 * The before/after comparison on a workspace small enough to compute by hand:
 * six accounts, a 30-day window either side of 2026-06-01, two segments. The
 * expected figures are worked out in the comments from the rows below.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { formatCheck } from "../../src/api/format-check.ts";
import type { MeasuredImpact } from "../../src/engine/impact/impact-result.ts";
import { useFreshCacheDir } from "../support/fresh-cache-dir.ts";
import { BASE_CONFIG, tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

const CONFIG = BASE_CONFIG.replace("      plan: { type: string, kind: behavioral }", "      plan: { type: string, kind: behavioral }\n      churned_on: { type: date, kind: behavioral }")
  .replace("schemes:", `  churned:
    expression: churned_on is not null
metrics:
  churn_rate: { label: Churn rate, feature: churned, aggregate: share }
  median_days: { label: Median active days, feature: active_days_90d, aggregate: median }
impact:
  launch: 2026-06-01
  window_days: 30
schemes:`);

const ACCOUNTS = `account_id,employees,region,plan,churned_on
A1,10,EMEA,free,
A2,10,EMEA,free,
A3,10,EMEA,free,
A4,10,EMEA,free,
A5,10,EMEA,free,
A6,10,EMEA,free,2026-06-15
`;
// Before window: 2026-05-02 … 05-31; after: 06-01 … 06-30. Seen before 05-02: A1, A2, A3, A4, A6 (A5 first appears in June).
// At launch (90 days to 06-01): A1 and A2 have 3 active days → heavy; the rest light. Today (90 days to 11-01) nobody has 3.
const EVENTS = `account_id,occurred_at,event_type
${["A1", "A2", "A3", "A4", "A6"].map((a) => `${a},2026-01-10 09:00:00,login`).join("\n")}
A1,2026-05-05 09:00:00,login
A1,2026-05-06 09:00:00,login
A1,2026-05-07 09:00:00,login
A1,2026-06-02 09:00:00,login
A1,2026-06-03 09:00:00,login
A1,2026-06-04 09:00:00,login
A1,2026-06-05 09:00:00,login
A1,2026-06-06 09:00:00,login
A2,2026-05-10 09:00:00,login
A2,2026-05-11 09:00:00,login
A2,2026-05-12 09:00:00,login
A2,2026-06-10 09:00:00,login
A2,2026-06-11 09:00:00,login
A2,2026-06-12 09:00:00,login
A4,2026-05-20 09:00:00,login
A4,2026-06-20 09:00:00,login
A4,2026-06-21 09:00:00,login
A5,2026-06-05 09:00:00,login
A6,2026-05-15 09:00:00,login
A3,2026-10-20 09:00:00,login
`;
const segment = (id: string, where: string, order: number, kpis: string, extra = "") => `id: ${id}
name: ${id === "heavy" ? "Heavy users" : "Light users"}
summary: Accounts by activity.
status: active
approach: behavioral
order: ${order}
definition:
  where: ${where}
scores: { size: 5, fit: 5 }
gtm:
  kpis:
${kpis}
${extra}`;
const HEAVY_KPIS = "    - { name: Active days, metric: active_days_90d, direction: increase }\n    - { name: Median days, metric: median_days }";
const LIGHT_KPIS = "    - { name: Churn, metric: churn_rate, direction: decrease }";

const cacheFolder = useFreshCacheDir("seg-impact-cache-");

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

function workspace(config = CONFIG, lightExtra = ""): TempWorkspace {
  ws = tempWorkspace({
    "segmentation.yaml": config,
    "data/accounts.csv": ACCOUNTS,
    "data/events.csv": EVENTS,
    "segments/usage/heavy.yaml": segment("heavy", "active_days_90d >= 3", 1, HEAVY_KPIS),
    "segments/usage/light.yaml": segment("light", "active_days_90d >= 0", 2, LIGHT_KPIS, lightExtra),
  });
  return ws;
}

const measure = (result: Awaited<ReturnType<typeof check>>, segment: string, key: string) =>
  result.data!.engine.impact!.segments.find((s) => s.segment === segment)!.measures.find((m) => m.key === key) as MeasuredImpact;

describe("impact on a hand-sized workspace", () => {
  it("compares the members each segment had on the launch day over equal windows, against everyone else", async () => {
    const root = workspace().root;
    const result = await check({ root, today: "2026-11-01", cache: false });
    const impact = result.data!.engine.impact!;
    expect(impact.launches[0]).toMatchObject({ cohort: 5, notYetSeen: 1, windows: { before: { start: "2026-05-02", end: "2026-06-01" }, after: { start: "2026-06-01", end: "2026-07-01" } } });
    expect(impact.segments.map((s) => [s.segment, s.members])).toEqual([
      ["heavy", 2],
      ["light", 3],
    ]);
    // Heavy: A1 3 → 5 days, A2 3 → 3; light: A3 0 → 0, A4 1 → 2, A6 1 → 0.
    const heavy = measure(result, "heavy", "active_days_90d");
    expect(heavy.segment).toMatchObject({ before: { n: 2, value: 3 }, after: { n: 2, value: 4 }, change: 1 });
    expect(heavy.segment.test!.statistic).toBeCloseTo(1, 12); // (4 − 3) / √(2/2 + 0/2)
    expect(heavy.rest).toMatchObject({ before: { n: 3 }, after: { n: 3 }, change: 0 });
    expect(heavy.rest.before.value).toBeCloseTo(2 / 3, 12);
    expect(heavy.did.estimate).toBeCloseTo(1, 12);
    // A6 churned on 06-15: nobody in the before window (0 of 5 at risk), 1 of 3 light accounts after.
    const churn = measure(result, "light", "churned");
    expect(churn.kind).toBe("share");
    expect(churn.segment).toMatchObject({ before: { n: 3, value: 0 }, after: { n: 3 } });
    expect(churn.segment.after.value).toBeCloseTo(1 / 3, 12);
    // The median KPI cannot be compared, and says why.
    expect(impact.segments[0]!.kpis.find((k) => k.name === "Median days")).toMatchObject({ key: null, reason: expect.stringContaining("median") });
    expect(result.diagnostics.filter((d) => d.ruleId === "impact-window")).toEqual([]);
    // The same figures in seg check --format json.
    const json = JSON.parse(formatCheck(result, "json")) as { impact: typeof impact };
    expect(json.impact).toEqual(JSON.parse(JSON.stringify(impact)));
    expect(json.impact.segments[0]!.measures.find((m) => m.key === "active_days_90d")).toMatchObject({ segment: { change: 1 } });
  });

  it("keeps the comparison between runs (impact/impact-memo.ts) and measures anew when the data or a definition changes", async () => {
    const { root, write } = workspace();
    const uncached = (await check({ root, today: "2026-11-01", cache: false })).data!.engine.impact!;
    const kept = () => readdirSync(join(cacheFolder.path(), "impact"));
    expect((await check({ root, today: "2026-11-01" })).data!.engine.impact).toEqual(uncached);
    expect(kept()).toHaveLength(1);
    // Read back: the same figures, to the bit (toEqual tells NaN from null and 0 from -0 too).
    expect((await check({ root, today: "2026-11-01" })).data!.engine.impact).toEqual(uncached);
    expect(kept()).toHaveLength(1);
    // A5's June logins now fall in May as well: A5 joins the cohort (seen before the window opened), so light has 4 members.
    write("data/events.csv", `${EVENTS}A5,2026-04-01 09:00:00,login\n`);
    const moreData = (await check({ root, today: "2026-11-01" })).data!.engine.impact!;
    expect(moreData).toEqual((await check({ root, today: "2026-11-01", cache: false })).data!.engine.impact);
    expect(moreData.launches[0]!.cohort).toBe(6);
    expect(kept()).toHaveLength(2);
    // Heavy from one active day in the 90 days to launch: A4, A5 and A6 join A1 and A2.
    write("segments/usage/heavy.yaml", segment("heavy", "active_days_90d >= 1", 1, HEAVY_KPIS));
    const edited = (await check({ root, today: "2026-11-01" })).data!.engine.impact!;
    expect(edited).toEqual((await check({ root, today: "2026-11-01", cache: false })).data!.engine.impact);
    expect(edited.segments.map((s) => [s.segment, s.members])).toEqual([
      ["heavy", 5],
      ["light", 1],
    ]);
    expect(kept()).toHaveLength(3);
  });

  it("uses today's memberships when told to", async () => {
    const root = workspace(CONFIG.replace("  window_days: 30", "  window_days: 30\n  membership: today")).root;
    const result = await check({ root, today: "2026-11-01", cache: false });
    // Nobody has three active days in the 90 days to 2026-11-01: heavy is empty today.
    expect(result.data!.engine.impact!.segments.map((s) => [s.segment, s.members])).toEqual([
      ["heavy", 0],
      ["light", 5],
    ]);
  });

  it("reports a segment's own launch whose after window runs past as_of, and leaves its measures out", async () => {
    const root = workspace(CONFIG, "launch: 2026-10-20\n").root;
    const result = await check({ root, today: "2026-11-01", cache: false });
    const light = result.data!.engine.impact!.segments.find((s) => s.segment === "light")!;
    expect(light).toMatchObject({ launch: "2026-10-20", launchFrom: "segment" });
    expect(light.measures.every((m) => m.status === "outside-data")).toBe(true);
    const findings = result.diagnostics.filter((d) => d.ruleId === "impact-window");
    expect(findings.map((d) => `${d.file}:${d.line}:${d.column}`)).toContain("segments/usage/light.yaml:13:9");
    expect(findings[0]!.message).toContain("past as_of (2026-11-01)");
  });

  it("has nothing to compare without a launch date", async () => {
    const root = workspace(CONFIG.replace(/impact:\n  launch: 2026-06-01\n  window_days: 30\n/, "")).root;
    const result = await check({ root, today: "2026-11-01", cache: false });
    expect(result.data!.engine.impact).toBeUndefined();
  });
});
