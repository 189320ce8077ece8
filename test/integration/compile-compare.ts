/**
 * For the compile tests: run the engine on a workspace and read its features
 * and memberships in a form any database's output can be compared with (dates
 * and timestamps as ISO text, numbers as numbers), and compare row sets.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { clusterModelFromLock } from "../../src/compile/cluster-model.ts";
import { assignClustersSql } from "../../src/engine/cluster/assign-sql.ts";
import { buildFeatureTable } from "../../src/engine/build-feature-table.ts";
import { openDatabase, type Database, type Row } from "../../src/engine/duckdb.ts";
import { loadSources } from "../../src/engine/load-sources.ts";
import { assignMemberships } from "../../src/engine/membership.ts";
import { runEngine } from "../../src/engine/run-engine.ts";
import { readLock } from "../../src/lock/lock-file.ts";
import { previousClustersOf } from "../../src/lock/previous-clusters.ts";

export interface EngineTables {
  /** Feature columns with their DuckDB types, in the engine's order. */
  columns: { name: string; type: string }[];
  features: Row[];
  /** Undefined when a segment is defined by a cluster (the engine assigns those with its own fit). */
  memberships: Row[] | undefined;
  /** The engine's nearest-centroid assignment with the lock's model, when the lock has one. */
  clusters: Row[] | undefined;
}

/** The engine's steps (run-engine) up to memberships, and its cluster assignment with the lock's model. */
export async function engineTables(root: string, dataRoot: string): Promise<EngineTables> {
  const definitions = checkDefinitions({ root, today: "2026-11-23", dataDir: dataRoot });
  expect(definitions.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const config = definitions.workspace.config!;
  const db = await openDatabase();
  try {
    // Data warnings (Online Retail has exact copies of order lines) do not stop the comparison.
    expect((await loadSources(db, config, dataRoot)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    await buildFeatureTable(db, config.value, definitions.asOf);
    const columns = (await db.all(`SELECT column_name, column_type AS data_type FROM (DESCRIBE "features")`)).map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
    const features = await readFeatures(db, "features", columns);
    let memberships: Row[] | undefined;
    if (!definitions.workspace.segments.some((s) => "cluster" in s.value.definition)) {
      await assignMemberships(db, config.value, definitions.workspace.segments);
      memberships = await readMemberships(db, "memberships");
    }
    const lock = JSON.parse(readFileSync(join(root, "segments.lock.json"), "utf8")) as { clusters?: unknown };
    const model = clusterModelFromLock(lock.clusters);
    let clusters: Row[] | undefined;
    if (model.status === "ok") {
      const { features: names, steps, centroids } = model.model;
      await db.run(assignClustersSql({ transform: { features: names, steps }, centroids: centroids.map((c) => c.point), ids: centroids.map((c) => c.id), names: centroids.map((c) => c.name), fences: [] }));
      clusters = await readClusters(db, "clusters");
    }
    return { columns, features, memberships, clusters };
  } finally {
    db.close();
  }
}

export async function readClusters(db: Database, relation: string): Promise<Row[]> {
  return db.all(`SELECT CAST("member_id" AS VARCHAR) AS "member_id", "cluster_id", "cluster_name", "distance" FROM "${relation}" ORDER BY "member_id"`);
}

/** `SELECT` list reading each column as comparable values: temporal values as text. */
export function comparableColumns(columns: EngineTables["columns"], quote: (name: string) => string, text: string): string {
  return columns.map((c) => (/^(DATE|TIMESTAMP)/.test(c.type) ? `CAST(${quote(c.name)} AS ${text}) AS ${quote(c.name)}` : quote(c.name))).join(", ");
}

export async function readFeatures(db: Database, relation: string, columns: EngineTables["columns"]): Promise<Row[]> {
  return db.all(`SELECT ${comparableColumns(columns, (n) => `"${n}"`, "VARCHAR")} FROM "${relation}" ORDER BY "member_id"`);
}

export async function readMemberships(db: Database, relation: string): Promise<Row[]> {
  return db.all(`SELECT "scheme", CAST("member_id" AS VARCHAR) AS "member_id", "segment" FROM "${relation}" ORDER BY "scheme", "member_id", "segment"`);
}

/**
 * The first differences between two row lists, as text (empty when equal).
 * Numbers agree within 1e-9 relative: sums add in the same ascending order on
 * both databases now, but math functions such as ln, exp and pow are each
 * database's own and may round the last bit differently; everything else exactly.
 */
export function rowDifferences(expected: readonly Row[], actual: readonly Row[], columns: readonly string[], limit = 5): string[] {
  const out: string[] = [];
  if (expected.length !== actual.length) out.push(`${expected.length} rows expected, ${actual.length} found`);
  for (let i = 0; i < Math.min(expected.length, actual.length) && out.length < limit; i++) {
    for (const column of columns) {
      if (!sameValue(expected[i]![column], actual[i]![column])) {
        out.push(`row ${i} (${String(expected[i]!.member_id)}) ${column}: expected ${JSON.stringify(expected[i]![column])}, found ${JSON.stringify(actual[i]![column])}`);
        break;
      }
    }
  }
  return out;
}

function sameValue(a: Row[string] | undefined, b: Row[string] | undefined): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const x = typeof a === "number" ? a : typeof a === "string" && typeof b === "number" ? Number(a) : Number.NaN;
  const y = typeof b === "number" ? b : typeof b === "string" && typeof a === "number" ? Number(b) : Number.NaN;
  if (Number.isFinite(x) && Number.isFinite(y)) return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  if (typeof a === "boolean" || typeof b === "boolean") return String(a)[0] === String(b)[0];
  return String(a) === String(b);
}

/**
 * The cluster of every member as the engine itself assigns it (its own fit,
 * kept stable against the lock), when the lock's centroids are the ones the
 * engine fits now; otherwise the reason the lock is stale.
 */
export async function engineClusterColumns(root: string, dataRoot: string): Promise<{ rows: Row[] } | { stale: string } | undefined> {
  const definitions = checkDefinitions({ root, today: "2026-11-23", dataDir: dataRoot });
  if (!definitions.workspace.config?.value.clustering) return undefined;
  const read = readLock(root);
  if (read.status !== "ok") return { stale: `the lock is ${read.status}` };
  const previousClusters = previousClustersOf(read.lock);
  const engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, { dataRoot, asOf: definitions.asOf, keepDatabase: true, ...(previousClusters ? { previousClusters } : {}) });
  const db = engine.db!;
  try {
    const locked = clusterModelFromLock((JSON.parse(read.text) as { clusters?: unknown }).clusters);
    const fitted = engine.clustering?.clusters ?? [];
    if (locked.status !== "ok") return { stale: "the lock has no usable cluster model" };
    const same =
      fitted.length === locked.model.centroids.length &&
      fitted.every((c) => {
        const mine = locked.model.centroids.find((l) => l.id === c.id);
        return mine !== undefined && c.centroid.every((v, j) => Math.abs(v - mine.point[j]!) < 1e-6);
      });
    if (!same) return { stale: "the engine fits other centroids than the lock holds (run seg lock)" };
    return { rows: await db.all(`SELECT CAST("member_id" AS VARCHAR) AS "member_id", "cluster_id", "cluster_name" FROM "features" ORDER BY "member_id"`) };
  } finally {
    db.close();
  }
}
