/**
 * What a before/after comparison can measure. A measure is something counted
 * per member over a window of dated rows: a declared aggregate feature over a
 * timestamped source (re-counted over each window instead of its own
 * window_days), revenue and purchases from the RFM transactions, tickets, or a
 * dated flag such as `churned: churned_on is not null` on a date column of the
 * accounts (the share of members at risk at the window's start for whom the
 * date falls inside it). Everything else (an account attribute, a median, a
 * text feature, a KPI measured outside Seg) has no dates to split by and is
 * named with the reason.
 */
import { parseExpression } from "../../expr/parser.ts";
import type { Config } from "../../schema/config.ts";
import type { AggregateFeature } from "../../schema/feature.ts";
import type { Segment } from "../../schema/segment.ts";
import { population } from "../population.ts";

export type ImpactFormat = "number" | "percent" | "currency";

interface MeasureBase {
  /** The feature name, or revenue / purchases / tickets for the built-ins. */
  key: string;
  label: string;
  format: ImpactFormat;
  /** The source whose dates the windows must lie within. */
  source: string;
}

/** A per-member count, sum or average of dated rows in each window. */
export interface AggregateMeasure extends MeasureBase {
  kind: "mean";
  feature: AggregateFeature;
}

/** The share of members at risk at the window's start whose date column falls inside the window. */
export interface DatedFlagMeasure extends MeasureBase {
  kind: "share";
  /** The accounts date column that dates the flag (e.g. churned_on). */
  column: string;
}

export type ImpactMeasure = AggregateMeasure | DatedFlagMeasure;

export type MeasureLookup = { measure: ImpactMeasure } | { reason: string };

const UNDATED_AGGREGATES: ReadonlySet<AggregateFeature["aggregate"]> = new Set(["days_since_last", "days_since_first"]);

/** Revenue, purchases and tickets, from the first source of each kind that has the columns. */
export function builtInMeasures(config: Config): ImpactMeasure[] {
  const out: ImpactMeasure[] = [];
  const transactions = config.rfm?.source ?? Object.entries(config.sources).find(([, s]) => s.kind === "transactions" && s.amount && s.timestamp && s.customer)?.[0];
  const tx = transactions === undefined ? undefined : config.sources[transactions];
  if (transactions !== undefined && tx?.amount && tx.timestamp && tx.customer) {
    out.push({ key: "revenue", label: "Revenue per member", kind: "mean", format: config.currency ? "currency" : "number", source: transactions, feature: { source: transactions, aggregate: "sum", column: tx.amount } });
    const order = config.rfm?.source === transactions ? (config.rfm.order ?? tx.key) : tx.key;
    out.push({ key: "purchases", label: "Purchases per member", kind: "mean", format: "number", source: transactions, feature: { source: transactions, aggregate: "count_distinct", column: order } });
  }
  const tickets = Object.entries(config.sources).find(([, s]) => s.kind === "tickets" && s.timestamp && s.customer)?.[0];
  if (tickets !== undefined) out.push({ key: "tickets", label: "Tickets per member", kind: "mean", format: "number", source: tickets, feature: { source: tickets, aggregate: "count" } });
  return out;
}

/** The measure behind a metric, feature or KPI name, or why it cannot be split before and after. */
export function lookupMeasure(name: string, config: Config): MeasureLookup {
  const metric = config.metrics[name];
  if (metric) {
    if (metric.aggregate === "median") return { reason: `${metric.label} is a median, which a before/after test of means cannot compare` };
    const found = lookupFeature(metric.feature, config);
    if ("reason" in found) return found;
    if (metric.aggregate === "share" && found.measure.kind !== "share") return { reason: `${metric.label} is a share of ${metric.feature}, which is not a dated flag` };
    return { measure: { ...found.measure, label: metric.label, format: found.measure.kind === "share" ? "percent" : metric.format } };
  }
  return lookupFeature(name, config);
}

function lookupFeature(name: string, config: Config): MeasureLookup {
  const builtIns = builtInMeasures(config);
  if (name === "monetary" || name === "ltv") return found(builtIns.find((m) => m.key === "revenue"), `${name} has no transactions source with dates`);
  if (name === "frequency") return found(builtIns.find((m) => m.key === "purchases"), `${name} has no transactions source with dates`);
  const feature = config.features[name];
  if (!feature) return { reason: `${name} is not a declared feature with dated rows` };
  const label = feature.label ?? name.replaceAll("_", " ");
  if ("aggregate" in feature) {
    const source = config.sources[feature.source];
    if (!source?.timestamp) return { reason: `${name} counts rows of ${feature.source}, which has no timestamp` };
    if (UNDATED_AGGREGATES.has(feature.aggregate)) return { reason: `${name} counts days since a date, which has no value per window` };
    return { measure: { key: name, label, kind: "mean", format: "number", source: feature.source, feature } };
  }
  if ("expression" in feature) {
    const column = datedFlagColumn(feature.expression, config);
    const accounts = population(config).accounts;
    if (column !== undefined && accounts !== undefined) return { measure: { key: name, label, kind: "share", format: "percent", source: accounts, column } };
    return { reason: `${name} is computed from account columns, not from dated rows` };
  }
  return { reason: `${name} is an account attribute, which has no dates` };
}

function found(measure: ImpactMeasure | undefined, reason: string): MeasureLookup {
  return measure ? { measure } : { reason };
}

/** `x is not null` where x is a date or timestamp column of the accounts: the column that dates the flag. */
export function datedFlagColumn(expression: string, config: Config): string | undefined {
  const parsed = parseExpression(expression);
  if (!parsed.ok || parsed.ast.kind !== "isNull" || !parsed.ast.negated || parsed.ast.operand.kind !== "ident") return undefined;
  const accounts = population(config).accounts;
  const column = accounts === undefined ? undefined : config.sources[accounts]?.columns[parsed.ast.operand.name];
  return column && (column.type === "date" || column.type === "timestamp") ? parsed.ast.operand.name : undefined;
}

/** A segment's KPI and how the before/after comparison sees it. */
export interface KpiMeasureRef {
  /** Position in gtm.kpis. */
  index: number;
  name: string;
  direction: "increase" | "decrease" | null;
  /** The measure's key, or null with the reason it cannot be compared. */
  key: string | null;
  reason: string | null;
}

/** The segment's KPIs that name a metric or feature, each with its measure or the reason there is none. */
export function kpiMeasures(segment: Segment, config: Config): { kpis: KpiMeasureRef[]; measures: ImpactMeasure[] } {
  const kpis: KpiMeasureRef[] = [];
  const measures: ImpactMeasure[] = [];
  (segment.gtm?.kpis ?? []).forEach((kpi, index) => {
    if (kpi.metric === undefined) return;
    const lookup = lookupMeasure(kpi.metric, config);
    const direction = kpi.direction ?? null;
    if ("reason" in lookup) {
      kpis.push({ index, name: kpi.name, direction, key: null, reason: lookup.reason });
      return;
    }
    kpis.push({ index, name: kpi.name, direction, key: lookup.measure.key, reason: null });
    measures.push(lookup.measure);
  });
  return { kpis, measures };
}

/** Two measures that count the same rows the same way (tickets and a declared tickets_90d). */
function signature(m: ImpactMeasure): string {
  return m.kind === "share" ? `share|${m.source}|${m.column}` : `mean|${m.source}|${m.feature.aggregate}|${m.feature.column ?? ""}|${m.feature.where ?? ""}`;
}

export interface MeasureSet {
  /** Built-ins first, then declared metrics, then the extra measures (KPIs); each way of counting once. */
  measures: ImpactMeasure[];
  /** Any measure key → the key it is listed under (a declared feature replaces the built-in that counts the same rows). */
  canonical: ReadonlyMap<string, string>;
}

export function workspaceMeasures(config: Config, extra: readonly ImpactMeasure[] = []): MeasureSet {
  const list: ImpactMeasure[] = [];
  const canonical = new Map<string, string>();
  const add = (m: ImpactMeasure, declared: boolean) => {
    const at = list.findIndex((x) => x.key === m.key || signature(x) === signature(m));
    if (at < 0) {
      list.push(m);
      canonical.set(m.key, m.key);
      return;
    }
    const existing = list[at]!;
    if (declared && builtInKeys.has(existing.key) && !builtInKeys.has(m.key)) {
      // The declared feature names what the built-in counts: list it under its own name and label.
      list[at] = m;
      for (const [k, v] of canonical) if (v === existing.key) canonical.set(k, m.key);
      canonical.set(m.key, m.key);
    } else canonical.set(m.key, existing.key);
  };
  for (const m of builtInMeasures(config)) add(m, false);
  for (const name of Object.keys(config.metrics)) {
    const lookup = lookupMeasure(name, config);
    if ("measure" in lookup) add(lookup.measure, true);
  }
  for (const m of extra) add(m, true);
  return { measures: list, canonical };
}

const builtInKeys: ReadonlySet<string> = new Set(["revenue", "purchases", "tickets"]);
