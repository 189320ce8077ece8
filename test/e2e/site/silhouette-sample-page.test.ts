/**
 * The Clusters page says when the silhouette that chose k was computed on a
 * sample, and of how many: the lock records `silhouetteSample` above
 * SILHOUETTE_SAMPLE fitted members (engine/cluster/silhouette.ts), and the page
 * must say so in words. The workspace is 3,600 generated customers in three
 * well-separated boxes (no Tukey outliers, so all 3,600 are fitted), locked and
 * built with the real engine and a real Astro build.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SILHOUETTE_SAMPLE } from "../../../src/engine/cluster/silhouette.ts";
import { builtPage, figureText, textOf } from "../../support/built-html.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const CUSTOMERS = 3600;

/** Three boxes of 1,200 customers each, from a fixed linear congruential sequence. */
function customersCsv(): string {
  let state = 20261101;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const centers: [number, number][] = [
    [10, 10],
    [50, 80],
    [90, 30],
  ];
  const lines = ["customer_id,income,score"];
  for (let i = 0; i < CUSTOMERS; i++) {
    const [x, y] = centers[i % 3]!;
    lines.push(`c${String(i).padStart(4, "0")},${(x + (next() - 0.5) * 16).toFixed(2)},${(y + (next() - 0.5) * 16).toFixed(2)}`);
  }
  return `${lines.join("\n")}\n`;
}

const CONFIG = `name: Generated customers
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Find the spending groups.
  stakeholders: [{ name: Marketing, role: Campaigns }]
  scope: { unit: customer }
  deliverables: [Clusters]
sources:
  customers:
    path: data/customers.csv
    kind: accounts
    key: customer_id
    columns:
      customer_id: { type: string, kind: key }
      income: { type: number, kind: demographic }
      score: { type: number, kind: behavioral }
schemes:
  spending:
    label: Spending
    exclusive: true
clustering:
  scheme: spending
  features: [income, score]
  transform: [standardize]
  k: { min: 2, max: 4 }
`;

const SEGMENT = (id: string, name: string, where: string) => `id: ${id}
name: ${name}
summary: Customers by score.
status: active
approach: behavioral
definition:
  where: ${where}
`;

describe("the Clusters page of a clustering whose silhouette was sampled", () => {
  let site: WorkspaceSite;

  beforeAll(async () => {
    site = await buildWorkspaceSite({
      files: {
        "segmentation.yaml": CONFIG,
        "data/customers.csv": customersCsv(),
        "segments/spending/high.yaml": SEGMENT("high", "High scorers", "score >= 50"),
        "segments/spending/low.yaml": SEGMENT("low", "Low scorers", "score < 50"),
      },
      today: "2026-11-01",
    });
    expect(site.result.outDir, site.result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
  }, 600_000);
  afterAll(() => site?.remove());

  it("the lock records the sample: 3,000 of the 3,600 fitted members", () => {
    const clusters = (site.lockJson as unknown as { clusters: { k: number; silhouetteSample?: { rows: number; of: number } } }).clusters;
    expect(CUSTOMERS).toBeGreaterThan(SILHOUETTE_SAMPLE);
    expect(clusters.silhouetteSample).toEqual({ rows: SILHOUETTE_SAMPLE, of: CUSTOMERS });
    expect(clusters.k).toBe(3);
  });

  it("says in words that the silhouette was computed on a seeded sample, of how many, and of how many fitted", () => {
    const html = builtPage(site.outDir, "clusters");
    expect(figureText(html, "silhouette-sample")).toBe("Silhouettes are computed on a seeded sample of 3,000 of the 3,600 fitted members (on every member up to 3,000).");
    expect(figureText(html, "k")).toMatch(/^Clusters 3 chosen from k = 2–4; silhouette 0\.\d{3} \(sample of 3,000\)$/);
    // The members fitted are the whole population: the fit itself used no sample.
    expect(textOf(html)).toContain("Fitted on 3,600 complete members");
  });
});
