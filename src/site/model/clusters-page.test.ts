import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "../../api/check.ts";
import type { CheckResult } from "../../api/check.ts";
import { buildClusters } from "./clusters-page.ts";

const TEMPLATE = resolve(import.meta.dirname, "../../../templates/basic");

describe("buildClusters without a clustering section", () => {
  it("offers a clustering section written for the workspace: its scheme and its numeric features", () => {
    const definitions = checkDefinitions({ root: TEMPLATE, today: "2026-11-01" });
    const result = { ...definitions, counts: { error: 0, warning: 0, info: 0 }, suppressed: [], data: undefined } as CheckResult;
    expect(buildClusters(result, undefined)).toEqual({ status: "not-configured", example: { scheme: "lifecycle", features: ["recency_days", "frequency", "monetary"] } });
  });
});
