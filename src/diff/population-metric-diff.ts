/**
 * Each declared metric over the whole population, base → head: the figure a
 * reviewer reads the segments' changes against. A side that was not recomputed,
 * or that does not declare the metric, shows null.
 */
import type { Config } from "../schema/config.ts";
import type { SchemeMetrics } from "../engine/segment-metrics.ts";
import { compareText } from "./migration-matrix.ts";

export interface PopulationMetricChange {
  name: string;
  label: string;
  /** Shares read as percentages; the rest as numbers. */
  format: "number" | "percent" | "currency";
  base: number | null;
  head: number | null;
}

export interface PopulationSide {
  config: Config | undefined;
  /** Undefined when the side was not recomputed. */
  schemes: readonly SchemeMetrics[] | undefined;
}

export function diffPopulationMetrics(base: PopulationSide, head: PopulationSide): PopulationMetricChange[] {
  const names = [...new Set([...Object.keys(head.config?.metrics ?? {}), ...Object.keys(base.config?.metrics ?? {})])].sort(compareText);
  const value = (side: PopulationSide, name: string) => (side.config?.metrics[name] ? (side.schemes?.[0]?.populationMetrics?.[name] ?? null) : null);
  return names.map((name) => {
    const metric = (head.config?.metrics[name] ?? base.config?.metrics[name])!;
    const format = metric.aggregate === "share" && metric.format === "number" ? "percent" : metric.format;
    return { name, label: metric.label, format, base: value(base, name), head: value(head, name) };
  });
}

/** Whether the population figure moved. */
export function populationMetricChanged(change: PopulationMetricChange): boolean {
  if ((change.base === null) !== (change.head === null)) return true;
  return change.base !== null && change.head !== null && Math.abs(change.base - change.head) > 1e-9;
}
