/**
 * Each declared metric (`metrics:` in segmentation.yaml) over the whole
 * population, for the overview: the figure every segment's is read against.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import { formatAmount, formatNumber, formatPercent } from "../../text/number-format.ts";

export interface PopulationMetric {
  name: string;
  label: string;
  description: string | null;
  feature: string;
  aggregate: string;
  value: number | null;
  /** As the metric's format says; "—" when nobody has a value. */
  text: string;
}

export function populationMetrics(result: CheckResult): PopulationMetric[] {
  const declared = result.workspace.config?.value.metrics ?? {};
  const values = result.data?.engine.schemes[0]?.populationMetrics;
  if (!values) return [];
  return Object.entries(declared).map(([name, m]) => {
    const value = values[name] ?? null;
    const text = m.format === "percent" || (m.aggregate === "share" && m.format === "number") ? formatPercent(value) : m.format === "currency" ? formatAmount(value) : formatNumber(value, 2);
    return { name, label: m.label, description: m.description ?? null, feature: m.feature, aggregate: m.aggregate, value, text };
  });
}
