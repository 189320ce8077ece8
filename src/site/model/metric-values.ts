/**
 * Every number a persona may bind with `<Metric segment="…" metric="…" />`,
 * per segment, computed and formatted once:
 *
 * - `count`, `share`, `value`, `value_share`: size and value of the segment;
 * - `priority` (the recomputed weighted total) and `rank` for prioritized segments;
 * - `recency_days`, `frequency`, `monetary` (means) and `median_recency_days`, … when RFM is configured;
 * - each metric declared under `metrics:` in segmentation.yaml, in its declared format (money in `currency:`);
 * - each compared feature by name: the segment's mean.
 */
import type { PriorityRow } from "../../engine/prioritize.ts";
import type { SegmentMetrics } from "../../engine/segment-metrics.ts";
import type { Config } from "../../schema/config.ts";
import { formatAmount, formatCount, formatCurrency, formatNumber, formatPercent } from "../../text/number-format.ts";

export interface MetricValue {
  label: string;
  value: number | null;
  /** The value as the page shows it. */
  text: string;
}

/** `measured`: the data was recomputed, so a segment without metrics has no members. */
export function metricValues(metrics: SegmentMetrics | undefined, priority: PriorityRow | undefined, config: Config | undefined, measured = metrics !== undefined): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  const put = (name: string, label: string, value: number | null | undefined, format: (x: number | null) => string) => {
    const v = value === undefined || value === null || !Number.isFinite(value) ? null : value;
    out[name] = { label, value: v, text: format(v) };
  };
  for (const c of metrics?.comparisons ?? []) put(c.feature, `mean ${c.feature}`, c.segment.n > 0 ? c.segment.mean : null, (x) => formatNumber(x, 2));
  if (!metrics && measured) {
    put("count", "members", 0, formatCount);
    put("share", "share of members", 0, (x) => formatPercent(x));
  }
  if (metrics) {
    put("count", "members", metrics.count, formatCount);
    put("share", "share of members", metrics.share, (x) => formatPercent(x));
    put("value", "value", metrics.value, formatAmount);
    put("value_share", "share of value", metrics.valueShare, (x) => formatPercent(x));
    for (const [feature, stats] of Object.entries(metrics.rfm ?? {})) {
      put(feature, `mean ${feature}`, stats.mean, feature === "monetary" ? formatAmount : (x) => formatNumber(x, 1));
      put(`median_${feature}`, `median ${feature}`, stats.median, feature === "monetary" ? formatAmount : (x) => formatNumber(x, 1));
    }
    for (const [name, value] of Object.entries(metrics.metrics)) {
      const declared = config?.metrics[name];
      const format = declared?.format === "percent" || declared?.aggregate === "share" ? (x: number | null) => formatPercent(x) : declared?.format === "currency" ? (x: number | null) => (config?.currency ? formatCurrency(x, config.currency) : formatAmount(x)) : (x: number | null) => formatNumber(x, 2);
      put(name, declared?.label ?? name, value, format);
    }
  }
  if (priority && Number.isFinite(priority.total)) {
    put("priority", "priority score", priority.totalRounded, (x) => formatNumber(x, 1));
    put("rank", "priority rank", priority.rank, (x) => (x === null ? "—" : `#${x}`));
  }
  return out;
}

