import { describe, expect, it } from "vitest";
import type { ChartSpec } from "./chart.ts";
import { changesMembersChart } from "./changes-members.ts";
import { clusterAgreementChart } from "./cluster-agreement.ts";
import { clusterHistoryChart } from "./cluster-history.ts";
import { clusterProfilesChart } from "./cluster-profiles.ts";
import { hypothesisGroupsChart } from "./hypothesis-groups.ts";
import { kElbowChart } from "./k-elbow.ts";
import { kSilhouetteChart } from "./k-silhouette.ts";
import { priorityBreakdownChart } from "./priority-breakdown.ts";
import { rankStabilityChart } from "./rank-stability.ts";
import { renderChart } from "./render-chart.ts";
import { schemeSizesChart } from "./scheme-sizes.ts";
import { segmentProfileChart } from "./segment-profile.ts";
import { segmentShareChart } from "./segment-share.ts";
import { segmentTrendChart } from "./segment-trend.ts";
import { valuePotentialChart } from "./value-potential.ts";

const HOSTILE = `<script>alert("x")</script> & Co`;
const versions = ["2026-09-01 · 1a2b3c4", "2026-10-01 · 5d6e7f8", "2026-11-01 · 9a0b1c2"];
const candidates = [2, 3, 4, 5].map((k) => ({ k, inertia: 1000 / k, silhouette: k === 3 ? 0.41 : 0.3, chosen: k === 3 }));

/** One of each chart, with a segment name that must come out escaped. */
const CHARTS: ChartSpec[] = [
  schemeSizesChart({ scheme: "s", label: "Lifecycle", segments: [{ name: HOSTILE, count: 10, share: 0.1, valueShare: 0.3 }, { name: "Other", count: 90, share: 0.9, valueShare: 0.7 }] }),
  segmentShareChart({ segmentId: "a", segmentName: HOSTILE, schemeLabel: "Lifecycle", rows: [{ name: HOSTILE, count: 10, share: 0.1, current: true }, { name: "Other", count: 90, share: 0.9, current: false }], statedShare: 0.15 }),
  segmentProfileChart("a", HOSTILE, [
    { feature: "active_days_90d", segmentMean: 52, restMean: 17, d: 3.2, p: 0, significant: true, substantial: true, inDefinition: true },
    { feature: "nps", segmentMean: 8.6, restMean: 6.7, d: 0.96, p: 0, significant: true, substantial: true, inDefinition: false },
    { feature: "tickets_90d", segmentMean: 0.9, restMean: 0.6, d: -0.1, p: 0.3, significant: false, substantial: false, inDefinition: false },
  ]),
  priorityBreakdownChart({ factors: [{ name: "size", label: "Size", weight: 60 }, { name: "fit", label: "Fit", weight: 40 }], rows: [{ name: HOSTILE, rank: 1, total: 7.4, scores: { size: 8, fit: 6.5 } }, { name: "Other", rank: 2, total: 5, scores: { size: 5, fit: 5 } }] }),
  valuePotentialChart({ points: [{ name: HOSTILE, value: 0.6, potential: 7.4, quadrant: "Protect and grow" }, { name: "Other", value: 0.1, potential: 3, quadrant: "Deprioritize" }], medianValue: 0.35, medianPotential: 5.2 }),
  rankStabilityChart({ draws: 1000, rows: [{ name: HOSTILE, rank: 1, stability: 0.35 }, { name: "Other", rank: 2, stability: 0.9 }] }),
  hypothesisGroupsChart({ id: "h", metric: "churned", proportions: true, verdict: "supported", groups: [{ label: HOSTILE, n: 300, value: 0.5 }, { label: "Other", n: 900, value: 0.01 }] }),
  kSilhouetteChart(candidates),
  kElbowChart(candidates),
  clusterProfilesChart({ features: ["a", "b"], clusters: [{ name: HOSTILE, z: [1.2, -0.4], original: [10, 2] }, { name: "Quiet", z: [-1, 0.3], original: [1, 3] }] }),
  clusterAgreementChart({ schemeLabel: "Lifecycle", ari: 0.67, rows: [HOSTILE, "Other"], columns: ["Busy", "Quiet"], counts: [[40, 2], [3, 55]] }),
  segmentTrendChart({ segmentId: "a", segmentName: HOSTILE, points: versions.map((version, i) => ({ version, count: 5 - i })) }),
  changesMembersChart({ index: 0, label: "Lifecycle", versions, rows: versions.flatMap((version, i) => [{ version, segment: HOSTILE, count: 5 - i }, { version, segment: "Other", count: 5 + i }]) }),
  clusterHistoryChart("k", versions.map((version, i) => ({ version, value: 4 + i }))),
  clusterHistoryChart("ari", versions.map((version, i) => ({ version, value: 0.5 + i / 10 }))),
];

describe("charts", () => {
  it("give every chart a unique id, a title, a text alternative and a data table", () => {
    expect(new Set(CHARTS.map((c) => c.id)).size).toBe(CHARTS.length);
    for (const chart of CHARTS) {
      expect(chart.title.length, chart.id).toBeGreaterThan(5);
      expect(chart.description.length, chart.id).toBeGreaterThan(40);
      expect(chart.table.rows.length, chart.id).toBeGreaterThan(0);
      for (const row of chart.table.rows) expect(row.length, chart.id).toBe(chart.table.columns.length);
    }
  });

  it("render to static SVG without vega-lite warnings, with escaped text and dark-mode styles", async () => {
    for (const chart of CHARTS) {
      const rendered = await renderChart(chart);
      expect(rendered.warnings, chart.id).toEqual([]);
      expect(rendered.svg, chart.id).toMatch(/^<svg[^>]* role="img" aria-label="[^"]+"><title>/);
      expect(rendered.svg, chart.id).toContain("prefers-color-scheme: dark");
      expect(rendered.svg, chart.id).not.toContain("<script>");
      expect(rendered.width, chart.id).toBeGreaterThan(100);
      expect(rendered.path).toBe(`/charts/${chart.id}.svg`);
    }
  });
});
