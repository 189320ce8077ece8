/**
 * Render a chart spec to a static SVG at build time: vega-lite compiles it to
 * vega, and a headless vega View (renderer "none") writes the SVG. No browser,
 * no JavaScript on the page. A chart wider than a phone's column also gets a
 * narrow variant (narrow-spec.ts), so its text is not scaled down on phones.
 */
import { parse, View } from "vega";
import { compile } from "vega-lite";
import type { ChartSpec, RenderedChart } from "./chart.ts";
import { CHART_CONFIG, SVG_STYLE } from "./chart-theme.ts";
import { narrowSpec } from "./narrow-spec.ts";

/** Widest chart shown as is in a phone's column (390 px screen less margins and the figure's padding). */
export const PHONE_CHART_WIDTH = 320;

type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

export async function renderChart(chart: ChartSpec): Promise<RenderedChart> {
  const wide = await renderSvg(chart.spec, chart.title);
  const narrow = wide.width > PHONE_CHART_WIDTH ? await renderSvg(narrowSpec(chart.spec), chart.title) : undefined;
  return {
    id: chart.id,
    title: chart.title,
    description: chart.description,
    table: chart.table,
    path: `/charts/${chart.id}.svg`,
    width: wide.width,
    height: wide.height,
    svg: wide.svg,
    minFontSize: wide.minFontSize,
    narrow: narrow && narrow.width < wide.width ? { path: `/charts/${chart.id}--narrow.svg`, width: narrow.width, height: narrow.height, svg: narrow.svg, minFontSize: narrow.minFontSize } : null,
    warnings: [...wide.warnings, ...(narrow?.warnings ?? [])],
  };
}

async function renderSvg(chartSpec: ChartSpec["spec"], title: string): Promise<{ svg: string; width: number; height: number; minFontSize: number | null; warnings: string[] }> {
  const spec = { ...chartSpec, config: { ...CHART_CONFIG, ...(chartSpec.config ?? {}) } };
  const warnings: string[] = [];
  const logger: Logger = {
    level: () => logger,
    error: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
    warn: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
    info: () => logger,
    debug: () => logger,
  };
  const view = new View(parse(compile(spec, { logger }).spec), { renderer: "none", logLevel: 0 });
  try {
    const raw = await view.toSVG();
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(raw);
    const label = escapeXml(title);
    const svg = raw.replace(/^<svg([^>]*)>/, (_, attributes: string) => `<svg${attributes} role="img" aria-label="${label}"><title>${label}</title>${SVG_STYLE}`);
    const fonts = [...raw.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
    return { svg, width: Math.round(Number(size?.[1] ?? 640)), height: Math.round(Number(size?.[2] ?? 320)), minFontSize: fonts.length > 0 ? Math.min(...fonts) : null, warnings };
  } finally {
    view.finalize();
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);
}
