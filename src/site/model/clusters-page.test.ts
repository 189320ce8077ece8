import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../api/check.ts";
import { init } from "../../api/init.ts";
import type { CheckResult } from "../../lint/check-result.ts";
import { buildClusters, clusterInput } from "./clusters-page.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../..");

describe("buildClusters without a clustering section", () => {
  // The starter workspace as `seg init` writes it (the template's files hold placeholders for its dates).
  let starter: string;
  beforeAll(() => {
    starter = mkdtempSync(join(tmpdir(), "seg-clusters-page-"));
    init({ dir: starter, today: "2026-11-01", installed: { kind: "registry", version: "1.2.3" } });
  });
  afterAll(() => rmSync(starter, { recursive: true, force: true }));

  it("offers a clustering section written for the workspace: its scheme and its numeric features", () => {
    const definitions = checkDefinitions({ root: starter, today: "2026-11-01" });
    const result = { ...definitions, counts: { error: 0, warning: 0, info: 0 }, suppressed: [], data: undefined } as CheckResult;
    expect(buildClusters(result, undefined)).toEqual({ status: "not-configured", example: { scheme: "lifecycle", features: ["recency_days", "frequency", "monetary"] } });
  });
});

describe("buildClusters with clustering configured", () => {
  it("says the clusters were not computed when the data was not recomputed, and reads no result", () => {
    const definitions = checkDefinitions({ root: EXAMPLE, today: "2026-11-01" });
    const result: CheckResult = { ...definitions, counts: { error: 0, warning: 0, info: 0 }, suppressed: [], data: undefined };
    expect(clusterInput(result)).toBeUndefined();
    expect(buildClusters(result, clusterInput(result))).toEqual({ status: "not-computed", features: ["active_days_90d", "workflow_runs_90d", "distinct_event_types_90d", "active_users_90d", "tickets_90d"] });
  });
});
