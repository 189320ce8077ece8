/**
 * The range of each clustering feature over every complete member, not just
 * the fitting sample: log1p must meet no negative value anywhere, since every
 * member is assigned in SQL.
 */
import type { Database } from "../duckdb.ts";
import { FEATURES, q } from "../sql-names.ts";
import { completeCondition } from "./read-matrix.ts";

export interface FeatureSummary {
  feature: string;
  min: number | null;
  max: number | null;
}

export async function summarizeFeatures(db: Database, features: readonly string[], table = FEATURES): Promise<FeatureSummary[]> {
  const parts = features.flatMap((f, j) => {
    const x = `CAST(${q(f)} AS DOUBLE)`;
    return [`min(${x}) AS ${q(`min${j}`)}`, `max(${x}) AS ${q(`max${j}`)}`];
  });
  const row = (await db.all(`SELECT ${parts.join(", ")} FROM ${table} WHERE ${completeCondition(features)}`))[0] ?? {};
  const value = (key: string): number | null => (typeof row[key] === "number" ? row[key] : null);
  return features.map((feature, j) => ({ feature, min: value(`min${j}`), max: value(`max${j}`) }));
}
