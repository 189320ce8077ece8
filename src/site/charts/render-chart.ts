/**
 * Render a chart spec to a static SVG at build time: vega-lite compiles it to
 * vega, and a headless vega View (renderer "none") writes the SVG. No browser,
 * no JavaScript on the page.
 */
import { parse, View } from "vega";
import { compile } from "vega-lite";
import type { ChartSpec, RenderedChart } from "./chart.ts";
import { CHART_CONFIG, SVG_STYLE } from "./chart-theme.ts";

type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

export async function renderChart(chart: ChartSpec): Promise<RenderedChart> {
  const spec = { ...chart.spec, config: { ...CHART_CONFIG, ...(chart.spec.config ?? {}) } };
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
    const label = escapeXml(chart.title);
    const svg = raw.replace(/^<svg([^>]*)>/, (_, attributes: string) => `<svg${attributes} role="img" aria-label="${label}"><title>${label}</title>${SVG_STYLE}`);
    return {
      id: chart.id,
      title: chart.title,
      description: chart.description,
      table: chart.table,
      path: `/charts/${chart.id}.svg`,
      width: Math.round(Number(size?.[1] ?? 640)),
      height: Math.round(Number(size?.[2] ?? 320)),
      svg,
      warnings,
    };
  } finally {
    view.finalize();
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);
}
