/**
 * Skewed raw-scale clustering on UCI Wholesale: the six spend columns are
 * heavily right-skewed, and clustering them standardized but not logged sets
 * aside 41 of 440 clients and picks k = 4 without a word. The raw-scale-skew
 * warning names each feature with its skewness, at clustering.transform;
 * the figures are checked against the adjusted Fisher-Pearson coefficient
 * computed here from the CSV by hand (pandas' Series.skew).
 */
import { afterAll, describe, expect, it } from "vitest";
import { missingWholesale, WHOLESALE_SPEND, wholesaleConfig, wholesaleCsv, wholesaleFiles } from "../../support/wholesale-workspace.ts";
import { checkFiles, removeWorkspaces } from "./silent-data-workspace.ts";

afterAll(removeWorkspaces);

const config = (transform: string | undefined) =>
  wholesaleConfig({
    columns: Object.fromEntries(WHOLESALE_SPEND.map((c) => [c, "behavioral"])),
    features: WHOLESALE_SPEND,
    clustering: `clustering:
  scheme: channel
  features: [${WHOLESALE_SPEND.map((c) => c.toLowerCase()).join(", ")}]
${transform === undefined ? "" : `  transform: ${transform}\n`}  k: { min: 2, max: 8 }
`,
  });

/** Adjusted Fisher-Pearson sample skewness, G1 = sqrt(n(n-1))/(n-2) · m3/m2^1.5, as pandas computes it. */
function skewness(values: number[]): number {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const m2 = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  const m3 = values.reduce((a, v) => a + (v - mean) ** 3, 0) / n;
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / m2 ** 1.5);
}

describe.runIf(!missingWholesale())("Wholesale clustered on the raw scale", () => {
  const files = (transform: string | undefined) => wholesaleFiles(config(transform));

  it("warns at clustering.transform, naming each spend column with its skewness, equal to the skewness computed from the CSV", async () => {
    const rows = wholesaleCsv().trim().split("\n").slice(1).map((line) => line.split(",").map(Number));
    expect(rows).toHaveLength(440);
    const expected = WHOLESALE_SPEND.map((c, j) => `${c.toLowerCase()} skewness ${skewness(rows.map((r) => r[j + 2]!)).toFixed(2)}`).join(", ");
    // The textbook figures for this data set (pandas DataFrame.skew()).
    expect(expected).toBe("fresh skewness 2.56, milk skewness 4.05, grocery skewness 3.59, frozen skewness 5.91, detergents_paper skewness 3.63, delicassen skewness 11.15");

    const checked = await checkFiles(files("[standardize]"));
    const clustering = checked.result.data?.engine.clustering;
    expect(clustering?.k).toBe(4);
    expect(clustering?.outlierMembers).toBe(41);
    const text = config("[standardize]");
    const line = text.split("\n").findIndex((l) => l.startsWith("  transform:")) + 1;
    expect(checked.findings.filter((f) => f.ruleId === "raw-scale-skew")).toEqual([
      {
        ruleId: "raw-scale-skew",
        severity: "warning",
        file: "segmentation.yaml",
        line,
        column: text.split("\n")[line - 1]!.indexOf("[") + 1,
        message: `Clustering runs on the raw scale of 6 heavily skewed features (${expected}; |skewness| above 1): k-means is pulled by the long tail, whose members end up set aside as outliers or in clusters of their own.`,
      },
    ]);
    // The engine's figures, unrounded, agree with the hand computation.
    for (const [j, s] of (clustering?.skewness ?? []).entries()) expect(s.skewness).toBeCloseTo(skewness(rows.map((r) => r[j + 2]!)), 9);
  });

  it("without a transform (standardize by default) the warning is at clustering:", async () => {
    const checked = await checkFiles(files(undefined));
    const text = config(undefined);
    const line = text.split("\n").indexOf("clustering:") + 1;
    expect(checked.findings.filter((f) => f.ruleId === "raw-scale-skew").map((f) => [f.line, f.column])).toEqual([[line, 1]]);
  });

  it("on the log scale there is no warning", async () => {
    const checked = await checkFiles(files("[log1p, standardize]"));
    expect(checked.result.data?.engine.clustering?.status).toBe("fitted");
    expect(checked.findings.filter((f) => f.ruleId === "raw-scale-skew")).toEqual([]);
  });
});
