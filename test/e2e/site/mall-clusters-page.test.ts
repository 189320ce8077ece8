/**
 * The Clusters page of a Mall Customers workspace (200 customers, k = 5 on raw
 * annual income and spending score, the textbook example) shows the inertia
 * and silhouette scikit-learn computes on the same CSV: 44,448.46 and 0.554.
 * The workspace is built once with the real engine and a real Astro build; the
 * reference is pandas + scikit-learn run on the CSV (test/reference).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtPage, figureText, tableById } from "../../support/built-html.ts";
import { dataPath, missingData, missingPython, runPython } from "../../support/shared-data.ts";
import { expectClustersPage, fixed } from "./support/results-contract.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const INCOME = "Annual Income (k$)";
const SCORE = "Spending Score (1-100)";

const CONFIG = `name: Mall customers
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Find the mall's spending groups.
  stakeholders: [{ name: Mall marketing, role: Campaigns }]
  scope: { unit: customer }
  deliverables: [Clusters]
sources:
  customers:
    path: Mall_Customers.csv
    kind: accounts
    key: customer_id
    columns:
      customer_id: { type: string, kind: key, from: CustomerID }
      annual_income: { type: number, kind: demographic, from: "${INCOME}" }
      spending_score: { type: number, kind: behavioral, from: "${SCORE}" }
schemes:
  spending:
    label: Spending
    exclusive: true
clustering:
  scheme: spending
  features: [annual_income, spending_score]
  transform: []
  k: { min: 5, max: 5 }
`;

const SEGMENT = (id: string, name: string, where: string) => `id: ${id}
name: ${name}
summary: Customers by spending score.
status: active
approach: behavioral
definition:
  where: ${where}
`;

const missing = missingData("mall-customers", "Mall_Customers.csv") ?? missingPython();
if (missing) console.warn(`Mall clusters page test skipped: ${missing}`);

describe.runIf(!missing)("the Clusters page of the Mall workspace", () => {
  let site: WorkspaceSite;
  let reference: { inertia: number; silhouette: number; sizes: number[] };

  beforeAll(async () => {
    site = await buildWorkspaceSite({
      files: {
        "segmentation.yaml": CONFIG,
        "segments/spending/big-spenders.yaml": SEGMENT("big-spenders", "Big spenders", "spending_score >= 60"),
        "segments/spending/careful-spenders.yaml": SEGMENT("careful-spenders", "Careful spenders", "spending_score < 60"),
      },
      dataDir: dataPath("mall-customers"),
      today: "2026-11-01",
    });
    expect(site.result.outDir, site.result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
    reference = JSON.parse(runPython("kmeans_csv_reference.py", [dataPath("mall-customers", "Mall_Customers.csv"), "5", INCOME, SCORE]));
  }, 600_000);
  afterAll(() => site?.remove());

  it("shows inertia 44,448.46 and silhouette 0.554 at k = 5, as scikit-learn computes them", () => {
    expect(fixed(reference.inertia, 2)).toBe("44,448.46");
    expect(fixed(reference.silhouette, 3)).toBe("0.554");
    const html = builtPage(site.outDir, "clusters");
    const row = tableById(html, "k-table").rows.find((r) => r[0] === "5");
    expect(row?.slice(1)).toEqual(["44,448.46", "0.554", "chosen: highest silhouette"]);
    expect(figureText(html, "k")).toBe("Clusters 5 chosen from k = 5–5; silhouette 0.554");
  });

  it("shows the cluster sizes scikit-learn finds", () => {
    const sizes = tableById(builtPage(site.outDir, "clusters"), "profiles-table").rows.map((r) => Number(r[1]!.replaceAll(",", "")));
    expect(sizes).toEqual(reference.sizes);
  });

  it("keeps the contract: every clustering result on the page with the engine's figure", () => {
    expectClustersPage(site);
  });
});
