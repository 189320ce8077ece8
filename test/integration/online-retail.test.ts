/**
 * Seg's RFM on the real UCI Online Retail data equals an independent pandas
 * computation customer by customer, and reproduces the published figures.
 */
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import type { Database } from "../../src/engine/duckdb.ts";
import { runEngine, type EngineResult } from "../../src/engine/run-engine.ts";
import { dataPath, missingData, missingPython, runPython } from "../support/shared-data.ts";

const WORKSPACE = resolve(import.meta.dirname, "../../examples/online-retail");
const missing = missingData("online-retail", "online_retail.csv.gz") ?? missingPython();
if (missing) console.warn(`online-retail reference test skipped: ${missing}`);

describe.runIf(!missing)("Online Retail RFM against pandas", () => {
  let engine: EngineResult;
  let db: Database;
  let reference: Record<string, number | string>;
  const refCsv = join(tmpdir(), `seg-rfm-reference-${process.pid}.csv`);

  beforeAll(async () => {
    const definitions = checkDefinitions({ root: WORKSPACE, today: "2026-11-23", dataDir: dataPath("online-retail") });
    expect(definitions.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, { dataRoot: dataPath("online-retail"), asOf: definitions.asOf, keepDatabase: true });
    db = engine.db!;
    reference = JSON.parse(runPython("rfm_reference.py", [dataPath("online-retail", "online_retail.csv.gz"), refCsv]));
  });
  afterAll(() => {
    db?.close();
    rmSync(refCsv, { force: true });
  });

  it("keeps 397,884 rows and 4,338 customers after cleaning", () => {
    expect(engine.sources[0]).toMatchObject({ rowsRead: 541909, rows: 397884 });
    expect(engine.members).toBe(4338);
    expect(reference).toMatchObject({ rows: 397884, customers: 4338 });
  });

  it("reproduces the published RFM figures", async () => {
    const [s] = await db.all(`SELECT avg(recency_days) AS rm, median(recency_days) AS rmed, avg(frequency) AS fm, max(frequency) AS fmax, avg(monetary) AS mm, max(monetary) AS mmax FROM features`);
    expect(Number(s!.rm)).toBeCloseTo(92.54, 2);
    expect(Number(s!.rmed)).toBe(51);
    expect(Number(s!.fm)).toBeCloseTo(4.27, 2);
    expect(Number(s!.fmax)).toBe(209);
    expect(Number(s!.mm)).toBeCloseTo(2054.27, 2);
    expect(Number(s!.mmax)).toBeCloseTo(280206.02, 2);
  });

  it("gives every customer the same recency, frequency, monetary, tenure and quintile scores as pandas", async () => {
    const ours = await db.all(`SELECT CAST(member_id AS VARCHAR) AS id, recency_days, frequency, monetary, tenure_days, r_score, f_score, m_score FROM features ORDER BY member_id`);
    const lines = readFileSync(refCsv, "utf8").trim().split("\n").slice(1);
    expect(ours).toHaveLength(lines.length);
    const mismatches: string[] = [];
    lines.forEach((line, i) => {
      const [id, recency, frequency, monetary, tenure, r, f, m] = line.split(",");
      const row = ours[i]!;
      const same =
        row.id === id &&
        row.recency_days === Number(recency) &&
        row.frequency === Number(frequency) &&
        Math.abs(Number(row.monetary) - Number(monetary)) < 1e-4 &&
        row.tenure_days === Number(tenure) &&
        row.r_score === Number(r) &&
        row.f_score === Number(f) &&
        row.m_score === Number(m);
      if (!same && mismatches.length < 5) mismatches.push(`pandas ${line} vs seg ${JSON.stringify(row)}`);
    });
    expect(mismatches).toEqual([]);
  });
});
