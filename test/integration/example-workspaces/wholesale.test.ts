/**
 * examples/wholesale on the UCI Wholesale customers data (440 clients, no id
 * column): rows keyed by their position, k-means on log1p spending. `seg check`
 * passes with exactly the findings an analyst expects, the committed lock is what
 * `seg lock` writes, and the clusters are scikit-learn's with the same members set
 * aside: k = 2, and their agreement with the sales channel (adjusted Rand index
 * 0.520) is adjusted_rand_score's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../../src/lint/check-result.ts";
import { checkExample, checkInProcess, clusterReference, exampleWorkspace, expectReferenceSegmentsAndTests, segmentsReference, relockCopy, type CheckedExample, type ClusterReference } from "./example-workspace.ts";

const wholesale = exampleWorkspace("wholesale", "wholesale-customers", "wholesale_customers.csv");
const SPEND = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"];

describe.runIf(!wholesale.missing)("examples/wholesale", () => {
  let checked: CheckedExample;
  let result: CheckResult;
  let reference: ClusterReference;
  beforeAll(async () => {
    checked = checkExample(wholesale);
    result = await checkInProcess(wholesale);
    reference = clusterReference(wholesale, {
      csv: `${wholesale.dataDir}/wholesale_customers.csv`,
      key: null,
      features: SPEND,
      transform: ["log1p", "standardize"],
      k: 2,
      segments: "segment_channel",
      label: "Channel",
    });
  }, 300_000);

  it("passes seg check with exactly the findings an analyst expects", () => {
    expect(checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    expect(checked.findings).toEqual([
      // The sales director's plan rests on this, and it holds (Welch's t-test).
      'hypotheses/shelf-stockers-spend-more.yaml:3:12 info hypothesis-result The data support the hypothesis shelf-stockers-spend-more ("Shelf stockers spend more in a year than fresh kitchens."): total_spend: Shelf stockers 38804.69 (n=157) vs Fresh kitchens 31107.12 (n=183); t = 2.59, p = 0.0051, d = 0.29 → supported at α = 0.05.',
      // Even on the log scale a few clients are extreme in two or more categories
      // (tiny Fresh or Delicassen spending): k-means is fitted without them, and
      // seg says how many and where, as the reference below counts them.
      "segmentation.yaml:101:13 info clustering-set-aside 5 of 440 members (1.1%) are set aside as outliers, outside the Tukey fences of two or more transformed clustering features (Fresh 3, Milk 1, Grocery 2, Frozen 1, Detergents_Paper 1, Delicassen 3): k-means is fitted without them, then each is assigned to its nearest cluster.",
      // Mixed buyers are whoever neither fresh food nor shelf goods dominate, so their
      // definition reads every spend column (through total_spend and the two shares).
      // Outside it the data hold only the channel, and mixed buyers are retailers as
      // often as everyone else (32 %): nothing but their basket sets them apart yet.
      "segments/basket/mixed-buyers.yaml:10:1 warning differentiable Mixed buyers is not clearly different from the rest of the basket scheme: its largest difference outside its definition is retail (0.32 vs 0.32, d = -0.01, p = 0.9473), short of |d| ≥ 0.5 at p < 0.05.",
      // Absent: no data/duplicate-key (the row-position key is unique by construction,
      // unlike any of the file's own columns), no type mismatch (every spend column is
      // declared integer and holds integers), no feature-coverage gap, no prose-drift,
      // no demographics-only for the channel scheme (an override in segmentation.yaml
      // says why it is firmographic on purpose).
    ]);
  });

  it("tells shelf stockers apart by what their definition does not read: the channel, not the shelf goods they buy by definition", () => {
    // shelf_share is (Grocery + Milk + Detergents_Paper) / total_spend, so buying more
    // detergents (d = 1.43) is what defines them; that 104 of 157 are retailers, against
    // 38 of the other 283 clients, is not.
    const differentiable = result.data!.engine.idsaa["basket/shelf-stockers"]!.differentiable;
    expect(differentiable.pass).toBe(true);
    expect(differentiable.data).toMatchObject({ feature: "retail" });
    expect(differentiable.detail).toBe("Largest difference outside its definition: retail 0.66 vs 0.13 for the rest (d = 1.34, p < 0.0001).");
  });

  it("keys the clients by their row in the file, 1 to 440", () => {
    expect(result.data!.engine.members).toBe(440);
    // seg export's member ids are the row numbers pandas gives the same file.
    expect(reference).toMatchObject({ members: 440, unmatched: 0 });
    expect(result.data!.lock.inputs.clients).toMatchObject({ rows: 440, rowsRead: 440 });
  });

  it("has the segment sizes and hypothesis statistics that pandas and SciPy compute from the same rules", () => {
    expectReferenceSegmentsAndTests(result, segmentsReference("wholesale", `${wholesale.dataDir}/wholesale_customers.csv`));
  });

  it("has a committed lock that seg lock reproduces byte for byte", () => {
    const relocked = relockCopy(wholesale);
    expect(relocked.status).toBe(0);
    expect(relocked.stdout).toMatch(/^Up to date: segments\.lock\.json — 440 members as of 2014-12-31/);
    expect(relocked.written).toBe(relocked.committed);
  });

  it("sets aside the members scikit-learn's reference sets aside and finds the same two clusters", () => {
    expect(reference.outliers).toBe(5);
    expect(result.data!.lock.clusters!.setAside).toEqual({ missing: 0, outliers: reference.outliers });
    const clustering = result.data!.engine.clustering!;
    expect(clustering.k).toBe(2);
    expect(reference.ariOursSklearn).toBe(1);
    expect(clustering.clusters.map((c) => c.size)).toEqual(reference.sklearn.sizes);
    expect(clustering.candidates.find((c) => c.k === 2)!.inertia).toBeCloseTo(reference.sklearn.inertia, 6);
    expect(clustering.candidates.find((c) => c.k === 2)!.silhouette!).toBeCloseTo(reference.sklearn.silhouette, 9);
  });

  it("records in the lock how well spending recovers the sales channel, as adjusted_rand_score computes it", () => {
    expect(reference.sklearn.ariLabel!.toFixed(3)).toBe("0.520");
    expect(result.data!.lock.clusters!.ari).toBeCloseTo(reference.sklearn.ariLabel!, 6);
    // The channel scheme is defined by Channel itself, so its agreement is the label's.
    expect(reference.ours.ariSegments).toBeCloseTo(reference.ours.ariLabel!, 12);
  });

  it("needs no skew warning: log1p removes the raw scale's skew", () => {
    const skew = Object.fromEntries(result.data!.engine.clustering!.skewness.map((s) => [s.feature, s]));
    expect(Object.keys(skew)).toEqual(SPEND);
    expect(result.data!.engine.clustering!.recommendations).toEqual([]);
  });
});
