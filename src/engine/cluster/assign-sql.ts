/**
 * The SQL that assigns every member to its nearest centroid inside DuckDB, so
 * ten million members never pass through JS: the fitted transform (log1p,
 * standardize with the fitted means and sds) as SQL expressions, the squared
 * Euclidean distance to each centroid, and the first nearest on ties (as in
 * k-means). Creates table `clusters`: member_id, cluster_id, cluster_name,
 * distance (Euclidean, in transformed space) and outlier (outside the Tukey
 * fences of at least two features). Members with a missing or non-finite
 * feature get NULLs. Numbers are written as finite SQL literals, names quoted.
 */
import { FEATURES, lit, MEMBER_ID, num, q } from "../sql-names.ts";
import { OUTLIER_MIN_FEATURES, type Fence } from "./outliers.ts";
import { completeCondition } from "./read-matrix.ts";
import { transformSql, type FittedTransform } from "./transform.ts";

export const CLUSTERS = q("clusters");

export interface AssignmentModel {
  transform: FittedTransform;
  /** In transformed space, one per cluster. */
  centroids: readonly (readonly number[])[];
  ids: readonly string[];
  names: readonly string[];
  /** Fences in transformed space, for the outlier column. */
  fences: readonly Fence[];
}

export function assignClustersSql(model: AssignmentModel, table = FEATURES): string {
  const { features } = model.transform;
  const k = model.centroids.length;
  if (k === 0 || model.ids.length !== k || model.names.length !== k) throw new RangeError("one id and one name per centroid");
  const x = features.map((_, j) => q(`x${j}`));
  const transformed = transformSql(model.transform, features.map((_, j) => q(`v${j}`)));
  const distances = model.centroids.map((centroid, c) => {
    if (centroid.length !== features.length) throw new RangeError(`centroid ${c} has ${centroid.length} values for ${features.length} features`);
    const terms = centroid.map((value, j) => `(${x[j]} - ${num(value)}) * (${x[j]} - ${num(value)})`);
    return `${terms.join(" + ")} AS ${q(`d${c}`)}`;
  });
  const d = Array.from({ length: k }, (_, c) => q(`d${c}`));
  const pick = (labels: readonly string[]) => `CASE ${labels.map((label, c) => `WHEN ${d[c]} = best THEN ${lit(label)}`).join(" ")} END`;
  const fenced = model.fences.flatMap((fence, j) =>
    fence.lower === null || fence.upper === null ? [] : [`CAST(${x[j]} < ${num(fence.lower)} OR ${x[j]} > ${num(fence.upper)} AS INTEGER)`],
  );
  const outlier = fenced.length >= OUTLIER_MIN_FEATURES ? `(${fenced.join(" + ")}) >= ${OUTLIER_MIN_FEATURES}` : `CASE WHEN best IS NULL THEN NULL ELSE FALSE END`;
  const id = q(MEMBER_ID);
  return `CREATE OR REPLACE TABLE ${CLUSTERS} AS
WITH source AS (
  SELECT ${id}, ${completeCondition(features)} AS complete, ${features.map((f, j) => `${q(f)} AS ${q(`v${j}`)}`).join(", ")}
  FROM ${table}
), transformed AS (
  SELECT ${id}, ${transformed.map((sql, j) => `CASE WHEN complete THEN ${sql} END AS ${x[j]}`).join(",\n    ")}
  FROM source
), distances AS (
  SELECT *, ${distances.join(",\n    ")}
  FROM transformed
), nearest AS (
  SELECT *, least(${d.join(", ")}) AS best FROM distances
)
SELECT ${id}, ${pick(model.ids)} AS cluster_id, ${pick(model.names)} AS cluster_name, sqrt(best) AS distance, ${outlier} AS outlier
FROM nearest
ORDER BY ${id}`;
}
