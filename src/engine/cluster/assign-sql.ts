/**
 * Assign every member to its nearest centroid inside DuckDB, so ten million
 * members never pass through JS: the plan's clusters relation
 * (src/compile/emit/clusters-query.ts, which `seg compile` writes for the
 * lock's model) rendered with the DuckDB dialect over the features table, with
 * the outlier column the fitted fences give. Creates table `clusters`:
 * member_id, cluster_id, cluster_name, distance (Euclidean, in transformed
 * space) and outlier (outside the Tukey fences of at least two features).
 * Members with a missing or non-finite feature get NULLs. The rows keep the
 * features table's order (member id order), as DuckDB keeps a scan's order
 * without ORDER BY: run-engine pairs the two tables by position (and stops
 * if a pair's member ids differ), so a sort of every member by id again,
 * 10,000,000 of them at 100,000,000 invoices, bought nothing.
 */
import { clustersQuery } from "../../compile/emit/clusters-query.ts";
import { renderQuery, resolveRefs } from "../../compile/emit/query.ts";
import { duckdb } from "../../expr/dialects/duckdb.ts";
import { FEATURES, q } from "../sql-names.ts";
import type { Fence } from "./outliers.ts";
import type { ClusteringResult } from "./run-clustering.ts";
import type { FittedTransform } from "./transform.ts";

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

/** The model a fitted clustering assigned every member with (run-clustering.ts), from its result: its clusters in order. */
export function assignmentModel(result: Pick<ClusteringResult, "transform" | "clusters" | "fences">): AssignmentModel {
  const { clusters } = result;
  return { transform: result.transform, centroids: clusters.map((c) => c.centroid), ids: clusters.map((c) => c.id), names: clusters.map((c) => c.name), fences: result.fences };
}

export function assignClustersSql(model: AssignmentModel, table = FEATURES): string {
  const k = model.centroids.length;
  if (k === 0 || model.ids.length !== k || model.names.length !== k) throw new RangeError("one id and one name per centroid");
  const { features, steps } = model.transform;
  const centroids = model.centroids.map((point, c) => ({ id: model.ids[c]!, name: model.names[c]!, point: [...point] }));
  const query = clustersQuery({ features, steps, centroids }, duckdb, model.fences);
  const sql = resolveRefs(renderQuery(query), (ref) => {
    if (ref.kind === "relation" && ref.relation === "features") return table;
    throw new Error("cluster assignment reads only the features table");
  });
  return `CREATE OR REPLACE TABLE ${CLUSTERS} AS\n${sql}`;
}

/**
 * The features of `table` (its `columns`, in order) followed by the cluster columns run-engine adds: cluster_id,
 * cluster_name, cluster_outlier and cluster_status, computed row by row as assignClustersSql computes the `clusters`
 * table (the same expressions, so the same values). As a view it costs nothing to a query that reads no cluster
 * column, where a copy of the features beside the clusters wrote every member's row again (21 to 49 CPU s at
 * 10,000,000 members).
 */
export function featuresWithClustersSql(model: AssignmentModel, table: string, columns: readonly string[]): string {
  const { features, steps } = model.transform;
  const centroids = model.centroids.map((point, c) => ({ id: model.ids[c]!, name: model.names[c]!, point: [...point] }));
  const sql = resolveRefs(renderQuery(clustersQuery({ features, steps, centroids }, duckdb, model.fences, columns)), (ref) => {
    if (ref.kind === "relation" && ref.relation === "features") return table;
    throw new Error("cluster assignment reads only the features table");
  });
  const status = `CASE WHEN cluster_id IS NULL THEN 'missing' WHEN cluster_outlier THEN 'outlier' ELSE 'fitted' END`;
  return `SELECT *, ${status} AS cluster_status FROM (\n${sql}\n)`;
}

