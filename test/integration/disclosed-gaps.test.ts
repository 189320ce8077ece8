/**
 * Nothing left out in silence, on real data: Telco's 11 blank TotalCharges are
 * a feature-coverage finding at the feature's column and a coverage entry in the
 * lock; Online Retail's 21 customers that Tukey's fences set aside before
 * k-means are a clustering-set-aside finding, counted in the lock, marked
 * `outlier` in seg export's cluster_status and explained by seg explain. Both
 * counts are checked against pandas (test/reference).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";
import { runSeg } from "../support/run-seg.ts";
import { dataPath, missingData, missingPython, runPython } from "../support/shared-data.ts";
import { tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

const TELCO_CONFIG = `name: Telco churn
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Keep the customers we have.
  stakeholders:
    - { name: Ana, role: Analyst }
  scope: { unit: customer }
  deliverables: [A playbook]
sources:
  customers:
    path: Telco-Customer-Churn.csv
    kind: accounts
    key: customerID
    columns:
      customerID: { type: string, kind: key }
      Contract: { type: string, kind: behavioral }
      TotalCharges: { type: number, kind: behavioral }
      MonthlyCharges: { type: number, kind: behavioral }
features:
  total_charges: { source: customers, column: TotalCharges }
  monthly_charges: { source: customers, column: MonthlyCharges }
schemes:
  contract:
    label: Contract
`;

const telcoMissing = missingData("telco-churn", "Telco-Customer-Churn.csv") ?? missingPython();
if (telcoMissing) console.warn(`disclosed-gaps on Telco skipped: ${telcoMissing}`);

describe.runIf(!telcoMissing)("Telco's blank TotalCharges", () => {
  let ws: TempWorkspace;
  let result: CheckResult;
  beforeAll(async () => {
    ws = tempWorkspace({ "segmentation.yaml": TELCO_CONFIG, "segments/usage/heavy.yaml": null, "data/accounts.csv": null, "data/events.csv": null });
    result = await check({ root: ws.root, today: "2026-11-23", dataDir: dataPath("telco-churn"), cache: false });
  });
  afterAll(() => ws?.remove());

  it("are 11 of 7043 rows, as pandas counts them", () => {
    expect(JSON.parse(runPython("missing_reference.py", [dataPath("telco-churn", "Telco-Customer-Churn.csv"), "TotalCharges"]))).toEqual({ rows: 7043, missing: 11 });
  });

  it("are reported at the feature's column, naming the count and the source column", () => {
    const findings = result.diagnostics.filter((d) => d.ruleId === "feature-coverage");
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "info",
        file: "segmentation.yaml",
        line: 22,
        column: 47,
        message: '11 of 7043 members (0.2%) have no value for "total_charges" (column TotalCharges of source customers is blank); averages, tiers and tests on it leave them out.',
      }),
    ]);
  });

  it("are recorded in the lock as the feature's coverage", () => {
    expect(result.data!.lock.coverage).toEqual({
      monthly_charges: { values: 7043, missing: 0, share: 1 },
      total_charges: { values: 7032, missing: 11, share: 0.998438 },
    });
  });

  it("become a warning above thresholds.max_missing_share", async () => {
    ws.write("segmentation.yaml", `${TELCO_CONFIG}thresholds:\n  max_missing_share: 0.001\n`);
    const strict = await check({ root: ws.root, today: "2026-11-23", dataDir: dataPath("telco-churn"), cache: false });
    expect(strict.diagnostics.filter((d) => d.ruleId === "feature-coverage")).toEqual([
      expect.objectContaining({ severity: "warning", line: 22, column: 47, data: expect.objectContaining({ missing: 11, members: 7043, max: "0.1%" }) }),
    ]);
  });
});

const RETAIL = resolve(import.meta.dirname, "../../examples/online-retail");
const retailMissing = missingData("online-retail", "online_retail.csv.gz") ?? missingPython();
if (retailMissing) console.warn(`disclosed-gaps on Online Retail skipped: ${retailMissing}`);

describe.runIf(!retailMissing)("Online Retail's customers set aside by clustering", () => {
  const DATA = dataPath("online-retail");
  const out = mkdtempSync(join(tmpdir(), "seg-disclosed-gaps-"));
  const rfmCsv = join(out, "rfm.csv");
  let result: CheckResult;
  let reference: { members: number; outliers: number[]; byFeature: Record<string, number> };
  beforeAll(async () => {
    result = await check({ root: RETAIL, today: "2026-11-23", dataDir: DATA });
    runPython("rfm_reference.py", [dataPath("online-retail", "online_retail.csv.gz"), rfmCsv]);
    reference = JSON.parse(runPython("outliers_reference.py", [rfmCsv, "recency", "frequency", "monetary"]));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("are the 21 customers pandas finds outside the fences of two features", () => {
    expect(reference.members).toBe(4338);
    expect(reference.outliers).toHaveLength(21);
    expect(reference.byFeature).toEqual({ recency: 0, frequency: 21, monetary: 21 });
  });

  it("are reported as information at clustering.features, with the figures", () => {
    // The only other finding is the copies of earlier order lines that the data contracts report.
    expect(result.diagnostics.map((d) => d.ruleId).sort()).toEqual(["clustering-set-aside", "data/duplicate-id"]);
    expect(result.diagnostics.filter((d) => d.ruleId === "clustering-set-aside")).toEqual([
      expect.objectContaining({
        ruleId: "clustering-set-aside",
        severity: "info",
        file: "segmentation.yaml",
        line: 73,
        column: 13,
        message:
          "21 of 4338 members (0.5%) are set aside as outliers, outside the Tukey fences of two or more transformed clustering features (frequency 21, monetary 21): k-means is fitted without them, then each is assigned to its nearest cluster.",
      }),
    ]);
  });

  it("are counted in the lock", () => {
    expect(result.data!.lock.clusters?.setAside).toEqual({ outliers: 21, missing: 0 });
    expect(JSON.parse(readFileSync(join(RETAIL, "segments.lock.json"), "utf8")).clusters.setAside).toEqual({ outliers: 21, missing: 0 });
  });

  it("are the customers seg export marks as outliers in cluster_status", () => {
    const file = join(out, "members.csv");
    const run = runSeg(["export", "--root", RETAIL, "--data-dir", DATA, "--out", file, "--columns", "cluster_id,cluster_status"], { cwd: RETAIL });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toBe("member_id,segment_rfm,cluster_id,cluster_status");
    const rows = lines.slice(1).map((line) => line.split(","));
    const status = (s: string) => rows.filter((r) => r[3] === s).map((r) => Number(r[0]));
    expect(status("outlier").sort((a, b) => a - b)).toEqual(reference.outliers);
    expect(status("fitted")).toHaveLength(4338 - 21);
    expect(status("missing")).toEqual([]);
    expect(rows.every((r) => r[2] !== "")).toBe(true);
  });

  it("are explained as set aside by seg explain", () => {
    const outlier = String(reference.outliers[0]);
    const run = runSeg(["explain", outlier, "--root", RETAIL, "--data-dir", DATA], { cwd: RETAIL });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\ncluster → .+ \(cluster-\d+\): set aside as an outlier \(outside the Tukey fences of two or more clustering features\), not fitted on, assigned to its nearest cluster \(cluster_status outlier\)\n/);
    const json = JSON.parse(runSeg(["explain", outlier, "--root", RETAIL, "--data-dir", DATA, "--format", "json"], { cwd: RETAIL }).stdout);
    expect(json.cluster).toMatchObject({ status: "outlier", id: expect.stringMatching(/^cluster-\d+$/) });
  });
});
