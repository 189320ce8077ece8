import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { configSchema } from "../schema/config.ts";
import { BASE_CONFIG } from "../../test/support/temp-workspace.ts";
import { carriedAccountColumns, featureCatalog } from "./feature-catalog.ts";

const config = (features: string, extra = "") =>
  configSchema.parse(parse(`${BASE_CONFIG.replace("features:\n", `features:\n${features}`)}${extra}`));

describe("carriedAccountColumns", () => {
  it("carries every accounts column a feature does not replace", () => {
    expect(carriedAccountColumns(config(""), "accounts")).toEqual(["account_id", "employees", "region", "plan"]);
  });

  it("leaves out a column a feature of the same name replaces", () => {
    expect(carriedAccountColumns(config("  plan: { source: accounts, column: plan }\n"), "accounts")).toEqual(["account_id", "employees", "region"]);
  });

  it("compares names ignoring case, as SQL engines do", () => {
    expect(carriedAccountColumns(config("  Region: { source: accounts, column: region }\n"), "accounts")).toEqual(["account_id", "employees", "plan"]);
  });

  it("leaves out a column a built-in replaces", () => {
    const withTiers = config("", "value_tiers: { measure: employees }\n");
    const withColumn = { ...withTiers, sources: { ...withTiers.sources, accounts: { ...withTiers.sources.accounts!, columns: { ...withTiers.sources.accounts!.columns, value_tier: { type: "string" as const, kind: "other" as const } } } } };
    expect(carriedAccountColumns(withColumn, "accounts")).toEqual(["account_id", "employees", "region", "plan"]);
  });
});

describe("featureCatalog", () => {
  it("names a replaced column only through the feature that replaces it", () => {
    const catalog = featureCatalog(config("  REGION: { source: accounts, column: region, kind: behavioral }\n"));
    expect(catalog.has("region")).toBe(false);
    expect(catalog.get("REGION")).toMatchObject({ origin: "feature", kind: "behavioral" });
  });
});
