import { describe, expect, it } from "vitest";
import { warehouseReport } from "./warehouse-report.ts";

describe("warehouseReport", () => {
  it("says the warehouse computed it and lists the rows each step brought back", () => {
    expect(warehouseReport("postgres", { inWarehouse: true, rowsFetched: 1000, fetched: { checks: 1, digest: 1, "clustering sample": 1000, aggregates: 1 } })).toEqual([
      "On postgres: computed in the warehouse; rows brought back by step: checks 1, digest 1, clustering sample 1000, aggregates 1.",
    ]);
  });

  it("says why the rows, or every member's features, came back", () => {
    expect(warehouseReport("postgres", { inWarehouse: false, rowsFetched: 17, fetched: { "rows of s.orders": 17 }, rowsBecause: "impact rebuilds the features" })).toEqual([
      "On postgres: rows read from the warehouse, computed in DuckDB; rows brought back by step: rows of s.orders 17.",
      "  The rows were read: impact rebuilds the features.",
    ]);
    expect(warehouseReport("postgres", { inWarehouse: true, rowsFetched: 6, fetched: { checks: 2, features: 6 }, perMember: "the hypotheses are tested on every member's features in DuckDB" })[1]).toBe(
      "  Every member's features came back: the hypotheses are tested on every member's features in DuckDB.",
    );
  });
});
