/**
 * What `seg lock`, `check` and `build` read from every member, computed in
 * PostgreSQL by one query (warehouse-aggregates-sql.ts) and brought back as
 * one row of aggregates: cluster sizes, the clusters' agreement with the
 * scheme, each scheme's segment metrics, feature coverage and the value
 * labels' measures, built into the engine's results by the functions DuckDB's
 * path builds them with.
 *
 * The workspaces this path cannot serve yet are named (aggregatesBlocker) and
 * keep bringing every member's feature row back, with the reason in the
 * run's report; so is a summed column whose values DuckDB would add in value
 * order rather than exactly (its bounds, read by the same query, decide).
 */
import type pg from "pg";
import type { Config } from "../../schema/config.ts";
import { fixedPointExponent, type SumBounds } from "../../expr/dialects/fixed-point-sum.ts";
import type { Row } from "../duckdb.ts";
import type { ClusterSizes } from "../cluster/run-clustering.ts";
import { type SchemeClusterAgreement } from "../cluster/cluster-agreement.ts";
import { adjustedRandIndex, contingencyTable } from "../cluster/agreement.ts";
import { coverageFromCounts, type FeatureCoverage } from "../feature-coverage.ts";
import { coverageOf, type NormalizationCoverage } from "../normalization-coverage.ts";
import { comparableFeatures, measuredFeatures, toSegmentMetrics, valueMeasure, type SchemeMetrics } from "../segment-metrics.ts";
import { squaredBounds } from "../sum-bounds.ts";
import { meanRank, type LabelSegmentMeasure, type ValueLabelMeasures } from "../value-labels.ts";
import { aggregatesSql, summedColumns, type AggregatesInput } from "./warehouse-aggregates-sql.ts";

export interface WarehouseAggregates {
  members: number;
  sizes: ClusterSizes;
  agreement?: SchemeClusterAgreement;
  schemes: SchemeMetrics[];
  coverage: FeatureCoverage[];
  valueLabels: ValueLabelMeasures;
  normalization: NormalizationCoverage[];
}

/** The features with `normalize`, in declaration order, with their raw column (aggregatesSql measures them in that order). */
function normalizedFeatures(config: Config): [string, string][] {
  return Object.entries(config.features).flatMap(([name, f]): [string, string][] => ("column" in f && "normalize" in f && f.normalize ? [[name, f.column]] : []));
}

/**
 * Why every member's feature row must come back for `config` rather than aggregates alone, or undefined: the steps
 * not yet written for the warehouse (hypotheses, the clusters' agreement with an overlapping scheme).
 */
export function aggregatesBlocker(config: Config, hypotheses: number): string | undefined {
  // Their means and variances add in value order (DuckDB's var_samp), which PostgreSQL's do not reproduce bit for bit.
  if (hypotheses > 0) return "the hypotheses are tested on every member's features in DuckDB";
  const scheme = config.clustering?.scheme;
  if (scheme !== undefined && !config.schemes[scheme]?.exclusive) return `the clusters' agreement with overlapping scheme ${scheme} is measured on every member's memberships in DuckDB`;
  return undefined;
}

export async function aggregatesInPostgres(client: pg.Client, input: AggregatesInput, fetched: (step: string, rows: number) => void): Promise<WarehouseAggregates | { ok: false; reason: string }> {
  const result = await client.query<Record<string, unknown>>(aggregatesSql(input));
  fetched("aggregates", result.rows.length);
  const row = result.rows[0]!;
  const unfit = unfitSum(input.types, (row.bounds ?? {}) as Record<string, [number, string | null, string | null, boolean]>);
  if (unfit) return { ok: false, reason: `the sum of ${unfit} is not exact on DuckDB (its values span too many binary orders), so DuckDB adds it in value order from every member's row` };
  const { config, catalog } = input;
  const rows = (name: string) => (row[name] ?? []) as Row[];
  const [totals] = rows("totals");
  const population = Number(totals?.n ?? 0);
  const measure = valueMeasure(config);
  const comparable = comparableFeatures(config, catalog);
  const measured = measuredFeatures(catalog);
  const schemes: SchemeMetrics[] = Object.keys(config.schemes).map((scheme) => ({
    scheme,
    population,
    segments: rows("segments")
      .filter((r) => r.scheme === scheme)
      .map((r) => toSegmentMetrics(scheme, r, totals!, population, config, comparable, measure, measured)),
    overlap: Object.fromEntries(rows("overlap").filter((r) => r.scheme === scheme).map((r) => [`${String(r.a)}|${String(r.b)}`, Number(r.n)])),
    populationMetrics: Object.fromEntries(Object.keys(config.metrics).map((name) => [name, totals?.[`metric_${name}`] == null ? null : Number(totals[`metric_${name}`])])),
  }));
  const sizes = rows("sizes");
  const cells = rows("agreement").map((r) => ({ row: String(r.segment), column: String(r.cluster_id), count: Number(r.n) }));
  const scheme = config.clustering?.scheme;
  const table = contingencyTable(cells);
  const agreement: SchemeClusterAgreement | undefined =
    input.model && scheme !== undefined ? { scheme, table, ari: adjustedRandIndex(table), members: cells.reduce((s, c) => s + c.count, 0), overlapping: 0 } : undefined;
  const counts = (row.coverage ?? []) as number[];
  const valueLabels: ValueLabelMeasures = {};
  const ranks = row.ranks as [number, string | null] | undefined;
  if (measure && ranks && ranks[0] > 0) {
    const segments: Record<string, LabelSegmentMeasure> = {};
    for (const r of rows("rank_segments")) segments[`${String(r.scheme)}/${String(r.segment)}`] = { n: Number(r.n), rank: meanRank(r.twice, Number(r.n), ranks[0]), median: Number(r.median) };
    valueLabels.ltv = { measure, population: { n: ranks[0], median: Number(ranks[1]) }, segments };
  }
  const normalization = ((row.normalization ?? []) as [Record<string, unknown>, Row[]][]).map(([totals, unmapped], i) => {
    const [feature, spec] = normalizedFeatures(config)[i]!;
    return coverageOf(feature, spec, totals, unmapped);
  });
  return {
    members: population,
    normalization,
    sizes: { byId: new Map(sizes.map((r) => [String(r.cluster_id), Number(r.size)])), outliers: sizes.reduce((s, r) => s + Number(r.outliers), 0) },
    ...(agreement ? { agreement } : {}),
    schemes,
    coverage: input.findings ? coverageFromCounts(config, Number(counts[0] ?? 0), counts.slice(1).map(Number)) : [],
    valueLabels,
  };
}

/**
 * The first summed column DuckDB would add in value order (segment-metrics.ts' exactSums: a double column, or the
 * squares of a double or wide integer column, whose bounds allow no fixed point), named; undefined when every sum is
 * the exact one both engines compute.
 */
function unfitSum(types: ReadonlyMap<string, string>, bounds: Record<string, [number, string | null, string | null, boolean]>): string | undefined {
  const read = (key: string): SumBounds | undefined => {
    const b = bounds[key];
    return b ? { count: Number(b[0]), maxAbs: b[1] === null ? null : Number(b[1]), minAbs: b[2] === null ? null : Number(b[2]), finite: b[3] } : undefined;
  };
  const { fractional, wide, huge } = summedColumns(types);
  // Added in value order as doubles, the sum is exact when no partial sum reaches 2^53 (the values being whole).
  const ordered = (b: SumBounds | undefined) => b === undefined || b.maxAbs === null || (b.finite && b.maxAbs * b.count < 2 ** 53);
  for (const name of huge) {
    if (!ordered(read(`s${name}`))) return name;
    if (!ordered(read(`ss${name}`))) return `the squares of ${name}`;
  }
  for (const name of fractional) {
    const own = read(`s${name}`);
    if (own && !fixedPointExponent(own)) return name;
  }
  for (const name of [...fractional, ...wide]) {
    const own = fractional.includes(name) ? read(`s${name}`) : undefined;
    const squares = (own ? squaredBounds(own) : undefined) ?? read(`ss${name}`);
    if (squares && !fixedPointExponent(squares)) return `the squares of ${name}`;
  }
  return undefined;
}
