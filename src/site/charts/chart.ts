/**
 * A chart of the playbook: a vega-lite spec plus everything a reader without
 * the picture needs — a title, a one-paragraph text alternative, and the data
 * as a table. Each chart file builds one of these from page data; the build
 * renders the spec to a static SVG.
 */
import type { TopLevelSpec } from "vega-lite";

export interface ChartTable {
  columns: { label: string; numeric?: boolean }[];
  /** Formatted cells, one array per row. */
  rows: string[][];
}

export interface ChartSpec {
  /** Unique across the site; also the SVG's file name. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows and what to take from it. */
  description: string;
  spec: TopLevelSpec;
  table: ChartTable;
}

export interface RenderedChart {
  id: string;
  title: string;
  description: string;
  table: ChartTable;
  /** Site path of the SVG file, e.g. /charts/overview-lifecycle.svg. */
  path: string;
  width: number;
  height: number;
  svg: string;
  /** Smallest font size in the SVG, in its own pixels (null without text). */
  minFontSize: number | null;
  /** The phone variant (narrow-spec.ts), when the chart is wider than a phone's column. */
  narrow: { path: string; width: number; height: number; svg: string; minFontSize: number | null } | null;
  /** What vega-lite warned about while compiling (a chart spec bug when not empty). */
  warnings: string[];
}
