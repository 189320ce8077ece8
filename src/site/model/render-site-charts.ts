/**
 * Build every chart the pages show from the page data, render each to SVG, and
 * record on the page data which chart belongs where. Runs once per build, and
 * after each edit under seg dev, where a ChartCache keeps the charts of the
 * previous model: rendering is most of the model's time, and an edit changes
 * few charts.
 */
import type { ChartSpec, RenderedChart } from "../charts/chart.ts";
import { changesMembersChart } from "../charts/changes-members.ts";
import { clusterHistoryChart } from "../charts/cluster-history.ts";
import { segmentTrendChart } from "../charts/segment-trend.ts";
import { clusterAgreementChart } from "../charts/cluster-agreement.ts";
import { clusterProfilesChart } from "../charts/cluster-profiles.ts";
import { hypothesisGroupsChart } from "../charts/hypothesis-groups.ts";
import { kElbowChart } from "../charts/k-elbow.ts";
import { kSilhouetteChart } from "../charts/k-silhouette.ts";
import { priorityBreakdownChart } from "../charts/priority-breakdown.ts";
import { rankStabilityChart } from "../charts/rank-stability.ts";
import { renderChart } from "../charts/render-chart.ts";
import { schemeSizesChart } from "../charts/scheme-sizes.ts";
import { segmentProfileChart } from "../charts/segment-profile.ts";
import { segmentShareChart } from "../charts/segment-share.ts";
import { valuePotentialChart } from "../charts/value-potential.ts";
import { VERDICT_LABELS } from "./labels.ts";
import type { SiteModel } from "./site-model.ts";

/** Rendered charts by their spec (as JSON). Each run keeps only the charts it used. */
export class ChartCache {
  #charts = new Map<string, RenderedChart>();

  /** Render each spec, or take it from the last run when the spec is the same. */
  async render(specs: readonly ChartSpec[]): Promise<Record<string, RenderedChart>> {
    const next = new Map<string, RenderedChart>();
    const rendered: Record<string, RenderedChart> = {};
    for (const spec of specs) {
      const key = JSON.stringify(spec);
      const chart = next.get(key) ?? this.#charts.get(key) ?? (await renderChart(spec));
      next.set(key, chart);
      rendered[spec.id] = chart;
    }
    this.#charts = next;
    return rendered;
  }
}

export async function renderSiteCharts(model: SiteModel, cache: ChartCache = new ChartCache()): Promise<Record<string, RenderedChart>> {
  const specs: ChartSpec[] = [];
  const add = (spec: ChartSpec): string => {
    specs.push(spec);
    return spec.id;
  };
  for (const scheme of model.schemes) {
    const segments = scheme.segments.map((id) => model.segments[id]!).filter((s) => s.size);
    if (segments.length === 0) continue;
    scheme.chart = add(
      schemeSizesChart({
        scheme: scheme.id,
        label: scheme.label,
        segments: segments.map((s) => ({ name: s.segment.name, count: s.size!.count, share: s.size!.share, valueShare: s.size!.valueShare })),
      }),
    );
    const rows = segments.map((s) => ({ id: s.id, name: s.segment.name, count: s.size!.count, share: s.size!.share }));
    if (scheme.unassigned && scheme.unassigned.count > 0) rows.push({ id: "", name: "(in no segment)", count: scheme.unassigned.count, share: scheme.unassigned.share });
    for (const s of segments) {
      s.charts.share = add(segmentShareChart({ segmentId: s.id, segmentName: s.segment.name, schemeLabel: scheme.label, rows: rows.map((r) => ({ ...r, current: r.id === s.id })), statedShare: s.size!.statedShare ?? undefined }));
      if (s.profile.some((p) => p.d !== null)) s.charts.profile = add(segmentProfileChart(s.id, s.segment.name, s.profile));
    }
  }
  const p = model.prioritization;
  if (p && p.rows.length > 0) {
    p.charts.breakdown = add(priorityBreakdownChart({ factors: p.factors, rows: p.rows }));
    if (p.quadrantPoints) p.charts.quadrant = add(valuePotentialChart(p.quadrantPoints));
    if (p.sensitivity) p.charts.stability = add(rankStabilityChart({ draws: p.sensitivity.draws, rows: p.sensitivity.stability.map((s) => ({ name: s.name, rank: s.rank, stability: s.share })) }));
  }
  for (const h of model.hypotheses) {
    if (h.groups.length !== 2) continue;
    h.chart = add(hypothesisGroupsChart({ id: h.id, metric: h.metric, proportions: h.kind === "difference-of-proportions", verdict: (VERDICT_LABELS[h.verdict] ?? h.verdict).toLowerCase(), groups: h.groups }));
  }
  const c = model.clusters;
  if (c.status === "fitted") {
    c.charts.silhouette = add(kSilhouetteChart(c.candidates));
    c.charts.elbow = add(kElbowChart(c.candidates));
    c.charts.profiles = add(clusterProfilesChart({ features: c.features, clusters: c.clusters.map((x) => ({ name: x.name, z: x.z, original: x.original })) }));
    if (c.agreement) c.charts.agreement = add(clusterAgreementChart(c.agreement));
  }
  addChangesCharts(model, add);
  return cache.render(specs);
}

/** The Changes page's charts (members per scheme, k, ARI) and each segment's trend, once the lock has two versions. */
function addChangesCharts(model: SiteModel, add: (spec: ChartSpec) => string): void {
  const changes = model.changes;
  if (changes.commits.length < 2) return;
  const label = (c: (typeof changes.commits)[number]) => `${c.date} · ${c.short}`;
  const versions = changes.commits.map(label);
  for (const [index, scheme] of changes.schemes.entries()) {
    const rows = changes.commits.flatMap((c) => {
      const at = new Map(c.segments);
      return scheme.segments.flatMap((s) => {
        const v = at.get(s.key);
        return v ? [{ version: label(c), segment: s.name, count: v.count }] : [];
      });
    });
    if (rows.length > 0) changes.charts.members[scheme.scheme] = add(changesMembersChart({ index, label: scheme.label, versions, rows }));
  }
  const kPoints = changes.commits.flatMap((c) => (c.k === null ? [] : [{ version: label(c), value: c.k }]));
  if (kPoints.length > 1) changes.charts.k = add(clusterHistoryChart("k", kPoints));
  const ariPoints = changes.commits.flatMap((c) => (c.ari === null ? [] : [{ version: label(c), value: c.ari }]));
  if (ariPoints.length > 1) changes.charts.ari = add(clusterHistoryChart("ari", ariPoints));
  for (const id of model.segmentOrder) {
    const segment = model.segments[id]!;
    const key = `${segment.scheme}/${segment.id}`;
    const points = changes.commits.flatMap((c) => {
      const v = new Map(c.segments).get(key);
      return v ? [{ version: label(c), count: v.count }] : [];
    });
    if (points.length > 1) segment.charts.trend = add(segmentTrendChart({ segmentId: segment.id, segmentName: segment.segment.name, points }));
  }
}
