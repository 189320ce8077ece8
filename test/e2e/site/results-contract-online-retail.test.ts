/**
 * The contract test on the Online Retail workspace (examples/online-retail on
 * the real UCI data, 541,909 invoice lines): built once with the real engine
 * and a real Astro build, its clustering results — k chosen, silhouette and
 * inertia per k, sizes, profiles, members set aside, the log-transform
 * recommendation, the RFM group × cluster contingency and its ARI — are on the
 * Clusters page with the figures the engine computed and the lock recorded.
 * The workspace declares no hypotheses, prioritization or normalized fields;
 * the test says so rather than passing over them.
 */
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataPath, missingData } from "../../support/shared-data.ts";
import { expectClustersPage, expectCoverage, expectHypothesesPage, expectPrioritizationPage } from "./support/results-contract.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const WORKSPACE = resolve(import.meta.dirname, "../../../examples/online-retail");
const missing = missingData("online-retail", "online_retail.csv.gz");
if (missing) console.warn(`Online Retail contract test skipped: ${missing}`);

describe.runIf(!missing)("every result of Online Retail reaches the playbook", () => {
  let site: WorkspaceSite;
  beforeAll(async () => {
    site = await buildWorkspaceSite({ from: WORKSPACE, dataDir: dataPath("online-retail"), today: "2026-11-23" });
    expect(site.result.outDir, site.result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
  }, 1_200_000);
  afterAll(() => site?.remove());

  it("shows the clusters on log RFM with every figure, against the RFM groups", () => {
    expect(site.lockJson.members).toBe(4338);
    expectClustersPage(site);
    expect(site.result.check.data!.engine.clustering!.agreement?.scheme).toBe("rfm");
  });

  it("has no hypotheses, prioritization or normalized fields to show", () => {
    expect(expectHypothesesPage(site)).toBe(0);
    expect(expectPrioritizationPage(site)).toEqual({ sensitivity: false, quadrants: 0 });
    expect(expectCoverage(site)).toBe(0);
  });
});
