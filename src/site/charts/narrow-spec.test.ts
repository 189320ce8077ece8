import { describe, expect, it } from "vitest";
import { clusterAgreementChart } from "./cluster-agreement.ts";
import { kSilhouetteChart } from "./k-silhouette.ts";
import { NARROW_LABEL_LIMIT, NARROW_PLOT_WIDTH, narrowSpec } from "./narrow-spec.ts";
import { PHONE_CHART_WIDTH, renderChart } from "./render-chart.ts";
import { priorityBreakdownChart } from "./priority-breakdown.ts";

const candidates = [2, 3, 4, 5].map((k) => ({ k, inertia: 1000 / k, silhouette: k === 3 ? 0.41 : 0.3, chosen: k === 3 }));
const LONG = "A segment name long enough to be cut on a phone";

describe("narrowSpec", () => {
  it("shrinks fixed widths and steps, cuts labels and stands slanted labels upright, keeping the data", () => {
    const wide = clusterAgreementChart({ schemeLabel: "Lifecycle", ari: 0.5, rows: [LONG, "Other"], columns: ["Busy", "Quiet"], counts: [[40, 2], [3, 55]] });
    const narrow = narrowSpec(wide.spec) as unknown as { width: { step: number }; data: unknown; encoding: { x: { axis: { labelAngle: number; labelLimit: number } } }; config: { axis: { labelLimit: number; labelFontSize: number } } };
    expect(narrow.width.step).toBeLessThan(92);
    expect(narrow.encoding.x.axis).toMatchObject({ labelAngle: -90, labelLimit: NARROW_LABEL_LIMIT });
    expect(narrow.data).toEqual((wide.spec as { data: unknown }).data);
    expect(narrow.config.axis.labelLimit).toBe(NARROW_LABEL_LIMIT);
    expect((narrowSpec(kSilhouetteChart(candidates).spec) as { width: number }).width).toBe(NARROW_PLOT_WIDTH);
  });
});

describe("renderChart's phone variant", () => {
  it("is narrower than the wide chart, keeps the theme's 12 px text, and is only made for charts wider than a phone's column", async () => {
    const breakdown = await renderChart(priorityBreakdownChart({ factors: [{ name: "size", label: "Size", weight: 60 }, { name: "fit", label: "Fit", weight: 40 }], rows: [{ name: LONG, rank: 1, total: 7.4, scores: { size: 8, fit: 6.5 } }, { name: "Other", rank: 2, total: 5, scores: { size: 5, fit: 5 } }] }));
    expect(breakdown.width).toBeGreaterThan(PHONE_CHART_WIDTH);
    expect(breakdown.narrow).not.toBeNull();
    expect(breakdown.narrow!.width).toBeLessThan(breakdown.width);
    expect(breakdown.narrow!.minFontSize).toBeGreaterThanOrEqual(11);
    expect(breakdown.minFontSize).toBeGreaterThanOrEqual(11);
    expect(breakdown.narrow!.path).toBe(`/charts/${breakdown.id}--narrow.svg`);
    expect(breakdown.warnings).toEqual([]);
  });
});
