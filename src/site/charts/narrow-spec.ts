/**
 * The phone variant of a chart: the same data and marks, drawn for a column
 * about 320 px wide so that its text keeps the theme's size instead of being
 * scaled down with the picture. Fixed widths shrink, per-item steps narrow,
 * axis labels are cut shorter (the full names stay in the chart's data table)
 * and slanted column labels stand upright.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./chart-theme.ts";

/** Plot width of a narrow chart; labels and legend come on top. */
export const NARROW_PLOT_WIDTH = 170;
/** Longest axis label in a narrow chart, in pixels. */
export const NARROW_LABEL_LIMIT = 120;
/** Narrowest step of a per-item axis. */
const NARROW_MIN_STEP = 22;

export function narrowSpec(spec: TopLevelSpec): TopLevelSpec {
  const narrowed = shrink(spec, true) as TopLevelSpec;
  return narrowed;
}

function shrink(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => shrink(v, false));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "data") out[key] = v;
    else if (top && key === "width") out[key] = typeof v === "number" ? Math.min(v, NARROW_PLOT_WIDTH) : isStep(v) ? { step: Math.max(NARROW_MIN_STEP, Math.round(v.step / 2.5)) } : v;
    else if (key === "labelLimit" && typeof v === "number") out[key] = Math.min(v, NARROW_LABEL_LIMIT);
    else if (key === "labelAngle" && typeof v === "number" && v !== 0) out[key] = -90;
    else out[key] = shrink(v, false);
  }
  if (top) {
    // The render merges config shallowly over the theme, so the theme's axis and legend settings are carried here.
    const own = (out.config ?? {}) as { axis?: object; legend?: object };
    out.config = { ...own, axis: { ...CHART_CONFIG.axis, ...own.axis, labelLimit: NARROW_LABEL_LIMIT }, legend: { ...CHART_CONFIG.legend, ...own.legend, labelLimit: 200, columns: 1 } };
  }
  return out;
}

function isStep(v: unknown): v is { step: number } {
  return v !== null && typeof v === "object" && typeof (v as { step?: unknown }).step === "number";
}
