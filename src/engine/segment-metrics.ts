/**
 * Per-segment metrics of every scheme: size and share, value and value share,
 * RFM means and medians, declared metrics, and, for each comparable feature,
 * the summary statistics of the segment and of the rest of the population
 * (count, mean, variance) from which differentiation tests are computed.
 */
import type { Config } from "../schema/config.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { Database, Row } from "./duckdb.ts";
import { MEMBERSHIPS } from "./membership.ts";
import { uncachedMetrics, type MetricsMemo, type MetricsQuery } from "./metrics-memo.ts";
import { FEATURES, lit, MEMBER_ID, q } from "./sql-names.ts";
import type { Summary } from "./stats/two-sample.ts";
import { inValueOrder } from "../expr/dialects/in-value-order.ts";
import { fixedPointExponent, fixedPointSum, type FixedPoint, type SumBounds } from "../expr/dialects/fixed-point-sum.ts";
import { squaredBounds, sumBounds } from "./sum-bounds.ts";

export interface FeatureComparison {
  feature: string;
  segment: Summary;
  rest: Summary;
}

export interface SegmentMetrics {
  scheme: string;
  /** null: members in no segment of the scheme. */
  segment: string | null;
  count: number;
  share: number;
  value: number | null;
  valueShare: number | null;
  /** mean and median of recency_days, frequency, monetary (when RFM is configured). */
  rfm: Record<string, { mean: number | null; median: number | null }> | null;
  /** Declared metrics by name. */
  metrics: Record<string, number | null>;
  comparisons: FeatureComparison[];
  /**
   * Every numeric and boolean feature: members with a value and their mean (a
   * boolean's mean is the share of members for which it is true). KPIs read it.
   */
  features?: Record<string, { n: number; mean: number | null }>;
}

export interface SchemeMetrics {
  scheme: string;
  population: number;
  segments: SegmentMetrics[];
  /** Overlapping schemes: members in both segments, by "a|b". */
  overlap: Record<string, number>;
  /** Declared metrics over the whole population, for comparison with each segment's. */
  populationMetrics?: Record<string, number | null>;
}

export function valueMeasure(config: Config): string | undefined {
  return config.value_tiers?.measure ?? (config.rfm ? "monetary" : undefined);
}

/** Numeric features whose differences between segments are worth testing. */
export function comparableFeatures(config: Config, catalog: ReadonlyMap<string, CatalogEntry>): string[] {
  const names = new Set<string>();
  for (const metric of Object.values(config.metrics)) names.add(metric.feature);
  for (const f of config.clustering?.features ?? []) names.add(f);
  if (config.rfm) for (const f of ["recency_days", "frequency", "monetary"]) names.add(f);
  const measure = valueMeasure(config);
  if (measure) names.add(measure);
  return [...names].filter((n) => ["number", "boolean"].includes(catalog.get(n)?.type ?? "")).sort();
}

/**
 * `memo`: runs the metrics queries (metrics-memo.ts answers them from the cache, a scheme's segment by segment);
 * default: the database. `positional`: the schemes whose memberships pair with the features by position
 * (membership.ts), joined so rather than by member id, which builds a hash table of every member's features.
 */
export async function computeSegmentMetrics(
  db: Database,
  config: Config,
  catalog: ReadonlyMap<string, CatalogEntry>,
  memo: MetricsMemo = uncachedMetrics(db),
  positional: ReadonlySet<string> = new Set(),
): Promise<SchemeMetrics[]> {
  const { query } = memo;
  const measure = valueMeasure(config);
  const comparable = comparableFeatures(config, catalog);
  const num = (name: string) => `CAST(f.${q(name)} AS DOUBLE)`;
  const { total, mean, squares } = await exactSums(db, query);
  // A member is one row of the features table and at most one row per segment of a scheme's memberships, so
  // counting rows counts members: no set of ids per segment to build (10,000,000 members at scale).
  // What the population's row needs too (the rest of the population's summaries, the value share, the metrics to
  // compare with), and what only a segment's row reports (RFM means and medians, every feature's mean): the population's
  // row is one scan of every member, where three medians alone sort the whole population's values.
  const shared: string[] = ["count(m.member_id) AS n"];
  const segmentOnly: string[] = [];
  if (measure) shared.push(`${total(measure)} AS value`);
  if (config.rfm) {
    for (const f of ["recency_days", "frequency", "monetary"]) segmentOnly.push(`${mean(f)} AS ${q(`mean_${f}`)}`, `median(${num(f)}) AS ${q(`median_${f}`)}`);
  }
  for (const [name, metric] of Object.entries(config.metrics)) {
    const x = num(metric.feature);
    const share = `CASE WHEN ${x} IS NULL THEN NULL WHEN ${x} <> 0 THEN 1 ELSE 0 END`;
    const agg = metric.aggregate === "share" ? `CAST(sum(${share}) AS DOUBLE) / count(${share})` : metric.aggregate === "mean" ? mean(metric.feature) : metric.aggregate === "sum" ? total(metric.feature) : `${metric.aggregate}(${x})`;
    shared.push(`${agg} AS ${q(`metric_${name}`)}`);
  }
  const measured = measuredFeatures(catalog);
  measured.forEach((feature, i) => segmentOnly.push(`count(${num(feature)}) AS ${q(`f${i}_n`)}`, `${mean(feature)} AS ${q(`f${i}_mean`)}`));
  comparable.forEach((feature, i) => shared.push(`count(${num(feature)}) AS ${q(`c${i}_n`)}`, `${total(feature)} AS ${q(`c${i}_s`)}`, `${squares(feature)} AS ${q(`c${i}_ss`)}`));
  const columns = [...shared, ...segmentOnly];

  const [totals] = await query(`SELECT ${shared.join(", ").replaceAll("m.member_id", `f.${q(MEMBER_ID)}`)} FROM ${FEATURES} f`);
  const population = Number(totals?.n ?? 0);
  const out: SchemeMetrics[] = [];
  for (const scheme of Object.keys(config.schemes)) {
    const members = membersOf(scheme, positional.has(scheme));
    const rows = await memo.bySegment(
      scheme,
      (where) => `SELECT m.segment, ${columns.join(", ")} FROM ${members.from} WHERE ${members.condition} AND ${where} GROUP BY m.segment ORDER BY m.segment NULLS LAST`,
    );
    const segments = rows.map((row) => toSegmentMetrics(scheme, row, totals!, population, config, comparable, measure, measured));
    const populationMetrics = Object.fromEntries(Object.keys(config.metrics).map((name) => [name, nullableNumber(totals?.[`metric_${name}`])]));
    out.push({ scheme, population, segments, overlap: config.schemes[scheme]!.exclusive ? {} : await overlap(query, scheme), populationMetrics });
  }
  return out;
}

/**
 * The features `f` of a scheme's members `m` (member_id, segment), a row per membership. By position: a row that pairs
 * two members stops the query rather than mix their values (only rows the query keeps are checked, which is every
 * row it reads). `rows`: another table of a row per member in the features' order (member order) to pair instead,
 * aliased `f`.
 */
export function membersOf(scheme: string, byPosition: boolean, rows = FEATURES): { from: string; condition: string } {
  const id = q(MEMBER_ID);
  if (!byPosition) return { from: `${MEMBERSHIPS} m JOIN ${rows} f USING (${id})`, condition: `m.scheme = ${lit(scheme)}` };
  return {
    from: `${rows} f POSITIONAL JOIN (SELECT ${id}, segment FROM ${MEMBERSHIPS} WHERE scheme = ${lit(scheme)}) m`,
    condition: `CASE WHEN f.${id} IS DISTINCT FROM m.${id} THEN error('features and memberships out of step') ELSE TRUE END`,
  };
}

/**
 * Sums, means and sums of squares of a feature over the rows `f`, the same bits on every run:
 * columns of whole numbers (integers, booleans) are summed exactly as HUGEINT, in any order and
 * in parallel (squares only of integers up to 32 bits, which cannot overflow); other columns add their doubles exactly
 * where one scan of the table finds they fit (`fixed-point-sum.ts`, the squares as the doubles each row's product
 * gives), else in ascending order (`in-value-order.ts`). A mean is the sum divided by the count, as DuckDB's `avg` of
 * doubles divides. The scan for the bounds runs through `query`, so a warm run reads them back with the features.
 */
async function exactSums(db: Database, query: MetricsQuery): Promise<{ total: (name: string) => string; mean: (name: string) => string; squares: (name: string) => string }> {
  const described = await db.all(`DESCRIBE ${FEATURES}`);
  const typed = (pattern: RegExp) => new Set(described.filter((r) => pattern.test(String(r.column_type))).map((r) => String(r.column_name)));
  const whole = typed(/^(BOOLEAN|U?(TINYINT|SMALLINT|INTEGER|BIGINT))$/);
  // Squares of 32-bit integers stay below 2^62, so their HUGEINT sum cannot overflow; larger integers square as doubles.
  const small = typed(/^(BOOLEAN|U?(TINYINT|SMALLINT|INTEGER))$/);
  const exact = (name: string) => `CAST(f.${q(name)} AS HUGEINT)`;
  const num = (name: string) => `CAST(f.${q(name)} AS DOUBLE)`;
  const fractional = [...typed(/^(DOUBLE|FLOAT|DECIMAL\(\d+,\d+\))$/)];
  const square = (name: string, row: string) => `CAST(${row}.${q(name)} AS DOUBLE) * CAST(${row}.${q(name)} AS DOUBLE)`;
  const wide = [...whole].filter((name) => !small.has(name));
  // One scan of the columns summed or squared; their squares' bounds follow from theirs (squaredBounds), scanned only
  // where they do not.
  const squared = [...fractional, ...wide];
  const bounds = await sumBounds((sql) => query(sql), FEATURES, new Map(squared.map((name) => [name, `t.${q(name)}`])));
  const derived = new Map(squared.flatMap((name) => (bounds.has(name) ? [[name, squaredBounds(bounds.get(name)!)] as const] : [])));
  const scanned = await sumBounds((sql) => query(sql), FEATURES, new Map(squared.filter((name) => !derived.get(name)).map((name) => [name, square(name, "t")])));
  const points = new Map<string, FixedPoint>();
  const keep = (key: string, found: SumBounds | undefined) => {
    const p = found ? fixedPointExponent(found) : undefined;
    if (p) points.set(key, p);
  };
  for (const name of fractional) keep(`s${name}`, bounds.get(name));
  for (const name of squared) keep(`ss${name}`, derived.get(name) ?? scanned.get(name));
  const point = (key: string) => points.get(key);
  const sum = (name: string) => {
    const p = point(`s${name}`);
    return p ? fixedPointSum(num(name), p) : inValueOrder("sum", num(name));
  };
  return {
    total: (name) => (whole.has(name) ? `sum(${exact(name)})` : sum(name)),
    mean: (name) => {
      if (whole.has(name)) return `CAST(sum(${exact(name)}) AS DOUBLE) / count(f.${q(name)})`;
      return point(`s${name}`) ? `(${sum(name)} / count(${num(name)}))` : inValueOrder("avg", num(name));
    },
    squares: (name) => {
      if (small.has(name)) return `sum(${exact(name)} * ${exact(name)})`;
      const p = point(`ss${name}`);
      return p ? fixedPointSum(square(name, "f"), p) : inValueOrder("sum", square(name, "f"));
    },
  };
}

/** Numeric and boolean features (declared, built-in or account columns), sorted by name. */
export function measuredFeatures(catalog: ReadonlyMap<string, CatalogEntry>): string[] {
  return [...catalog.values()].filter((e) => e.type === "number" || e.type === "boolean").map((e) => e.name).sort();
}

/** A segment's metrics from its row of the metrics query and the population's (also a warehouse's: warehouse/warehouse-aggregates.ts). */
export function toSegmentMetrics(scheme: string, row: Row, totals: Row, population: number, config: Config, comparable: string[], measure: string | undefined, measured: string[]): SegmentMetrics {
  const n = Number(row.n);
  const value = measure ? nullableNumber(row.value) : null;
  const totalValue = measure ? nullableNumber(totals.value) : null;
  const summary = (count: number, sum: number, squares: number): Summary => ({
    n: count,
    mean: count > 0 ? sum / count : Number.NaN,
    variance: count > 1 ? Math.max(0, (squares - (sum * sum) / count) / (count - 1)) : Number.NaN,
  });
  return {
    scheme,
    segment: row.segment === null ? null : String(row.segment),
    count: n,
    share: population > 0 ? n / population : 0,
    value,
    valueShare: value !== null && totalValue ? value / totalValue : null,
    rfm: config.rfm
      ? Object.fromEntries(["recency_days", "frequency", "monetary"].map((f) => [f, { mean: nullableNumber(row[`mean_${f}`]), median: nullableNumber(row[`median_${f}`]) }]))
      : null,
    metrics: Object.fromEntries(Object.keys(config.metrics).map((name) => [name, nullableNumber(row[`metric_${name}`])])),
    comparisons: comparable.map((feature, i) => {
      const sn = Number(row[`c${i}_n`] ?? 0);
      const ss = Number(row[`c${i}_s`] ?? 0);
      const sss = Number(row[`c${i}_ss`] ?? 0);
      const tn = Number(totals[`c${i}_n`] ?? 0);
      const ts = Number(totals[`c${i}_s`] ?? 0);
      const tss = Number(totals[`c${i}_ss`] ?? 0);
      return { feature, segment: summary(sn, ss, sss), rest: summary(tn - sn, ts - ss, tss - sss) };
    }),
    features: Object.fromEntries(measured.map((feature, i) => [feature, { n: Number(row[`f${i}_n`] ?? 0), mean: nullableNumber(row[`f${i}_mean`]) }])),
  };
}

async function overlap(query: MetricsQuery, scheme: string): Promise<Record<string, number>> {
  const rows = await query(
    `SELECT a.segment AS a, b.segment AS b, count(*) AS n FROM ${MEMBERSHIPS} a JOIN ${MEMBERSHIPS} b USING (scheme, ${q(MEMBER_ID)}) WHERE scheme = ${lit(scheme)} AND a.segment < b.segment GROUP BY 1, 2 ORDER BY 1, 2`,
    scheme,
  );
  return Object.fromEntries(rows.map((r) => [`${String(r.a)}|${String(r.b)}`, Number(r.n)]));
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
