/**
 * The SQL `seg compile --target duckdb` writes, run on the data loaded into
 * plain tables named like the sources, gives the engine's features, clusters
 * and memberships row for row: on the example workspace (accounts, windows,
 * normalization, buckets, RFM as of a date), on Online Retail (derived columns,
 * a filter, integer member ids, RFM from the newest purchase) and on the
 * compile fixture (hostile text, every aggregate, clusters from the lock,
 * overlapping and empty schemes).
 */
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { compile } from "../../src/api/compile.ts";
import { openDatabase, type Database } from "../../src/engine/duckdb.ts";
import { COMPILE_CASES } from "./compile-cases.ts";
import { engineClusterColumns, engineTables, readClusters, readFeatures, readMemberships, rowDifferences, type EngineTables } from "./compile-compare.ts";

describe.each(COMPILE_CASES)("compiled DuckDB SQL on $name", ({ root, dataRoot, missing, memberships }) => {
  if (missing) console.warn(`compile-duckdb on ${root} skipped: ${missing}`);
  let engine: EngineTables;
  let db: Database;

  beforeAll(async () => {
    if (missing) return;
    engine = await engineTables(root, dataRoot);
    const compiled = compile({ root, today: "2026-11-23", target: "duckdb" });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    db = await openDatabase();
    const { workspace } = checkDefinitions({ root, today: "2026-11-23", dataDir: dataRoot });
    for (const [name, source] of Object.entries(workspace.config!.value.sources)) {
      const file = resolve(dataRoot, source.path!).replaceAll("'", "''");
      await db.run(`CREATE TABLE "${name}" AS SELECT * FROM read_csv('${file}', header = true)`);
    }
    for (const statement of compiled.statements) await db.run(statement);
  });
  afterAll(() => db?.close());

  it.skipIf(Boolean(missing))("gives every member the engine's features", async () => {
    const rows = await readFeatures(db, "seg_features", engine.columns);
    expect(engine.features.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {})).toEqual(engine.columns.map((c) => c.name));
    expect(rowDifferences(engine.features, rows, engine.columns.map((c) => c.name))).toEqual([]);
  });

  it.skipIf(Boolean(missing))("assigns the lock's clusters as the engine does", async () => {
    if (!engine.clusters) return;
    const rows = await readClusters(db, "seg_clusters");
    expect(rowDifferences(engine.clusters, rows, ["member_id", "cluster_id", "cluster_name", "distance"])).toEqual([]);
  });

  it.skipIf(Boolean(missing))("puts every member in the cluster the engine's own fit gives it", async () => {
    // The fixture's lock holds only a cluster model, not a fit of its data.
    if (memberships) return;
    const engineClusters = await engineClusterColumns(root, dataRoot);
    if (engineClusters === undefined) return;
    if ("stale" in engineClusters) {
      console.warn(`compile-duckdb on ${root}: cluster comparison with the engine's fit skipped: ${engineClusters.stale}`);
      return;
    }
    const rows = await db.all(`SELECT CAST("member_id" AS VARCHAR) AS "member_id", "cluster_id", "cluster_name" FROM "seg_clusters" ORDER BY "member_id"`);
    expect(rowDifferences(engineClusters.rows, rows, ["member_id", "cluster_id", "cluster_name"])).toEqual([]);
  });

  it.skipIf(Boolean(missing))("puts every member in the engine's segments", async () => {
    const rows = await readMemberships(db, "seg_memberships");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(engine.memberships ?? memberships);
  });
});
