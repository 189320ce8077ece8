/**
 * The SQL `seg compile --target postgres` writes, run on a real PostgreSQL
 * server started for the test with the example data loaded by COPY into typed
 * tables named like the sources, gives the engine's features and memberships
 * row for row. Skipped, with the reason printed, when PostgreSQL is missing.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { compile } from "../../src/api/compile.ts";
import { postgres } from "../../src/expr/dialects/postgres.ts";
import type { Row } from "../../src/engine/duckdb.ts";
import type { Source } from "../../src/schema/source.ts";
import { COMPILE_CASES } from "./compile-cases.ts";
import { comparableColumns, engineTables, rowDifferences, type EngineTables } from "./compile-compare.ts";
import { missingPostgres, startPostgres, type PostgresServer } from "./compile-postgres-server.ts";

const noServer = missingPostgres();
if (noServer) console.warn(`compile-postgres skipped: ${noServer}`);

const PG_TYPES: Record<string, string> = { string: "text", integer: "bigint", number: "double precision", boolean: "boolean", date: "date", timestamp: "timestamp" };

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
      const load = [`CREATE SCHEMA ${q(schema)};`, `SET search_path TO ${q(schema)};`];
      for (const [name, source] of Object.entries(workspace.config!.value.sources)) {
        const file = resolve(dataRoot, source.path);
        const columns = csvHeader(file).map((column) => `${q(column)} ${PG_TYPES[declaredType(source, column)] ?? "text"}`);
        load.push(`CREATE TABLE ${q(name)} (${columns.join(", ")});`);
        const from = file.endsWith(".gz") ? `PROGRAM 'gzip -dc ${file.replaceAll("'", "''")}'` : `'${file.replaceAll("'", "''")}'`;
        load.push(`\\copy ${q(name)} FROM ${from} WITH (FORMAT csv, HEADER true)`);
      }
      server.run(load.join("\n"));
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

function csvHeader(file: string): string[] {
  const bytes = readFileSync(file);
  const text = (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).subarray(0, 64 * 1024).toString("utf8");
  return text.split("\n")[0]!.replace(/\r$/, "").split(",").map((c) => c.replace(/^"|"$/g, ""));
}

/** The declared type of the file column, if a declared column reads it. */
function declaredType(source: Source, fileColumn: string): string {
  const entry = Object.entries(source.columns).find(([name, c]) => c.expression === undefined && (c.from ?? name) === fileColumn);
  return entry?.[1].type ?? "string";
}
