/**
 * What a KPI's `metric` measures and its current value for one segment. A KPI
 * names a declared metric (`metrics:` in segmentation.yaml, aggregated as it
 * declares) or a feature: a numeric feature gives the segment's mean, a boolean
 * one the share of members for which it is true. A KPI without `metric` whose
 * name is itself a metric or feature name is measured by that name. A numeric
 * feature is money when a declared metric with `format: currency` summarizes it
 * (or it is RFM's monetary, the sum of the transaction amounts).
 */
import type { Config } from "../schema/config.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { SegmentMetrics } from "./segment-metrics.ts";

export type KpiMeasure =
  | { kind: "metric"; name: string; format: "number" | "percent" | "currency" }
  | { kind: "feature"; name: string; format: "number" | "percent" | "currency" }
  /** A text feature: it has no mean to show. */
  | { kind: "text"; name: string }
  /** Neither a declared metric nor a feature. */
  | { kind: "unknown"; name: string }
  /** No metric named, and the KPI's name is none either: measured outside Seg. */
  | { kind: "none" };

export function kpiMeasure(kpi: { name: string; metric?: string | undefined }, config: Config | undefined, catalog: ReadonlyMap<string, CatalogEntry>): KpiMeasure {
  const name = kpi.metric ?? kpi.name;
  const metric = config?.metrics[name];
  if (metric) return { kind: "metric", name, format: metric.aggregate === "share" && metric.format === "number" ? "percent" : metric.format };
  const entry = catalog.get(name);
  if (entry?.type === "number") return { kind: "feature", name, format: config && isMoney(name, config) ? "currency" : "number" };
  if (entry?.type === "boolean") return { kind: "feature", name, format: "percent" };
  if (entry) return { kind: "text", name };
  return kpi.metric === undefined ? { kind: "none" } : { kind: "unknown", name };
}

/** The segment's value of a measured KPI; null when no member has a value (or the segment was not measured). */
export function kpiValue(measure: KpiMeasure, metrics: SegmentMetrics | undefined): { value: number | null; n: number | null } {
  if (!metrics || (measure.kind !== "metric" && measure.kind !== "feature")) return { value: null, n: null };
  if (measure.kind === "metric") return { value: finiteOrNull(metrics.metrics[measure.name]), n: null };
  const feature = metrics.features?.[measure.name];
  if (feature) return { value: feature.n > 0 ? finiteOrNull(feature.mean) : null, n: feature.n };
  const compared = metrics.comparisons.find((c) => c.feature === measure.name);
  return compared ? { value: compared.segment.n > 0 ? finiteOrNull(compared.segment.mean) : null, n: compared.segment.n } : { value: null, n: null };
}

function isMoney(feature: string, config: Config): boolean {
  if (feature === "monetary" && config.rfm) return true;
  return Object.values(config.metrics).some((m) => m.feature === feature && m.format === "currency" && m.aggregate !== "share");
}

function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}
