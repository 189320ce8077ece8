import { describe, expect, it } from "vitest";
import type { Config } from "../../schema/config.ts";
import { aggregatesBlocker } from "./warehouse-aggregates.ts";
import { summedColumns } from "./warehouse-aggregates-sql.ts";

/** What the blocker reads of a workspace: its schemes and clustering (the rest of a parsed config plays no part). */
function config(extra: Partial<Config> = {}): Config {
  return { schemes: { tiers: { label: "Tiers", exclusive: true }, tags: { label: "Tags", exclusive: false } }, ...extra } as unknown as Config;
}

describe("aggregatesBlocker", () => {
  it("lets the warehouse compute every aggregate of a workspace without hypotheses, overlapping schemes included", () => {
    expect(aggregatesBlocker(config(), 0)).toBeUndefined();
    expect(aggregatesBlocker(config({ clustering: { scheme: "tiers" } as Config["clustering"] }), 0)).toBeUndefined();
  });

  it("names what keeps every member's row coming back: hypotheses, a clustering scheme that overlaps", () => {
    expect(aggregatesBlocker(config(), 2)).toBe("the hypotheses are tested on every member's features in DuckDB");
    expect(aggregatesBlocker(config({ clustering: { scheme: "tags" } as Config["clustering"] }), 0)).toBe(
      "the clusters' agreement with overlapping scheme tags is measured on every member's memberships in DuckDB",
    );
  });
});

describe("summedColumns", () => {
  it("sorts the features' columns by how DuckDB sums them: doubles, 64-bit integers, wider integers", () => {
    const types = new Map([
      ["member_id", "VARCHAR"],
      ["monetary", "DOUBLE"],
      ["price", "DECIMAL(18,3)"],
      ["frequency", "BIGINT"],
      ["units", "HUGEINT"],
      ["vip", "BOOLEAN"],
      ["employees", "INTEGER"],
    ]);
    expect(summedColumns(types)).toEqual({ fractional: ["monetary", "price"], wide: ["frequency"], huge: ["units"] });
  });
});
