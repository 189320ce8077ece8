import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "../../api/check.ts";
import type { CheckResult } from "../../lint/check-result.ts";
import { buildDictionary } from "./data-dictionary.ts";
import { dictionaryAnchor, featureLabel } from "./feature-label.ts";
import { buildSegments } from "./segment-pages.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../..");

function definitionsOnly(): CheckResult {
  const definitions = checkDefinitions({ root: EXAMPLE, today: "2026-11-01" });
  return { ...definitions, counts: { error: 0, warning: 0, info: 0 }, suppressed: [], data: undefined };
}

describe("buildDictionary on the example's definitions (no data)", () => {
  const result = definitionsOnly();
  const dictionary = buildDictionary(result, buildSegments(result));
  const feature = (name: string) => dictionary.features.find((f) => f.name === name)!;

  it("puts the formula in words, with its filter and window", () => {
    expect(feature("urgent_tickets_90d").formula).toBe(
      "Number of tickets rows per account, where priority is one of high, urgent, in the 90 days before the as-of date; accounts without such rows count 0.",
    );
    expect(feature("nps").formula).toBe("Average nps over surveys rows per account; accounts without such rows have no value.");
    expect(feature("company_size").formula).toBe("The employees column of accounts in ranges: micro below 10, small below 50, mid below 1000, large otherwise.");
    expect(feature("churned").formula).toBe("Yes when churned on is present, otherwise no.");
  });

  it("quotes the feature as written in segmentation.yaml, comments included, without its indent", () => {
    expect(feature("churned").written).toBe("churned:\n  label: Churned\n  description: The account has cancelled\n  expression: churned_on is not null");
    expect(feature("nps").written).toContain("max_missing_share: 0.8 # only accounts that answered a survey");
  });

  it("lists declared features first, then built-ins, which have no YAML of their own", () => {
    const origins = dictionary.features.map((f) => f.origin);
    expect(origins.indexOf("builtin")).toBe(Object.keys(result.workspace.config!.value.features).length);
    expect(feature("recency_days")).toMatchObject({ origin: "builtin", written: null, coverage: null, compared: true });
    expect(feature("monetary").value).toBe(true);
  });

  it("says which segments, KPIs, hypotheses and clustering use a feature", () => {
    expect(feature("tickets_90d").segments.map((s) => s.id)).toContain("struggling");
    expect(feature("tickets_90d").hypotheses.length).toBeGreaterThan(0);
    expect(feature("nps").kpis.map((k) => k.segment)).toContain("power-users");
    expect(feature("active_days_90d").clustering).toBe(true);
    expect(feature("urgent_tickets_90d").clustering).toBe(false);
  });

  it("lists sources without figures when the data was not recomputed, and links accounts columns to the segments using them", () => {
    const accounts = dictionary.sources.find((s) => s.name === "accounts")!;
    expect(accounts).toMatchObject({ path: "data/accounts.csv", kind: "accounts", rows: null, ageDays: null });
    expect(accounts.columns.find((c) => c.name === "employees")!.segments.length).toBeGreaterThan(0);
  });
});

describe("feature labels and anchors", () => {
  const result = definitionsOnly();
  const config = result.workspace.config!.value;
  it("uses the declared label, a built-in's words, or the name in words", () => {
    expect(featureLabel("active_days_90d", config)).toBe("Active days (last 90 days)");
    expect(featureLabel("recency_days", config)).toBe("Recency (days since the last purchase)");
    expect(featureLabel("annual_revenue_usd", config)).toBe("Annual revenue usd");
  });
  it("links accounts columns to their row under the source and features to their entry", () => {
    expect(dictionaryAnchor("employees", config, result.catalog)).toBe("column-accounts-employees");
    expect(dictionaryAnchor("nps", config, result.catalog)).toBe("feature-nps");
  });
});
