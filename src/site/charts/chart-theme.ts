/**
 * The look of every chart: the site's type and colors in vega-lite config, and
 * a stylesheet embedded in each SVG so charts follow the reader's light or dark
 * preference even when shown as images.
 */
import type { Config } from "vega-lite";

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Categorical colors, distinguishable in light and dark mode. */
export const CATEGORY = ["#4263eb", "#12b886", "#f08c00", "#ae3ec9", "#e8590c", "#1098ad", "#d6336c", "#74b816", "#7048e8", "#868e96"];

export const COLORS = {
  primary: "#4263eb",
  secondary: "#12b886",
  positive: "#2b8a3e",
  negative: "#c92a2a",
  neutral: "#adb5bd",
  muted: "#5c667a",
  grid: "#e4e8f0",
};

export const CHART_CONFIG: Config = {
  background: "transparent",
  font: FONT,
  padding: 8,
  view: { stroke: null },
  axis: {
    labelColor: COLORS.muted,
    titleColor: COLORS.muted,
    gridColor: COLORS.grid,
    domainColor: "#c3cad8",
    tickColor: "#c3cad8",
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 600,
    labelLimit: 240,
    titlePadding: 10,
  },
  legend: { labelLimit: 320, labelColor: COLORS.muted, titleColor: COLORS.muted, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, orient: "bottom", symbolType: "square" },
  header: { labelColor: COLORS.muted, titleColor: COLORS.muted, labelFontSize: 12 },
  text: { color: COLORS.muted, fontSize: 12 },
  range: { category: CATEGORY },
  bar: { cornerRadiusEnd: 2 },
};

/** Injected into each SVG: dark-mode colors for text, grid and rules. */
export const SVG_STYLE = `<style>
@media (prefers-color-scheme: dark) {
  text { fill: #c3cad8 !important; }
  .role-axis-grid line { stroke: #2c3446 !important; }
  .role-axis-domain line, .role-axis-tick line { stroke: #4a5468 !important; }
  .seg-rule line, .seg-rule path { stroke: #8792a8 !important; }
}
</style>`;
