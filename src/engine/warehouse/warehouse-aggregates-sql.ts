/* eslint max-lines-per-function: "off" -- aggregatesSql lists the aggregates the engine reads, one or two lines each, in the order segment-metrics.ts computes them. */
/**
 * The one query that computes in PostgreSQL what `seg lock`, `check` and
 * `build` read from every member, so that only aggregates come back: the
 * features relation (warehouse-step-sql.ts), each member's cluster from the
 * fitted model (the plan's clusters relation, compile/emit/clusters-query.ts,
 * as DuckDB assigns it: assign-sql.ts), the memberships (the plan's
 * memberships relation, as `seg compile --target postgres` writes it), then
 * over them, as segment-metrics.ts, cluster-agreement.ts, feature-coverage.ts
 * and value-labels.ts compute them on DuckDB:
 *
 * - `sizes`: members and outliers per cluster;
 * - `agreement`: members per segment × cluster of the clustering's scheme;
 * - `totals` and `segments`: the population's and each segment's metrics (counts, exact sums: whole numbers as
 *   numeric, doubles by postgres-exact-sum.ts, the nearest double to the true sum, as DuckDB's fixed-point sum;
 *   medians by percentile_cont, which interpolates as DuckDB's median);
 * - `bounds`: per summed double column, what DuckDB's choice of exact sum reads (fixed-point-sum.ts), so that a
 *   column DuckDB would add in value order instead is found and the rows read (warehouse-aggregates.ts);
 * - `coverage`: members with a value per declared feature;
 * - `ranks` and `rank_segments`: the value measure's mid-ranks, population and per segment.
 *
 * Every value comes back as text (numeric exactly, doubles shortest-exact), in one row of JSON columns. Names are
 * quoted by the dialect, literals rendered by Seg.
 */
import { clustersQuery } from "../../compile/emit/clusters-query.ts";
import { membershipsQuery } from "../../compile/emit/memberships-query.ts";
import { renderQuery, resolveRefs } from "../../compile/emit/query.ts";
import { MEMBER_ID, type SchemePlan } from "../../compile/plan.ts";
import { postgresExactSum } from "../../expr/dialects/postgres-exact-sum.ts";
import { postgres } from "../../expr/dialects/postgres.ts";
import type { Config } from "../../schema/config.ts";
import type { CatalogEntry } from "../../workspace/feature-catalog.ts";
import type { AssignmentModel } from "../cluster/assign-sql.ts";
import { UNASSIGNED } from "../cluster/cluster-agreement.ts";
import { comparableFeatures, measuredFeatures, valueMeasure } from "../segment-metrics.ts";
import { warehouseFeaturesSql } from "./warehouse-step-sql.ts";

const qi = postgres.quoteIdent;
const lit = postgres.stringLiteral;
const DOUBLE = postgres.doubleType;

export interface AggregatesInput {
  config: Config;
  asOf: string;
  catalog: ReadonlyMap<string, CatalogEntry>;
  schemes: readonly SchemePlan[];
  /** The features' column types as DuckDB types them (which sum each engine uses follows from them). */
  types: ReadonlyMap<string, string>;
  /** The fitted clustering, when the workspace clusters. */
  model?: AssignmentModel;
  /** Whether the findings' measures (coverage, value ranks) are needed. */
  findings: boolean;
}

/** How each column of the features is summed, as segment-metrics.ts' exactSums decides on DuckDB. */
export interface SummedColumns {
  /** Summed as doubles (their bounds decide DuckDB's sum). */
  fractional: string[];
  /** Whole numbers wider than 32 bits: summed exactly, squared as doubles. */
  wide: string[];
  /** Whole numbers wider than 64 bits (DuckDB's sums of integers): DuckDB adds their doubles in value order, exact while every partial sum is below 2^53. */
  huge: string[];
}

export function summedColumns(types: ReadonlyMap<string, string>): SummedColumns {
  const named = (pattern: RegExp) => [...types].filter(([, type]) => pattern.test(type)).map(([name]) => name);
  return { fractional: named(/^(DOUBLE|FLOAT|DECIMAL\(\d+,\d+\))$/), wide: named(/^U?BIGINT$/), huge: named(/^U?HUGEINT$/) };
}

export function aggregatesSql(input: AggregatesInput): string {
  const { config, types } = input;
  const whole = (name: string) => /^(BOOLEAN|U?(TINYINT|SMALLINT|INTEGER|BIGINT))$/.test(types.get(name) ?? "");
  const small = (name: string) => /^(BOOLEAN|U?(TINYINT|SMALLINT|INTEGER))$/.test(types.get(name) ?? "");
  const column = (name: string, row = "f") => `${row}.${qi(name)}`;
  const num = (name: string, row = "f") => (types.get(name) === "BOOLEAN" ? `CAST(CAST(${column(name, row)} AS integer) AS ${DOUBLE})` : `CAST(${column(name, row)} AS ${DOUBLE})`);
  const exact = (name: string) => (types.get(name) === "BOOLEAN" ? `CAST(CAST(${column(name)} AS integer) AS numeric)` : `CAST(${column(name)} AS numeric)`);
  const text = (sql: string) => `CAST(${sql} AS text)`;
  const total = (name: string) => (whole(name) ? `sum(${exact(name)})` : postgresExactSum(num(name)));
  const mean = (name: string) => (whole(name) ? `CAST(sum(${exact(name)}) AS ${DOUBLE}) / count(${column(name)})` : `(${postgresExactSum(num(name))} / count(${num(name)}))`);
  const squares = (name: string) => (small(name) ? `sum(${exact(name)} * ${exact(name)})` : postgresExactSum(`${num(name)} * ${num(name)}`));
  const median = (sql: string) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${sql})`;

  const measure = valueMeasure(config);
  const comparable = comparableFeatures(config, input.catalog);
  const shared: string[] = [`count(m.${qi(MEMBER_ID)}) AS n`];
  const segmentOnly: string[] = [];
  if (measure) shared.push(`${text(total(measure))} AS value`);
  if (config.rfm) {
    for (const f of ["recency_days", "frequency", "monetary"]) segmentOnly.push(`${text(mean(f))} AS ${qi(`mean_${f}`)}`, `${text(median(num(f)))} AS ${qi(`median_${f}`)}`);
  }
  for (const [name, metric] of Object.entries(config.metrics)) {
    const x = num(metric.feature);
    const share = `CASE WHEN ${x} IS NULL THEN NULL WHEN ${x} <> 0 THEN 1 ELSE 0 END`;
    const agg =
      metric.aggregate === "share" ? `CAST(sum(${share}) AS ${DOUBLE}) / count(${share})` : metric.aggregate === "mean" ? mean(metric.feature) : metric.aggregate === "sum" ? total(metric.feature) : median(x);
    shared.push(`${text(agg)} AS ${qi(`metric_${name}`)}`);
  }
  measuredFeatures(input.catalog).forEach((feature, i) => segmentOnly.push(`count(${num(feature)}) AS ${qi(`f${i}_n`)}`, `${text(mean(feature))} AS ${qi(`f${i}_mean`)}`));
  comparable.forEach((feature, i) => shared.push(`count(${num(feature)}) AS ${qi(`c${i}_n`)}`, `${text(total(feature))} AS ${qi(`c${i}_s`)}`, `${text(squares(feature))} AS ${qi(`c${i}_ss`)}`));

  const id = qi(MEMBER_ID);
  const json = (select: string) => `(SELECT json_agg(r) FROM (${select}) r)`;
  const byBytes = (sql: string) => `${sql} COLLATE "C"`;
  const results: [string, string][] = [];
  results.push(["totals", json(`SELECT ${shared.join(", ").replaceAll(`m.${id}`, `f.${id}`)} FROM features f`)]);
  results.push([
    "segments",
    json(`SELECT m.scheme, m.segment, ${[...shared, ...segmentOnly].join(", ")} FROM memberships m JOIN features f USING (${id}) GROUP BY m.scheme, m.segment ORDER BY ${byBytes("m.scheme")}, ${byBytes("m.segment")} NULLS LAST`),
  ]);
  // What DuckDB's exact sums read of each summed double column (sum-bounds.ts): count, least and greatest magnitude, all finite.
  const { fractional, wide, huge } = summedColumns(types);
  const bounds = (x: string) => [
    `count(${x})`,
    text(`max(abs(${x}))`),
    text(`min(abs(${x})) FILTER (WHERE ${x} <> 0)`),
    `coalesce(bool_and(${x} NOT IN (CAST('NaN' AS ${DOUBLE}), CAST('Infinity' AS ${DOUBLE}), CAST('-Infinity' AS ${DOUBLE}))), TRUE)`,
  ];
  const boundColumns = [...[...fractional, ...huge].map((name) => [`s${name}`, num(name)] as const), ...[...fractional, ...wide, ...huge].map((name) => [`ss${name}`, `${num(name)} * ${num(name)}`] as const)];
  if (boundColumns.length > 0) results.push(["bounds", `(SELECT json_build_object(${boundColumns.map(([key, x]) => `${lit(key)}, json_build_array(${bounds(x).join(", ")})`).join(", ")}) FROM features f)`]);
  if (input.model) {
    results.push(["sizes", json(`SELECT cluster_id, count(*) AS size, count(*) FILTER (WHERE outlier) AS outliers FROM clusters WHERE cluster_id IS NOT NULL GROUP BY cluster_id ORDER BY ${byBytes("cluster_id")}`)]);
  }
  const scheme = config.clustering?.scheme;
  if (input.model && scheme !== undefined) {
    const joined = `SELECT coalesce(m.segment, ${lit(UNASSIGNED)}) AS segment, c.cluster_id FROM memberships m JOIN clusters c USING (${id}) WHERE m.scheme = ${lit(scheme)} AND c.cluster_id IS NOT NULL`;
    results.push(["agreement", json(`SELECT segment, cluster_id, count(*) AS n FROM (${joined}) a GROUP BY segment, cluster_id ORDER BY ${byBytes("segment")}, ${byBytes("cluster_id")}`)]);
  }
  // Overlapping schemes: members in both segments of each pair (segment-metrics.ts' overlap), ids compared by bytes.
  const overlapping = Object.keys(config.schemes).filter((scheme) => !config.schemes[scheme]!.exclusive);
  if (overlapping.length > 0) {
    const pairs = `SELECT a.scheme, a.segment AS a, b.segment AS b, count(*) AS n FROM memberships a JOIN memberships b USING (scheme, ${id})
      WHERE a.scheme IN (${overlapping.map(lit).join(", ")}) AND ${byBytes("a.segment")} < ${byBytes("b.segment")} GROUP BY 1, 2, 3 ORDER BY ${byBytes("a.scheme")}, ${byBytes("a.segment")}, ${byBytes("b.segment")}`;
    results.push(["overlap", json(pairs)]);
  }
  if (input.findings) {
    // Normalized features are carried columns here (rowsNeeded reads the rows otherwise): the raw text is in the features.
    const normalized = Object.entries(config.features).flatMap(([name, f]) => ("column" in f && "normalize" in f && f.normalize ? [{ name, column: f.column, otherwise: f.normalize.otherwise }] : []));
    if (normalized.length > 0) {
      const coverage = normalized.map(({ name, column: raw, otherwise }) => {
        const value = column(name);
        const text = `trim(CAST(${column(raw)} AS text))`;
        const totals = `SELECT count(${value}) AS total, count(*) FILTER (WHERE ${value} IS NOT NULL AND ${value} <> ${lit(otherwise)}) AS mapped FROM features f`;
        const unmapped = `SELECT ${text} AS value, count(*) AS n FROM features f WHERE ${value} = ${lit(otherwise)} GROUP BY 1 ORDER BY count(*) DESC, ${byBytes(text)} LIMIT 5`;
        return `json_build_array((SELECT row_to_json(t) FROM (${totals}) t), coalesce(${json(unmapped)}, '[]'))`;
      });
      results.push(["normalization", `json_build_array(${coverage.join(", ")})`]);
    }
    const names = Object.keys(config.features);
    const present = (name: string) => (input.catalog.get(name)?.type === "number" ? finite(num(name)) : `${column(name)} IS NOT NULL`);
    results.push(["coverage", `(SELECT json_build_array(count(*)${names.map((name) => `, count(*) FILTER (WHERE ${present(name)})`).join("")}) FROM features f)`]);
    if (measure) {
      // 2 × (members below) + (members equal) per member with a finite value, as value-labels.ts counts them.
      const ranks = `SELECT ${id}, CASE WHEN ranked THEN x END AS x, CASE WHEN ranked THEN rank() OVER w - 1 + count(*) OVER w END AS twice
        FROM (SELECT f.${id}, ${num(measure)} AS x, ${finite(num(measure))} AS ranked FROM features f) v WINDOW w AS (PARTITION BY ranked ORDER BY x)`;
      results.push(["ranks", `(SELECT json_build_array(count(twice), ${text(median("x"))}) FROM ranks)`]);
      results.push([
        "rank_segments",
        json(
          `SELECT m.scheme, m.segment, count(r.twice) AS n, ${text("sum(r.twice)")} AS twice, ${text(median("r.x"))} AS median FROM memberships m JOIN ranks r USING (${id}) WHERE r.twice IS NOT NULL AND m.segment IS NOT NULL GROUP BY 1, 2 ORDER BY ${byBytes("m.scheme")}, ${byBytes("m.segment")}`,
        ),
      ]);
      return render(input, results, ranks);
    }
  }
  return render(input, results, undefined);
}

/** A double's SQL present and finite, as DuckDB's coalesce(isfinite(x), FALSE). */
function finite(x: string): string {
  return `coalesce(${x} NOT IN (CAST('NaN' AS ${DOUBLE}), CAST('Infinity' AS ${DOUBLE}), CAST('-Infinity' AS ${DOUBLE})), FALSE)`;
}

function render(input: AggregatesInput, results: readonly [string, string][], ranks: string | undefined): string {
  const relations = (ref: { kind: string; relation?: string; source?: string }): string => {
    if (ref.kind === "relation" && (ref.relation === "features" || ref.relation === "clusters")) return ref.relation;
    throw new Error(`unexpected reference ${JSON.stringify(ref)}`);
  };
  const ctes = [`features AS MATERIALIZED (\n${warehouseFeaturesSql(input.config, input.asOf, postgres)}\n)`];
  if (input.model) {
    const { features, steps } = input.model.transform;
    const centroids = input.model.centroids.map((point, c) => ({ id: input.model!.ids[c]!, name: input.model!.names[c]!, point: [...point] }));
    ctes.push(`clusters AS MATERIALIZED (\n${resolveRefs(renderQuery(clustersQuery({ features, steps, centroids }, postgres, input.model.fences)), relations)}\n)`);
  }
  ctes.push(`memberships AS MATERIALIZED (\n${resolveRefs(renderQuery(membershipsQuery(input.schemes, postgres)), relations)}\n)`);
  if (ranks) ctes.push(`ranks AS MATERIALIZED (\n${ranks}\n)`);
  return `WITH ${ctes.join(",\n")}\nSELECT\n  ${results.map(([name, sql]) => `${sql} AS ${qi(name)}`).join(",\n  ")}`;
}
