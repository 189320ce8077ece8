/**
 * Read the clustering features from the `features` table into a matrix, for
 * fitting. Members with a missing or non-finite value in any clustering feature
 * cannot be placed and are left out (and counted). Beyond `sample` complete
 * members, a deterministic sample is read: the members first in the order of
 * sample-key.ts (md5 of the id and the seed), so the same data and seed give
 * the same rows, on DuckDB and in a warehouse alike.
 * Rows come back ordered by member id.
 */
import { duckdb } from "../../expr/dialects/duckdb.ts";
import type { Database } from "../duckdb.ts";
import { FEATURES, MEMBER_ID, num, q } from "../sql-names.ts";
import type { FeatureSummary } from "./feature-summary.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { sampleKeySql } from "./sample-key.ts";

export interface FeatureMatrix {
  /** Member id of each row. */
  ids: (string | number)[];
  /** Original units, one column per feature in the given order. */
  matrix: Matrix;
  /** Members in the table. */
  members: number;
  /** Members with a missing or non-finite clustering feature. */
  incomplete: number;
  /** True when only a sample of the complete members was read. */
  sampled: boolean;
}

export interface ReadMatrixOptions {
  /** Read at most this many members. */
  sample: number;
  seed: number;
  /** Default: the `features` table. */
  table?: string;
}

/** SQL condition: every feature present and finite. */
export function completeCondition(features: readonly string[]): string {
  return features.map((f) => `coalesce(isfinite(CAST(${q(f)} AS DOUBLE)), FALSE)`).join(" AND ");
}

export async function readMatrix(db: Database, features: readonly string[], options: ReadMatrixOptions): Promise<FeatureMatrix> {
  const table = options.table ?? FEATURES;
  const complete = completeCondition(features);
  const counts = await db.all(`SELECT count(*) AS members, count(*) FILTER (WHERE ${complete}) AS complete FROM ${table}`);
  const members = Number(counts[0]?.members ?? 0);
  const completeCount = Number(counts[0]?.complete ?? 0);
  const sampled = completeCount > options.sample;
  const values = features.map((f, j) => `CAST(${q(f)} AS DOUBLE) AS ${q(`x${j}`)}`);
  const rows = sampled
    ? `(SELECT * FROM ${table} WHERE ${complete} ORDER BY ${sampleKeySql(duckdb, q(MEMBER_ID), options.seed)}, ${q(MEMBER_ID)} LIMIT ${num(options.sample)})`
    : `(SELECT * FROM ${table} WHERE ${complete})`;
  const columns = await db.columns(`SELECT ${q(MEMBER_ID)} AS id, ${values.join(", ")} FROM ${rows} ORDER BY ${q(MEMBER_ID)}`);
  const ids = (columns.id ?? []) as (string | number)[];
  const matrix = createMatrix(ids.length, features.length);
  features.forEach((_, j) => {
    const values = columns[`x${j}`] as number[];
    for (let i = 0; i < ids.length; i++) matrix.data[i * matrix.d + j] = values[i]!;
  });
  return { ids, matrix, members, incomplete: members - completeCount, sampled };
}

/**
 * The fit's rows drawn elsewhere (a warehouse ran the sample query of warehouse-step-sql.ts and sent back only those
 * rows), when the features table does not hold every member: the table holding the drawn rows, and what readMatrix
 * and summarizeFeatures would have counted over every member.
 */
export interface DrawnSample {
  table: string;
  members: number;
  complete: number;
  /** Each clustering feature's range over the complete members, in the given order. */
  summary: FeatureSummary[];
}

/** The matrix readMatrix gives on every member, from the drawn sample: its rows in member order, the counts as drawn. */
export async function readDrawnSample(db: Database, features: readonly string[], drawn: DrawnSample, sample: number): Promise<FeatureMatrix> {
  const read = await readMatrix(db, features, { sample: Math.max(sample, drawn.complete), seed: 0, table: drawn.table });
  return { ...read, members: drawn.members, incomplete: drawn.members - drawn.complete, sampled: drawn.complete > sample };
}
