/**
 * Nearest-centroid assignment from the features relation: each member's
 * clustering features transformed as fitted (log1p, standardize with the fitted
 * means and standard deviations), the squared distance to every centroid, and
 * the first nearest cluster (as k-means labels ties). Members with a missing or
 * non-finite feature get no cluster. Columns: member_id, cluster_id,
 * cluster_name, distance (Euclidean, transformed space), and with fences (the
 * engine, which fitted them) outlier: outside the fences of at least
 * OUTLIER_MIN_FEATURES features. The engine assigns its own fit with it
 * (engine/cluster/assign-sql), `seg compile` the lock's model.
 */
import { OUTLIER_MIN_FEATURES, type Fence } from "../../engine/cluster/outliers.ts";
import type { ClusterModel } from "../cluster-model.ts";
import { MEMBER_ID } from "../plan.ts";
import { asDouble, type Dialect } from "../../expr/dialects/dialect.ts";
import { caseSql } from "./case-sql.ts";
import { relationRef, type Query } from "./query.ts";

export function clustersQuery(model: ClusterModel, dialect: Dialect, fences?: readonly Fence[], carried?: readonly string[]): Query {
  const q = dialect.quoteIdent;
  // The columns each step passes on: the member's id, or with `carried` those columns of the features relation.
  const member = (carried ?? [MEMBER_ID]).map(q).join(", ");
  const k = model.centroids.length;
  // The steps' own columns, named apart from every carried column.
  const own = carried ? ownPrefix(carried) : "";
  const value = (j: number) => `${own}v_${j + 1}`;
  const x = (j: number) => `${own}x_${j + 1}`;
  const d = (c: number) => `${own}d_${c + 1}`;
  const best = `${own}best`;
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
  const nearest = k === 1 ? all[0]! : `least(${all.join(", ")})`;
  const pick = (labels: readonly string[]) => caseSql(labels.map((label, c) => `WHEN ${d(c)} = ${best} THEN ${dialect.stringLiteral(label)}`));
  const outlier = fences ? outlierSql(fences, x, dialect, best) : undefined;
  const source = carried ? carried.map((c) => `t.${q(c)}`).join(", ") : `t.${member}`;
  // Carried columns are the relation's own: the engine's features with their cluster columns (run-engine.ts).
  const outputs = carried
    ? [`${pick(model.centroids.map((c) => c.id))} AS ${q("cluster_id")}`, `${pick(model.centroids.map((c) => c.name))} AS ${q("cluster_name")}`, ...(outlier ? [`${outlier} AS ${q("cluster_outlier")}`] : [])]
    : [`${pick(model.centroids.map((c) => c.id))} AS ${q("cluster_id")}`, `${pick(model.centroids.map((c) => c.name))} AS ${q("cluster_name")}`, `sqrt(${best}) AS ${q("distance")}`, ...(outlier ? [`${outlier} AS ${q("outlier")}`] : [])];
  return {
    ctes: [
      { name: "feature_values", sql: `SELECT\n  ${source},\n  ${model.features.map((f, j) => `${asDouble(dialect, `t.${q(f)}`)} AS ${value(j)}`).join(",\n  ")}\nFROM ${relationRef("features")} t` },
      { name: "transformed", sql: `SELECT\n  ${member},\n  ${transformed.join(",\n  ")}\nFROM feature_values` },
      // The outlier column reads the transformed point as well as the distances.
      { name: "distances", sql: `SELECT\n  ${[member, ...(fences ? model.features.map((_, j) => x(j)) : []), ...distances].join(",\n  ")}\nFROM transformed` },
      { name: "nearest", sql: `SELECT distances.*, ${nearest} AS ${best}\nFROM distances` },
    ],
    select: `SELECT\n  ${member},\n  ${outputs.join(",\n  ")}\nFROM nearest`,
  };
}

/** A prefix (lowercase letters and underscores) that no carried column's name starts with. */
function ownPrefix(carried: readonly string[]): string {
  let prefix = "seg_";
  while (carried.some((c) => c.toLowerCase().startsWith(prefix))) prefix = `_${prefix}`;
  return prefix;
}

/** Whether the transformed point `x` lies outside the fences of enough features; NULL without a point (`best`: the nearest distance's column). */
function outlierSql(fences: readonly Fence[], x: (j: number) => string, dialect: Dialect, best: string): string {
  const fenced = fences.flatMap((fence, j) =>
    fence.lower === null || fence.upper === null
      ? []
      : // PostgreSQL casts a boolean to integer only, not to its bigint (the warehouse's assignment: warehouse-aggregates-sql.ts).
        [`CAST(${x(j)} < ${dialect.numberLiteral(fence.lower)} OR ${x(j)} > ${dialect.numberLiteral(fence.upper)} AS ${dialect.name === "postgres" ? "integer" : dialect.type("integer")})`],
  );
  return fenced.length >= OUTLIER_MIN_FEATURES ? `(${fenced.join(" + ")}) >= ${OUTLIER_MIN_FEATURES}` : `CASE WHEN ${best} IS NULL THEN NULL ELSE FALSE END`;
}
