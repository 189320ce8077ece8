import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { SegmentMetrics } from "../../engine/segment-metrics.ts";
import { configSchema, type Config } from "../../schema/config.ts";
import { metricValues } from "./metric-values.ts";

const metrics: SegmentMetrics = { scheme: "lifecycle", segment: "loyal", count: 40, share: 0.4, value: null, valueShare: null, rfm: null, metrics: { avg_spend: 80.25, revenue: 15_434_823 }, comparisons: [] };

const EXAMPLE = resolve(import.meta.dirname, "../../..");
const written = parse(readFileSync(resolve(EXAMPLE, "segmentation.yaml"), "utf8")) as Record<string, unknown>;

function config(currency?: string): Config {
  return configSchema.parse({
    ...written,
    metrics: {
      avg_spend: { label: "Average spend", feature: "monetary", format: "currency" },
      revenue: { label: "Revenue", feature: "monetary", aggregate: "sum", format: "currency" },
    },
    ...(currency ? { currency } : {}),
  });
}

describe("metricValues for format: currency", () => {
  it("shows money in the workspace's currency, large amounts compactly", () => {
    const values = metricValues(metrics, undefined, config("USD"));
    expect(values.avg_spend?.text).toBe("$80.25");
    expect(values.revenue?.text).toBe("$15.4M");
    expect(metricValues(metrics, undefined, config("EUR")).avg_spend?.text).toBe("€80.25");
  });

  it("shows a plain amount without a currency setting", () => {
    expect(metricValues(metrics, undefined, config()).avg_spend?.text).toBe("80.25");
  });

  it("refuses a currency that is not an ISO 4217 code", () => {
    expect(() => config("dollars")).toThrow(/ISO 4217/);
  });
});
