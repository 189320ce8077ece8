/**
 * The numbers a persona's <Metric segment="…" metric="…" /> may bind, the same
 * the site's <Metric> shows: size and value, priority and rank, the metrics
 * declared in segmentation.yaml, the mean of any numeric feature, and with RFM
 * the median of recency, frequency and monetary value.
 */
import type { Config } from "../../schema/config.ts";
import type { CatalogEntry } from "../../workspace/feature-catalog.ts";

export const BUILT_IN_TAG_METRICS = ["share", "value_share", "count", "value", "priority", "rank"] as const;
export const RFM_TAG_FEATURES: readonly string[] = ["recency_days", "frequency", "monetary"];

/** Every metric name a tag may use, for checks and did-you-mean. */
export function tagMetricNames(config: Config, catalog: ReadonlyMap<string, CatalogEntry>): string[] {
  const numeric = [...catalog.values()].filter((entry) => entry.type !== "string").map((entry) => entry.name);
  const medians = config.rfm ? RFM_TAG_FEATURES.map((name) => `median_${name}`) : [];
  return [...new Set([...BUILT_IN_TAG_METRICS, ...Object.keys(config.metrics), ...numeric, ...medians])];
}
