/**
 * Nearest-centroid assignment (cluster/assign-sql) from the features relation:
 * each member's clustering features transformed as fitted (log1p, standardize
 * with the fitted means and standard deviations), the squared distance to every
 * centroid, and the first nearest cluster. Members with a missing or
 * non-finite feature get no cluster. Columns: member_id, cluster_id,
 * cluster_name, distance (Euclidean, transformed space).
 */
import type { ClusterModel } from "../cluster-model.ts";
import { MEMBER_ID } from "../plan.ts";
import { asDouble, type Dialect } from "../../expr/dialects/dialect.ts";
import { caseSql } from "./case-sql.ts";
import { relationRef, type Query } from "./query.ts";

export function clustersQuery(model: ClusterModel, dialect: Dialect): Query {
  const q = dialect.quoteIdent;
  const member = q(MEMBER_ID);
  const k = model.centroids.length;
  const value = (j: number) => `v_${j + 1}`;
  const x = (j: number) => `x_${j + 1}`;
  const d = (c: number) => `d_${c + 1}`;
  // x − x is 0 for every finite x, and NaN (never equal to 0) for infinities and NaN.
  const finite = model.features.map((_, j) => `coalesce(${value(j)} - ${value(j)} = 0, FALSE)`).join(" AND ");
  const transformed = model.features.map((_, j) => {
    let sql = value(j);
    for (const step of model.steps) {
      sql = step.kind === "log1p" ? dialect.call("log1p", [sql]) : `((${sql} - ${dialect.numberLiteral(step.means[j]!)}) / ${dialect.numberLiteral(step.sds[j]!)})`;
    }
    return `CASE WHEN ${finite} THEN ${sql} END AS ${x(j)}`;
  });
  const distances = model.centroids.map((centroid, c) => {
    if (centroid.point.length !== model.features.length) throw new RangeError(`centroid ${centroid.id} has ${centroid.point.length} values for ${model.features.length} features`);
    const terms = centroid.point.map((v, j) => `(${x(j)} - ${dialect.numberLiteral(v)}) * (${x(j)} - ${dialect.numberLiteral(v)})`);
    return `${terms.join(" + ")} AS ${d(c)}`;
  });
  const all = model.centroids.map((_, c) => d(c));
  const best = k === 1 ? all[0]! : `least(${all.join(", ")})`;
  const pick = (labels: readonly string[]) => caseSql(labels.map((label, c) => `WHEN ${d(c)} = best THEN ${dialect.stringLiteral(label)}`));
  return {
    ctes: [
      { name: "feature_values", sql: `SELECT\n  t.${member},\n  ${model.features.map((f, j) => `${asDouble(dialect, `t.${q(f)}`)} AS ${value(j)}`).join(",\n  ")}\nFROM ${relationRef("features")} t` },
      { name: "transformed", sql: `SELECT\n  ${member},\n  ${transformed.join(",\n  ")}\nFROM feature_values` },
      { name: "distances", sql: `SELECT\n  ${member},\n  ${distances.join(",\n  ")}\nFROM transformed` },
      { name: "nearest", sql: `SELECT distances.*, ${best} AS best\nFROM distances` },
    ],
    select: `SELECT\n  ${member},\n  ${pick(model.centroids.map((c) => c.id))} AS ${q("cluster_id")},\n  ${pick(model.centroids.map((c) => c.name))} AS ${q("cluster_name")},\n  sqrt(best) AS ${q("distance")}\nFROM nearest`,
  };
}
