/**
 * Every name a segment expression may use, with its type and what it
 * describes: account columns, declared features, and the built-ins that RFM and
 * value tiers add.
 */
import type { Config } from "../schema/config.ts";
import type { ColumnKind } from "../schema/source.ts";

export type ValueType = "number" | "string" | "boolean";

export interface CatalogEntry {
  name: string;
  type: ValueType;
  kind: ColumnKind;
  origin: "column" | "feature" | "builtin";
  description: string;
}

export const RFM_FEATURES: readonly CatalogEntry[] = [
  { name: "recency_days", type: "number", kind: "behavioral", origin: "builtin", description: "Days from the last purchase to the reference date." },
  { name: "frequency", type: "number", kind: "behavioral", origin: "builtin", description: "Distinct orders." },
  { name: "monetary", type: "number", kind: "behavioral", origin: "builtin", description: "Sum of order amounts." },
  { name: "r_score", type: "number", kind: "behavioral", origin: "builtin", description: "Recency quintile score, 5 = most recent." },
  { name: "f_score", type: "number", kind: "behavioral", origin: "builtin", description: "Frequency quintile score, 5 = most frequent." },
  { name: "m_score", type: "number", kind: "behavioral", origin: "builtin", description: "Monetary quintile score, 5 = highest spend." },
  { name: "rfm_group", type: "string", kind: "behavioral", origin: "builtin", description: "The named RFM group the member falls in." },
  { name: "tenure_days", type: "number", kind: "behavioral", origin: "builtin", description: "Days from the first purchase to the reference date." },
  { name: "ltv", type: "number", kind: "behavioral", origin: "builtin", description: "Revenue to date: the total paid so far, equal to monetary. Not a projected lifetime value." },
];

export const VALUE_TIER_FEATURE: CatalogEntry = {
  name: "value_tier",
  type: "string",
  kind: "behavioral",
  origin: "builtin",
  description: "high, mid or low, by percentile of the value measure.",
};

export const USAGE_INTENSITY: CatalogEntry = {
  name: "usage_intensity",
  type: "number",
  kind: "behavioral",
  origin: "builtin",
  description: "Events per active day over the 90 days before as_of (from the first events source); 0 without activity.",
};

/** The events source usage intensity is measured on: the first one with a customer and a timestamp. */
export function usageSource(config: Config): string | undefined {
  return Object.entries(config.sources).find(([, s]) => s.kind === "events" && s.customer !== undefined && s.timestamp !== undefined)?.[0];
}

export const CLUSTER_FEATURES: readonly CatalogEntry[] = [
  { name: "cluster_id", type: "string", kind: "behavioral", origin: "builtin", description: "The id of the member's nearest k-means cluster." },
  { name: "cluster_name", type: "string", kind: "behavioral", origin: "builtin", description: "The descriptive name of the member's cluster." },
];

/** The member id column every features table starts with. */
const MEMBER_ID = "member_id";

/**
 * Names the features table gives to something computed (declared features and
 * built-ins), rather than to an accounts column.
 */
export function computedNames(config: Config): string[] {
  const names = [MEMBER_ID, ...Object.keys(config.features)];
  if (config.rfm) names.push(...RFM_FEATURES.map((f) => f.name));
  if (config.value_tiers) names.push(VALUE_TIER_FEATURE.name);
  if (config.clustering) names.push(...CLUSTER_FEATURES.map((f) => f.name), ...CLUSTER_INTERNAL_COLUMNS);
  if (usageSource(config) !== undefined) names.push(USAGE_INTENSITY.name);
  return names;
}

/** Columns the engine adds to the features table for clustering that expressions do not use. */
export const CLUSTER_INTERNAL_COLUMNS: readonly string[] = ["cluster_outlier", "cluster_status"];

/**
 * The accounts columns the features table carries, in declaration order: every
 * column but those a declared feature or built-in of the same name replaces
 * (`monthly_charges: { column: monthly_charges }`, or `channel` for a column
 * `Channel`). Names are compared ignoring case, as DuckDB, BigQuery and
 * Snowflake compare column names, so one table never holds both and every
 * target gives the same columns.
 */
export function carriedAccountColumns(config: Config, sourceName: string): string[] {
  const taken = new Set(computedNames(config).map((name) => name.toLowerCase()));
  return Object.keys(config.sources[sourceName]?.columns ?? {}).filter((column) => !taken.has(column.toLowerCase()));
}

/** Names usable inside an expression evaluated on a source's own rows (filters, where of aggregates). */
export function sourceColumnCatalog(config: Config, sourceName: string): Map<string, CatalogEntry> {
  const out = new Map<string, CatalogEntry>();
  const source = config.sources[sourceName];
  if (!source) return out;
  for (const [name, column] of Object.entries(source.columns)) {
    out.set(name, { name, type: valueTypeOf(column.type), kind: column.kind, origin: "column", description: column.description ?? "" });
  }
  return out;
}

/**
 * Names usable in segment definitions and computed features: columns of the
 * population (accounts) source, declared features and built-ins. Computed
 * features get their type from `inferType`, supplied by the expression checker.
 */
export function featureCatalog(config: Config, inferType: (expression: string, known: Map<string, CatalogEntry>) => ValueType = () => "boolean"): Map<string, CatalogEntry> {
  const out = new Map<string, CatalogEntry>();
  for (const [sourceName, source] of Object.entries(config.sources)) {
    if (source.kind !== "accounts") continue;
    const carried = new Set(carriedAccountColumns(config, sourceName));
    for (const entry of sourceColumnCatalog(config, sourceName).values()) if (carried.has(entry.name)) out.set(entry.name, entry);
  }
  if (config.rfm) for (const entry of RFM_FEATURES) out.set(entry.name, entry);
  if (config.value_tiers) out.set(VALUE_TIER_FEATURE.name, VALUE_TIER_FEATURE);
  if (config.clustering) for (const entry of CLUSTER_FEATURES) out.set(entry.name, entry);
  if (usageSource(config) !== undefined && !config.features[USAGE_INTENSITY.name]) out.set(USAGE_INTENSITY.name, USAGE_INTENSITY);
  for (const [name, feature] of Object.entries(config.features)) {
    const description = feature.description ?? "";
    if ("aggregate" in feature) {
      out.set(name, { name, type: "number", kind: feature.kind ?? "behavioral", origin: "feature", description });
    } else if ("column" in feature) {
      const column = config.sources[feature.source]?.columns[feature.column];
      const categorical = feature.normalize !== undefined || feature.buckets !== undefined;
      out.set(name, {
        name,
        type: categorical ? "string" : valueTypeOf(column?.type ?? "string"),
        kind: feature.kind ?? column?.kind ?? "other",
        origin: "feature",
        description,
      });
    }
  }
  // Computed features may use one another; resolve in declaration order.
  for (const [name, feature] of Object.entries(config.features)) {
    if ("expression" in feature) {
      out.set(name, { name, type: inferType(feature.expression, out), kind: feature.kind ?? "behavioral", origin: "feature", description: feature.description ?? "" });
    }
  }
  return out;
}

function valueTypeOf(type: string): ValueType {
  if (type === "integer" || type === "number") return "number";
  if (type === "boolean") return "boolean";
  return "string";
}
