/**
 * The plan: what Seg computes from the data, as data, independent of any SQL
 * dialect. Built from the validated config, the segments and (for `seg compile`)
 * the clusters of the lock: sources → typed columns → features → RFM → value
 * tiers → memberships → cluster assignment. `emit/` renders it as SQL for one
 * dialect (src/expr/dialects/): the engine runs it in DuckDB
 * (engine/build-feature-table, engine/membership), `seg compile` writes it for
 * any warehouse (relations.ts), so both compute the same numbers from one
 * definition.
 */
import type { Expr } from "../expr/ast.ts";
import type { ColumnType } from "../expr/dialects/dialect.ts";
import { parseExpression } from "../expr/parser.ts";
import { population } from "../engine/population.ts";
import type { Config } from "../schema/config.ts";
import type { AggregateFeature, AttributeFeature } from "../schema/feature.ts";
import type { Source } from "../schema/source.ts";
import { carriedAccountColumns, usageSource } from "../workspace/feature-catalog.ts";
import { schemeSegments } from "../workspace/scheme-segments.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import type { ClusterModel } from "./cluster-model.ts";
import { usageIntensityFeature } from "./usage-intensity.ts";

/** The member id column of every relation the plan makes (features, clusters, memberships). */
export const MEMBER_ID = "member_id";

/** Everything up to the features relation: what the engine's features table holds. */
export interface FeaturesPlan {
  asOf: string;
  /** The sources the features read, in config order. */
  sources: SourcePlan[];
  population: PopulationPlan;
  /** Aggregate and attribute features in config order (the engine's column order). */
  features: (AggregatePlan | AttributePlan)[];
  rfm: RfmPlan | undefined;
  /** Computed features in config order; each may use the ones before it. */
  computed: { name: string; expression: Expr }[];
  valueTier: { measure: string; high: number; low: number } | undefined;
}

/** The whole plan: features, the lock's cluster model (seg compile) and every scheme's segments. */
export interface CompilePlan extends FeaturesPlan {
  clusters: ClusterModel | undefined;
  schemes: SchemePlan[];
}

/** A source: typed columns, derived columns, filter (the engine loads and checks it in load-sources). */
export interface SourcePlan {
  name: string;
  /**
   * Read from text (CSV): values are trimmed and empty text is missing before the cast. "strings": only the string
   * columns are (a warehouse table whose other columns hold their declared types, warehouse/postgres-features.ts).
   */
  textual: boolean | "strings";
  columns: { name: string; from: string; type: ColumnType }[];
  derived: { name: string; type: ColumnType; expression: Expr }[];
  filter: Expr | undefined;
}

/** One member per distinct key of the accounts source, or per customer of the RFM source. */
export interface PopulationPlan {
  source: string;
  column: string;
  type: ColumnType;
  /** Whether the population is an accounts source whose columns join the features. */
  accounts: boolean;
  /** The accounts columns carried into the features, in config order. */
  accountColumns: string[];
}

/** An aggregate feature: related rows per member, optionally windowed and filtered. */
export interface AggregatePlan {
  kind: "aggregate";
  name: string;
  source: string;
  customer: string;
  aggregate: AggregateFeature["aggregate"];
  column: string | undefined;
  timestamp: string | undefined;
  where: Expr | undefined;
  /** First moment of the window (`YYYY-MM-DD HH:MM:SS`), when windowed. */
  windowStart: string | undefined;
  /** The value of members without rows. */
  fallback: number | null;
}

/** An attribute feature: an accounts column as is, normalized into categories, or bucketed. */
export interface AttributePlan {
  kind: "attribute";
  name: string;
  column: string;
  normalize: { categories: { label: string; keywords: string[]; regex: string[] }[]; otherwise: string } | undefined;
  buckets: { label: string; below: number | undefined }[] | undefined;
}

/** RFM values and quintile scores from a transactions source, and the named RFM groups. */
export interface RfmPlan {
  source: string;
  customer: string;
  timestamp: string;
  amount: string;
  order: string;
  /** The order ids present are known to be all different (the engine's key check proved it): frequency counts them without DISTINCT. */
  ordersUnique?: true;
  /** No row lacks an order id either (the key check counted none missing): with ordersUnique, frequency counts rows, without reading the ids. */
  ordersComplete?: true;
  reference: "as-of" | "newest-plus-one-day";
  groups: { name: string; expression: Expr }[];
}

export type SegmentCondition = { kind: "where"; expression: Expr } | { kind: "rfm-group"; group: string } | { kind: "cluster"; cluster: string };

/** A scheme's segments in evaluation order. */
export interface SchemePlan {
  id: string;
  exclusive: boolean;
  segments: { id: string; condition: SegmentCondition }[];
}

/** The start of the as-of day, the moment windows and recency end at. */
export function asOfMoment(asOf: string): string {
  return `${asOf} 00:00:00`;
}

export function buildPlan(config: Config, segments: readonly LoadedSegment[], asOf: string, clusters: ClusterModel | undefined): CompilePlan {
  return { ...featuresPlan(config, asOf), clusters, schemes: schemesPlan(config, segments) };
}

export function featuresPlan(config: Config, asOf: string): FeaturesPlan {
  const population = populationPlan(config);
  const features = Object.entries(config.features).flatMap(([name, feature]): (AggregatePlan | AttributePlan)[] => {
    if ("aggregate" in feature) return [aggregatePlan(name, feature, config, asOf)];
    if ("column" in feature) {
      return [{ kind: "attribute", name, column: feature.column, normalize: normalizePlan(feature.normalize), buckets: feature.buckets?.map((b) => ({ label: b.label, below: b.below })) }];
    }
    return [];
  });
  const usage = usageSource(config);
  if (usage !== undefined && !config.features.usage_intensity) features.push(aggregatePlan("usage_intensity", usageIntensityFeature(usage), config, asOf));
  const rfm = config.rfm ? rfmPlan(config.rfm, config) : undefined;
  const used = new Set([population.source, ...features.flatMap((f) => (f.kind === "aggregate" ? [f.source] : [])), ...(rfm ? [rfm.source] : [])]);
  return {
    asOf,
    sources: Object.keys(config.sources).filter((name) => used.has(name)).map((name) => sourcePlan(name, config)),
    population,
    features,
    rfm,
    computed: Object.entries(config.features).flatMap(([name, feature]) => ("expression" in feature ? [{ name, expression: parse(feature.expression) }] : [])),
    valueTier: config.value_tiers ? { measure: config.value_tiers.measure, high: config.value_tiers.high, low: config.value_tiers.low } : undefined,
  };
}

/** Every scheme's segments in evaluation order, with the condition that puts a member in each. */
export function schemesPlan(config: Config, segments: readonly LoadedSegment[]): SchemePlan[] {
  return Object.entries(config.schemes).map(([id, scheme]) => ({
    id,
    exclusive: scheme.exclusive,
    segments: schemeSegments(segments, id).map((s) => ({ id: s.value.id, condition: segmentCondition(s) })),
  }));
}

export function sourcePlan(name: string, config: Config): SourcePlan {
  const source = config.sources[name]!;
  const format = source.format ?? (/\.parquet$/i.test(source.path ?? "") ? "parquet" : "csv");
  return {
    name,
    textual: format === "csv",
    columns: Object.entries(source.columns).filter(([, c]) => c.expression === undefined).map(([column, c]) => ({ name: column, from: c.from ?? column, type: c.type })),
    ...derivedAndFilter(source),
  };
}

/** A source's derived columns and filter, parsed (also what the engine applies to the typed columns it loaded). */
export function derivedAndFilter(source: Source): Pick<SourcePlan, "derived" | "filter"> {
  return {
    derived: Object.entries(source.columns).flatMap(([column, c]) => (c.expression !== undefined ? [{ name: column, type: c.type, expression: parse(c.expression) }] : [])),
    filter: source.filter !== undefined ? parse(source.filter) : undefined,
  };
}

function populationPlan(config: Config): PopulationPlan {
  const { accounts } = population(config);
  if (accounts) {
    const source = config.sources[accounts]!;
    return { source: accounts, column: source.key, type: source.columns[source.key]?.type ?? "string", accounts: true, accountColumns: carriedAccountColumns(config, accounts) };
  }
  const rfm = config.rfm!;
  const source = config.sources[rfm.source]!;
  return { source: rfm.source, column: source.customer!, type: source.columns[source.customer!]?.type ?? "string", accounts: false, accountColumns: [] };
}

/** One aggregate feature as of `asOf` (also how impact measures a feature in its windows). */
export function aggregatePlan(name: string, feature: AggregateFeature, config: Config, asOf: string): AggregatePlan {
  const source = config.sources[feature.source]!;
  const fallback = feature.default !== undefined ? feature.default : ["count", "count_distinct", "count_distinct_days", "events_per_active_day", "sum"].includes(feature.aggregate) ? 0 : null;
  return {
    kind: "aggregate",
    name,
    source: feature.source,
    customer: source.customer!,
    aggregate: feature.aggregate,
    column: feature.column,
    timestamp: source.timestamp,
    where: feature.where !== undefined ? parse(feature.where) : undefined,
    windowStart: source.timestamp !== undefined && feature.window_days !== undefined ? asOfMoment(daysBefore(asOf, Math.trunc(feature.window_days))) : undefined,
    fallback,
  };
}

function normalizePlan(normalize: AttributeFeature["normalize"]): AttributePlan["normalize"] {
  if (!normalize) return undefined;
  return {
    categories: Object.entries(normalize.categories).map(([label, c]) => ({ label, keywords: (c.keywords ?? []).map((k) => k.toLowerCase()), regex: c.regex ?? [] })),
    otherwise: normalize.otherwise,
  };
}

function rfmPlan(rfm: NonNullable<Config["rfm"]>, config: Config): RfmPlan {
  const source = config.sources[rfm.source]!;
  return {
    source: rfm.source,
    customer: source.customer!,
    timestamp: source.timestamp!,
    amount: source.amount!,
    order: rfm.order ?? source.key,
    reference: rfm.reference,
    groups: Object.entries(rfm.groups ?? {}).map(([name, expression]) => ({ name, expression: parse(expression) })),
  };
}

function segmentCondition(segment: LoadedSegment): SegmentCondition {
  const definition = segment.value.definition;
  if ("where" in definition) return { kind: "where", expression: parse(definition.where) };
  if ("rfm_group" in definition) return { kind: "rfm-group", group: definition.rfm_group };
  return { kind: "cluster", cluster: definition.cluster };
}

/** The calendar date `days` days before `date` (both YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

function parse(text: string): Expr {
  const parsed = parseExpression(text);
  // Plans are built only from workspaces the check accepted.
  if (!parsed.ok) throw new Error(`expression failed to parse after validation: ${parsed.error.message}`);
  return parsed.ast;
}
