/**
 * The SQL `seg compile --target postgres` writes, run on a real PostgreSQL
 * server started for the test with the example data loaded by COPY into typed
 * tables named like the sources, gives the engine's features and memberships
 * row for row. Skipped, with the reason printed, when PostgreSQL is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { compile } from "../../src/api/compile.ts";
import { postgres } from "../../src/expr/dialects/postgres.ts";
import type { Row } from "../../src/engine/duckdb.ts";
import { COMPILE_CASES } from "./compile-cases.ts";
import { comparableColumns, engineTables, rowDifferences, type EngineTables } from "./compile-compare.ts";
import { missingPostgres, startPostgres, type PostgresServer } from "./compile-postgres-server.ts";
import { loadSourceTables } from "./warehouse-tables.ts";

const noServer = missingPostgres();
if (noServer) console.warn(`compile-postgres skipped: ${noServer}`);

describe.runIf(!noServer)("compiled PostgreSQL SQL", () => {
  let server: PostgresServer;
  beforeAll(() => {
    server = startPostgres();
  });
  afterAll(() => server?.stop());

  describe.each(COMPILE_CASES)("on $name", ({ root, dataRoot, missing, schema, memberships }) => {
    if (missing) console.warn(`compile-postgres on ${root} skipped: ${missing}`);
    let engine: EngineTables;
    const q = postgres.quoteIdent;

    beforeAll(async () => {
      if (missing) return;
      engine = await engineTables(root, dataRoot);
      const { workspace } = checkDefinitions({ root, today: "2026-11-23", dataDir: dataRoot });
      server.run(`${loadSourceTables(schema, workspace.config!.value.sources, dataRoot, q)}\nSET search_path TO ${q(schema)};`);
      const compiled = compile({ root, today: "2026-11-23", target: "postgres", schema: [schema], tables: Object.fromEntries(Object.keys(workspace.config!.value.sources).map((s) => [s, [schema, s]])) });
      expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      server.run(compiled.files[0]!.text);
    });

    it.skipIf(Boolean(missing))("gives every member the engine's features", () => {
      const select = comparableColumns(engine.columns, q, "text");
      expect(engine.features.length).toBeGreaterThan(0);
      const rows = server.query(`SELECT ${select} FROM ${q(schema)}."seg_features" ORDER BY "member_id"`);
      expect(Object.keys(rows[0] ?? {})).toEqual(engine.columns.map((c) => c.name));
      expect(rowDifferences(engine.features, rows as Row[], engine.columns.map((c) => c.name))).toEqual([]);
    });

    it.skipIf(Boolean(missing))("assigns the lock's clusters as the engine does", () => {
      if (!engine.clusters) return;
      const rows = server.query(`SELECT CAST("member_id" AS text) AS "member_id", "cluster_id", "cluster_name", "distance" FROM ${q(schema)}."seg_clusters" ORDER BY 1`);
      expect(rowDifferences(engine.clusters, rows as Row[], ["member_id", "cluster_id", "cluster_name", "distance"])).toEqual([]);
    });

    it.skipIf(Boolean(missing))("puts every member in the engine's segments", () => {
      const rows = server.query(`SELECT "scheme", CAST("member_id" AS text) AS "member_id", "segment" FROM ${q(schema)}."seg_memberships" ORDER BY 1, 2, 3`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(engine.memberships ?? memberships);
    });
  });
});

