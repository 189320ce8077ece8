/**
 * A feature named like the column it reads (tenure for tenure, monthly_charges
 * for monthly_charges, contract for Contract) on the real Telco data: the
 * engine's features table holds each name once, with the feature's value;
 * seg explain and seg export show it under its name; every compile target
 * selects it once. The compiled SQL running on DuckDB and PostgreSQL is covered
 * by compile-duckdb and compile-postgres, which include this fixture.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { compile } from "../../src/api/compile.ts";
import type { NormalizationCoverage } from "../../src/engine/normalization-coverage.ts";
import { runEngine } from "../../src/engine/run-engine.ts";
import { runSeg } from "../support/run-seg.ts";
import { dataPath, missingData } from "../support/shared-data.ts";
import { NAMED_LIKE_COLUMNS } from "./compile-cases.ts";

const missing = missingData("telco-churn", "Telco-Customer-Churn.csv");
if (missing) console.warn(`feature-named-like-column skipped: ${missing}`);
const DATA = dataPath("telco-churn");

describe.runIf(!missing)("a feature named like its column", () => {
  const out = mkdtempSync(join(tmpdir(), "seg-named-like-column-"));
  const env = { SEG_CACHE_DIR: join(out, "cache") };
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  let columns: string[];
  let first: Record<string, unknown> | undefined;
  let normalization: NormalizationCoverage[];
  beforeAll(async () => {
    const definitions = checkDefinitions({ root: NAMED_LIKE_COLUMNS, today: "2026-11-23", dataDir: DATA });
    expect(definitions.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, { dataRoot: DATA, asOf: definitions.asOf, keepDatabase: true });
    try {
      columns = (await engine.db!.all(`SELECT column_name FROM (DESCRIBE "features")`)).map((r) => String(r.column_name));
      [first] = await engine.db!.all(`SELECT * FROM "features" WHERE member_id = '7590-VHVEG'`);
      normalization = engine.normalization;
    } finally {
      engine.db!.close();
    }
  });

  it("puts each name in the features table once, holding the feature", () => {
    expect(columns).toEqual(["member_id", "customerID", "PaymentMethod", "tenure", "monthly_charges", "contract", "internetservice", "pays_by_check"]);
    expect(first).toMatchObject({ tenure: 1, monthly_charges: 29.85, contract: "Month-to-month", internetservice: "dsl", pays_by_check: true });
  });

  it("reports the normalization of a column the feature replaces, from the source's raw text", () => {
    // pandas: InternetService is Fiber optic 3096, DSL 2421, No 1526.
    expect(normalization).toEqual([{ feature: "internetservice", column: "InternetService", total: 7043, mapped: 5517, share: 5517 / 7043, unmapped: [{ value: "No", count: 1526 }] }]);
  });

  it("explains a customer with the feature values by name", () => {
    const result = runSeg(["explain", "7590-VHVEG", "--root", NAMED_LIKE_COLUMNS, "--data-dir", DATA], { cwd: NAMED_LIKE_COLUMNS, env });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("contract → monthly-new");
    expect(result.stdout).toContain("✗ monthly_charges > 70   (monthly_charges = 29.85)");
    expect(result.stdout).toContain("✓ tenure < 12   (tenure = 1)");
  });

  it("exports each feature once under its own name", () => {
    const file = join(out, "members.csv");
    const result = runSeg(["export", "--root", NAMED_LIKE_COLUMNS, "--data-dir", DATA, "--format", "csv", "--out", file], { cwd: NAMED_LIKE_COLUMNS, env });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(7044);
    expect(lines[0]).toBe("member_id,segment_contract,customerID,PaymentMethod,tenure,monthly_charges,contract,internetservice,pays_by_check");
    expect(lines.find((l) => l.startsWith("7590-VHVEG,"))).toBe("7590-VHVEG,monthly-new,7590-VHVEG,Electronic check,1,29.85,Month-to-month,dsl,true");
  });

  it.each(["duckdb", "postgres", "bigquery", "snowflake"] as const)("selects each name once in the %s features view", (target) => {
    const compiled = compile({ root: NAMED_LIKE_COLUMNS, today: "2026-11-23", target });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const base = /base AS \(\n\s+SELECT\n([\s\S]*?)\n\s+FROM members m/.exec(compiled.files[0]!.text)?.[1];
    expect(base).toBeDefined();
    const names = base!.split(",\n").map((line) => /(?:AS |\.)([`"]?)(\w+)\1\s*$/.exec(line.trim())?.[2]?.toLowerCase());
    expect(names).toEqual(["member_id", "customerid", "paymentmethod", "tenure", "monthly_charges", "contract", "internetservice"]);
  });

  it("selects each name once in the dbt features model", () => {
    const compiled = compile({ root: NAMED_LIKE_COLUMNS, today: "2026-11-23", target: "dbt", dialect: "postgres" });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const model = compiled.files.find((f) => f.path.endsWith("seg_features.sql"))!.text;
    expect(model).toContain('a."monthly_charges" AS "monthly_charges"');
    expect(model).toContain('a."Contract" AS "contract"');
    expect(model).not.toMatch(/a\."Contract",|a\."tenure",/);
  });
});
