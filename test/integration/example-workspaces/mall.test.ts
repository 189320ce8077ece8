/**
 * examples/mall on the Mall Customers data (200 customers): `seg check` passes
 * with exactly the findings an analyst expects, the committed lock is what
 * `seg lock` writes, and the clusters are scikit-learn's: k-means on the raw
 * annual income and spending score chooses k = 5 by silhouette, with sizes
 * 81/39/35/23/22, inertia 44,448.46 and silhouette 0.554, the textbook result.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../../src/lint/check-result.ts";
import { checkExample, checkInProcess, clusterReference, exampleWorkspace, expectReferenceSegmentsAndTests, segmentsReference, relockCopy, type CheckedExample, type ClusterReference } from "./example-workspace.ts";

const mall = exampleWorkspace("mall", "mall-customers", "Mall_Customers.csv");

describe.runIf(!mall.missing)("examples/mall", () => {
  let checked: CheckedExample;
  let result: CheckResult;
  let reference: ClusterReference;
  beforeAll(async () => {
    checked = checkExample(mall);
    result = await checkInProcess(mall);
    reference = clusterReference(mall, {
      csv: `${mall.dataDir}/Mall_Customers.csv`,
      key: "CustomerID",
      features: ["Annual Income (k$)", "Spending Score (1-100)"],
      transform: [],
      k: 5,
      segments: "segment_spending",
    });
  }, 300_000);

  it("passes seg check with exactly the findings an analyst expects", () => {
    expect(checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    expect(checked.findings).toEqual([
      // The premium programme is planned for younger shoppers; the data bear it out
      // (Welch's t-test on age, the two high-income segments).
      'hypotheses/big-spenders-younger.yaml:3:12 info hypothesis-result The data support the hypothesis big-spenders-younger ("Among high-income shoppers, the big spenders are younger than the careful ones."): age: Affluent big spenders 32.53 (n=38) vs Affluent but careful 40.73 (n=37); t = -4.20, p < 0.0001, d = -0.98 → supported at α = 0.05.',
      // Outside income and score, which define the segments, the data hold only age and
      // gender. The careful high earners are somewhat older than everyone else, and the
      // middle group sits between the four corners on age: true, and a reason to collect
      // behaviour (visits, stores) before building plays on these two.
      "segments/spending/affluent-careful.yaml:10:1 warning differentiable Affluent but careful is not clearly different from the rest of the spending scheme: its largest difference outside its definition is young (0.3 vs 0.48, d = -0.37, p = 0.0388), short of |d| ≥ 0.5 at p < 0.05.",
      "segments/spending/middle.yaml:10:1 warning differentiable The middle is not clearly different from the rest of the spending scheme: its largest difference outside its definition is age (42.89 vs 36.16, d = 0.49, p = 0.0018), short of |d| ≥ 0.5 at p < 0.05.",
      // Likewise the middle and the careful high earners: same age, similar gender mix.
      "segments/spending/middle.yaml:10:1 warning undifferentiated The middle and Affluent but careful do not differ on any metric outside their definitions (3 compared); the largest gap is female (0.59 vs 0.46, d = 0.26, p = 0.2039).",
      // Not expected, and absent: no data contract finding (a clean 200-row file), no
      // clustering-set-aside (no customer is outside the fences of both features), no
      // feature-coverage gap, no prose-drift in the persona, no prioritization finding.
    ]);
  });

  it("has the segment sizes and hypothesis statistics that pandas and SciPy compute from the same rules", () => {
    expectReferenceSegmentsAndTests(result, segmentsReference("mall", `${mall.dataDir}/Mall_Customers.csv`));
  });

  it("has a committed lock that seg lock reproduces byte for byte", () => {
    const relocked = relockCopy(mall);
    expect(relocked.status).toBe(0);
    expect(relocked.stdout).toMatch(/^Up to date: segments\.lock\.json — 200 members as of 2026-11-01/);
    expect(relocked.written).toBe(relocked.committed);
  });

  it("chooses k = 5 on the raw scale with scikit-learn's sizes, inertia and silhouette", () => {
    const clustering = result.data!.engine.clustering!;
    expect(clustering.k).toBe(5);
    expect(reference).toMatchObject({ members: 200, unmatched: 0, outliers: 0 });
    expect(reference.sklearn.sizes).toEqual([81, 39, 35, 23, 22]);
    expect(reference.sklearn.inertia.toFixed(2)).toBe("44448.46");
    expect(reference.sklearn.silhouette.toFixed(3)).toBe("0.554");

    const chosen = clustering.candidates.find((c) => c.k === 5)!;
    expect(chosen.inertia.toFixed(2)).toBe(reference.sklearn.inertia.toFixed(2));
    expect(chosen.silhouette!.toFixed(3)).toBe(reference.sklearn.silhouette.toFixed(3));
    // Silhouette is highest at 5 of 2-8, as scikit-learn finds (0.554; next 0.538 at k = 6).
    const best = [...clustering.candidates].sort((a, b) => b.silhouette! - a.silhouette!)[0]!;
    expect(best.k).toBe(5);
    expect(clustering.clusters.map((c) => c.size)).toEqual(reference.sklearn.sizes);
    expect(reference.ariOursSklearn).toBe(1);
  });

  it("records in the lock how well the rules agree with the clusters, as adjusted_rand_score computes it", () => {
    const lock = result.data!.lock;
    expect(lock.clusters!.centroids.map((c) => c.size)).toEqual([81, 39, 35, 23, 22]);
    expect(lock.clusters!.ari).toBeCloseTo(reference.ours.ariSegments!, 6);
    expect(lock.clusters!.setAside).toEqual({ missing: 0, outliers: 0 });
  });
});
