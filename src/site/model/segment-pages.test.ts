import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { dataPath, missingData } from "../../../test/support/shared-data.ts";
import { check, checkDefinitions } from "../../api/check.ts";
import type { CheckResult } from "../../lint/check-result.ts";
import { briefNumbers } from "./segment-brief.ts";
import { buildSegments } from "./segment-pages.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

/** The example's definitions, without data, with `currency:` and the enterprise KPIs as given. */
function definitionsOnly(currency: string | undefined, kpis?: { name: string; metric: string; target: number }[]): CheckResult {
  const definitions = checkDefinitions({ root: ROOT, today: "2026-11-01" });
  const config = definitions.workspace.config!;
  config.value = { ...config.value, metrics: { ...config.value.metrics, revenue: { label: "Revenue per account", feature: "monetary", aggregate: "mean", format: "currency" } } };
  if (currency) config.value.currency = currency;
  else delete config.value.currency;
  if (kpis) for (const s of definitions.workspace.segments) if (s.value.id === "enterprise") s.value = { ...s.value, gtm: { ...s.value.gtm, kpis } };
  return { ...definitions, counts: { error: 0, warning: 0, info: 0 }, suppressed: [], data: undefined };
}

const enterpriseKpis = (result: CheckResult) => buildSegments(result).find((s) => s.id === "enterprise")!.kpis;

describe("KPIs on money", () => {
  it("show a KPI on a declared currency metric, and on the feature such a metric summarizes, in the workspace's currency", () => {
    const kpis = [
      { name: "Revenue per account", metric: "revenue", target: 300_000 },
      { name: "Paid revenue per account", metric: "monetary", target: 1_500 },
      { name: "Average NPS", metric: "nps", target: 8.5 },
    ];
    expect(enterpriseKpis(definitionsOnly("USD", kpis)).map((k) => [k.name, k.target])).toEqual([
      ["Revenue per account", "$300K"],
      ["Paid revenue per account", "$1,500.00"],
      ["Average NPS", "8.5"],
    ]);
    expect(enterpriseKpis(definitionsOnly("EUR", kpis))[0]!.target).toBe("€300K");
  });

  it("show money as a plain amount, compactly, without a currency setting", () => {
    // RFM's monetary is money (the sum of the transaction amounts): 300K, not 300,000.
    expect(enterpriseKpis(definitionsOnly(undefined)).find((k) => k.metric === "monetary")).toMatchObject({ name: "Paid revenue per account", target: "300K" });
  });

  const wholesale = missingData("wholesale-customers", "wholesale_customers.csv");
  it.skipIf(wholesale !== undefined)("show the wholesale clients' annual spend in euros on the segment page and the brief", async () => {
    // total_spend is a feature; the declared metric average_spend gives it format: currency, and currency: EUR.
    const result = await check({ root: resolve(ROOT, "examples/wholesale"), dataDir: dataPath("wholesale-customers"), today: "2026-11-01", cache: false });
    const retail = buildSegments(result).find((s) => s.id === "retail")!;
    expect(retail.kpis).toEqual([{ name: "Average annual spend", target: null, metric: "total_spend", current: "€46.6K" }]);
    expect(briefNumbers(retail, "clients").find((n) => n.kind === "kpi")).toEqual({ kind: "kpi", label: "Average annual spend", value: "€46.6K", note: null });
  }, 120_000);
});

describe("definition in words", () => {
  it("says which segments of an exclusive scheme are checked first, since the condition alone does not", () => {
    const segments = buildSegments(definitionsOnly(undefined));
    const prose = (id: string) => segments.find((s) => s.id === id)!.definition.prose;
    // lifecycle is exclusive, by order: power users, struggling, task completers, then occasional (active days ≥ 0).
    expect(prose("occasional")).toBe("active days 90d is at least 0, and not already in Power Users, Struggling Accounts or Task Completers (checked first)");
    expect(prose("power-users")).not.toContain("checked first");
  });
});
