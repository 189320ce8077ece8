/**
 * The contract test on the example workspace (the repository root): built once
 * with the real engine and a real Astro build, every result DESIGN §7 names —
 * k chosen, silhouette and inertia per k, cluster sizes and profiles, members
 * set aside, the log-transform recommendation, the segment × cluster
 * contingency and its ARI; hypotheses; sensitivity; quadrants; coverage — is on
 * a page with the figure the engine computed and the lock recorded.
 */
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClustersPage, expectCoverage, expectHypothesesPage, expectPrioritizationPage } from "./support/results-contract.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../..");
const SLOW = 900_000;

describe("every result of the example reaches the playbook", () => {
  let site: WorkspaceSite;
  beforeAll(async () => {
    site = await buildWorkspaceSite({ from: EXAMPLE, today: "2026-11-01" });
    expect(site.result.outDir, site.result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
  }, SLOW);
  afterAll(() => site?.remove());

  it("shows the clusters: k, silhouette and inertia per k, sizes, profiles, set-aside members, skewness, contingency and ARI", () => {
    expectClustersPage(site);
  });

  it("shows every hypothesis with its verdict and test", () => {
    expect(expectHypothesesPage(site)).toBe(3);
  });

  it("shows the weight sensitivity and every segment's value × potential quadrant", () => {
    expect(expectPrioritizationPage(site)).toEqual({ sensitivity: true, quadrants: expect.any(Number) });
    expect(Object.keys(site.result.check.data!.quadrants).length).toBeGreaterThan(3);
  });

  it("shows the coverage of every normalized field", () => {
    expect(expectCoverage(site)).toBeGreaterThan(0);
  });
});
