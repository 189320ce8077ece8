/* eslint max-lines-per-function: "off" -- featuresQuery lists the relation's steps in the order the SQL runs them, one line or block each. */
/**
 * The features relation (the engine's features table): one row per member with
 * the accounts columns, the declared features, RFM values and scores, computed
 * features, the RFM group and the value tier, in the engine's column order.
 * Steps: the sources, the members, one step per source that aggregate
 * features read (one scan, each feature's window and filter per aggregate), RFM values
 * and their scores, the joined base row, then one step per layer that reads
 * the layer before.
 *
 * `seg compile` reads the sources from the warehouse's tables (input
 * references) and types them in the query; the engine has loaded, typed and
 * checked them already and passes its tables as `inputs`.
 */
import { emitSql } from "../../expr/emit-sql.ts";
import { MEMBER_ID, type AggregatePlan, type FeaturesPlan, type RfmPlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { aggregateScanKey, aggregatesSql, type NoCustomer } from "./aggregate-sql.ts";
import { attributeSql } from "./attribute-sql.ts";
import { exactSums } from "./exact-sums.ts";
import type { FixedPoint } from "../../expr/dialects/fixed-point-sum.ts";
import { indent, type Cte, type Query } from "./query.ts";
import { boughtSql, quintileScoreSql, rfmGroupSql, rfmReferenceSql, rfmValuesSql } from "./rfm-sql.ts";
import { sourceCtes } from "./source-ctes.ts";
import { tierCutsSql, valueTierSql } from "./value-tier-sql.ts";

/** Tables that hold the typed sources and the members already (the engine's). */
export interface FeatureInputs {
  /** The table of a typed, filtered source. */
  source(name: string): string;
  /** The table of the members (membersSql). */
  members: string;
  /** The table of the RFM values (rfmValuesQuery), when the engine built it apart to time it. */
  rfmValues?: string;
  /** The fixed points the bounds of the summed double columns allow (exact-sums.ts, by sumKey). */
  sumPoints?: ReadonlyMap<string, FixedPoint>;
  /** The engine's per-member tables in the members' order, read by position instead of joined by member id. */
  aligned?: AlignedInputs;
}

/** The column of an aligned table that holds each row's member's position in the members table (its rowid). */
export const MEMBER_POSITION = "__seg_member";

/**
 * Tables with one row per member, in the members table's order, each with the member's position (MEMBER_POSITION):
 * the base row reads them side by side (POSITIONAL JOIN, checked row by row against the members' positions: a row out
 * of step stops the query), so no hash join on the member id and no sort of the wide rows is needed. The engine
 * builds them (engine/aligned-features.ts); `seg compile` never does.
 */
export interface AlignedInputs {
  /** The accounts source's row of each member (alias a), its key the member id (in place of a position). */
  accounts?: string;
  /** Each aggregate group's table (alignedGroupQueries), by its step's name. */
  groups: ReadonlyMap<string, string>;
  /** RFM's values (rfmValuesQuery's columns, alias rfm) and the SQL of its scores over them. */
  rfm?: { values: string; scores: { r_score: string; f_score: string; m_score: string } };
  /** The value tier's tests over `t.<measure>` (tierCutsSql), from cut points found beforehand. */
  tier?: { high: string; low: string };
}

/**
 * RFM values per buying member (the rfm_values step), as a query of its own. When RFM ends at as_of and features
 * aggregate its source, the same scan computes them too (their columns are named as in aggregateGroups): RFM reads
 * the rows before as_of, which every such feature reads or chooses among, so 100,000,000 invoices are scanned and
 * grouped once rather than twice. Rows without a customer: `noCustomer` (aggregate-sql.ts).
 */
export function rfmValuesQuery(plan: FeaturesPlan, dialect: Dialect, source: string, sumPoints?: ReadonlyMap<string, FixedPoint>, noCustomer: NoCustomer = "dropped"): Query {
  const rfm = plan.rfm!;
  const sums = exactSums(plan, sumPoints);
  const shared = rfmSharedGroup(plan, aggregateGroups(plan));
  if (shared !== undefined) return { ctes: [], select: aggregatesSql([...rfmAggregates(rfm), ...shared.features], source, plan.asOf, dialect, sums, noCustomer) };
  const ctes: Cte[] = [];
  let reference: string | undefined;
  if (rfm.reference === "newest-plus-one-day") {
    reference = "rfm_reference";
    ctes.push({ name: reference, sql: rfmReferenceSql(rfm, source, dialect) });
  }
  return { ctes, select: rfmValuesSql(rfm, source, reference, plan.asOf, dialect, sums, noCustomer) };
}

interface AggregateGroup {
  /** The step's name: feature_N after its first feature. */
  name: string;
  /** Its features, each with its column in the step. */
  features: { feature: AggregatePlan; as: string }[];
}

/**
 * The aggregate groups the features query reads apart from RFM's scan (one scan and one GROUP BY of a source each),
 * keyed by member id, with the step name featuresQuery gives them: the engine aligns each to the members (AlignedInputs).
 * Rows without a customer: `noCustomer` (aggregate-sql.ts).
 */
export function alignedGroupQueries(plan: FeaturesPlan, dialect: Dialect, source: (name: string) => string, sumPoints?: ReadonlyMap<string, FixedPoint>, noCustomer: NoCustomer = "dropped"): { name: string; sql: string }[] {
  const groups = aggregateGroups(plan);
  const withRfm = rfmSharedGroup(plan, groups);
  const sums = exactSums(plan, sumPoints);
  return [...groups.values()].filter((group) => group !== withRfm).map((group) => ({ name: group.name, sql: aggregatesSql(group.features, source(group.features[0]!.feature.source), plan.asOf, dialect, sums, noCustomer) }));
}

/** Aggregate features by the scan that computes them (aggregateScanKey: one per source and customer), in config order. */
function aggregateGroups(plan: FeaturesPlan): Map<string, AggregateGroup> {
  const groups = new Map<string, AggregateGroup>();
  plan.features.forEach((feature, i) => {
    if (feature.kind === "attribute") return;
    const key = aggregateScanKey(feature);
    let group = groups.get(key);
    if (group === undefined) {
      group = { name: `feature_${i + 1}`, features: [] };
      groups.set(key, group);
    }
    group.features.push({ feature, as: group.features.length === 0 ? "value" : `value_${i + 1}` });
  });
  return groups;
}

/** The group RFM's scan computes too: its source's features, when RFM ends at as_of (a reference from the data needs a scan first) on the same timestamp. */
function rfmSharedGroup(plan: FeaturesPlan, groups: ReadonlyMap<string, AggregateGroup>): AggregateGroup | undefined {
  const rfm = plan.rfm;
  if (rfm === undefined || rfm.reference !== "as-of") return undefined;
  const group = groups.get(aggregateScanKey(rfm));
  return group?.features.every(({ feature }) => feature.timestamp === rfm.timestamp) ? group : undefined;
}

/** RFM's values as aggregate features (the aggregates rfmValuesSql writes when it ends at as_of), named as its columns. */
function rfmAggregates(rfm: RfmPlan): { feature: AggregatePlan; as: string }[] {
  const base = { kind: "aggregate", source: rfm.source, customer: rfm.customer, timestamp: rfm.timestamp, where: undefined, windowStart: undefined, fallback: null } as const;
  const value = (name: string, aggregate: AggregatePlan["aggregate"], column?: string) => ({ feature: { ...base, name, aggregate, column }, as: name });
  return [
    value("recency_days", "days_since_last"),
    // Unique ids counted are distinct ids counted, without the hash table per member that DISTINCT needs; when no row
    // lacks one, rows counted are ids counted, without reading the id column (15% of the RFM scan at 10,000,000 rows).
    value("frequency", rfm.ordersUnique ? "count" : "count_distinct", rfm.ordersUnique && rfm.ordersComplete ? undefined : rfm.order),
    value("monetary", "sum", rfm.amount),
    value("tenure_days", "days_since_first"),
  ];
}

/**
 * One row per member, column member_id; `source` names the typed source's step or table. (The engine takes an
 * accounts source whose keys it proved unique as the members without grouping them: aligned-features.ts.)
 */
export function membersSql(plan: FeaturesPlan, dialect: Dialect, source: (name: string) => string): string {
  const q = dialect.quoteIdent;
  const pop = plan.population;
  return `SELECT DISTINCT s.${q(pop.column)} AS ${q(MEMBER_ID)}\nFROM ${source(pop.source)} s\nWHERE s.${q(pop.column)} IS NOT NULL`;
}

export function featuresQuery(plan: FeaturesPlan, dialect: Dialect, inputs?: FeatureInputs): Query {
  const q = dialect.quoteIdent;
  const member = q(MEMBER_ID);
  const ctes: Cte[] = [];
  const sourceStep = new Map<string, string>();
  if (!inputs) {
    plan.sources.forEach((source, i) => {
      const name = `source_${i + 1}`;
      sourceStep.set(source.name, name);
      ctes.push(...sourceCtes(source, name, dialect));
    });
  }
  const step = inputs ? inputs.source : (source: string) => sourceStep.get(source) ?? missing(source);

  const pop = plan.population;
  if (!inputs) ctes.push({ name: "members", sql: membersSql(plan, dialect, step) });

  const aligned = inputs?.aligned;
  // An aligned table is read side by side with the members; `alias` must be on the member's row: its position is the
  // member's (the accounts row's key is the member id).
  const outOfStep: string[] = [];
  const sideBySide = (table: string, alias: string, key?: string) => {
    outOfStep.push(key === undefined ? `${alias}.${q(MEMBER_POSITION)} IS DISTINCT FROM m.rowid` : `${alias}.${q(key)} IS DISTINCT FROM m.${member}`);
    return `POSITIONAL JOIN ${table} ${alias}`;
  };
  const select = [`m.${member}`];
  const joins: string[] = [];
  if (pop.accounts) {
    for (const column of pop.accountColumns) select.push(`a.${q(column)}`);
    joins.push(aligned?.accounts ? sideBySide(aligned.accounts, "a", pop.column) : `LEFT JOIN ${step(pop.source)} a ON a.${q(pop.column)} = m.${member}`);
  }
  // Aggregate features of one source are one step (one scan, one GROUP BY), named after the first of them; RFM's step
  // when it computes them too.
  const groups = aggregateGroups(plan);
  const withRfm = rfmSharedGroup(plan, groups);
  const stepOf = new Map([...groups.values()].flatMap((group) => group.features.map(({ feature, as }) => [feature, { group, as }] as const)));
  for (const feature of plan.features) {
    if (feature.kind === "attribute") {
      select.push(`${attributeSql(feature, dialect)} AS ${q(feature.name)}`);
      continue;
    }
    const { group, as } = stepOf.get(feature)!;
    const alias = group === withRfm ? "rfm" : group.name;
    if (group !== withRfm && group.features[0]!.feature === feature) {
      const table = aligned?.groups.get(group.name);
      if (table !== undefined) joins.push(sideBySide(table, group.name));
      else {
        ctes.push({ name: group.name, sql: aggregatesSql(group.features, step(feature.source), plan.asOf, dialect, exactSums(plan, inputs?.sumPoints)) });
        joins.push(`LEFT JOIN ${group.name} ON ${group.name}.${member} = m.${member}`);
      }
    }
    const value = `${alias}.${q(as)}`;
    select.push(`${feature.fallback === null ? value : `coalesce(${value}, ${dialect.numberLiteral(feature.fallback)})`} AS ${q(feature.name)}`);
  }
  const zero = (column: string, as = column) => `coalesce(rfm.${q(column)}, 0) AS ${q(as)}`;
  if (plan.rfm && aligned?.rfm) {
    joins.push(sideBySide(aligned.rfm.values, "rfm"));
    select.push(`rfm.${q("recency_days")}`, zero("frequency"), zero("monetary"), `rfm.${q("tenure_days")}`, zero("monetary", "ltv"));
    const { scores } = aligned.rfm;
    select.push(`${scores.r_score} AS ${q("r_score")}`, `${scores.f_score} AS ${q("f_score")}`, `${scores.m_score} AS ${q("m_score")}`);
  } else if (plan.rfm) {
    let values = inputs?.rfmValues;
    if (values === undefined) {
      const query = rfmValuesQuery(plan, dialect, step(plan.rfm.source), inputs?.sumPoints);
      ctes.push(...query.ctes, { name: "rfm_values", sql: query.select });
      values = "rfm_values";
    }
    joins.push(`LEFT JOIN ${values} rfm ON rfm.${member} = m.${member}`);
    select.push(`rfm.${q("recency_days")}`, zero("frequency"), zero("monetary"), `rfm.${q("tenure_days")}`, zero("monetary", "ltv"));
    // The scores' window functions sort the members by each value: over the three values alone (a narrow row, joined
    // back by member id) rather than over every column of the base row, which at 10,000,000 members spilled.
    const bought = (column: string) => boughtSql(column, dialect);
    const scoredValues = `SELECT m.${member}, rfm.${q("recency_days")}, ${zero("frequency")}, ${zero("monetary")}\nFROM ${inputs?.members ?? "members"} m\nLEFT JOIN ${values} rfm ON rfm.${member} = m.${member}`;
    ctes.push({
      name: "rfm_scores",
      sql: `SELECT\n  t.${member},\n  ${[
        `${quintileScoreSql(bought("recency_days"), true, pop, dialect)} AS ${q("r_score")}`,
        `${quintileScoreSql(bought("frequency"), false, pop, dialect)} AS ${q("f_score")}`,
        `${quintileScoreSql(bought("monetary"), false, pop, dialect)} AS ${q("m_score")}`,
      ].join(",\n  ")}\nFROM (\n${indent(scoredValues)}\n) t`,
    });
    joins.push(`LEFT JOIN rfm_scores sc ON sc.${member} = m.${member}`);
    select.push(`sc.${q("r_score")}`, `sc.${q("f_score")}`, `sc.${q("m_score")}`);
  }
  if (outOfStep.length > 0) select[0] = `CASE WHEN ${outOfStep.join(" OR ")} THEN error('aligned feature tables out of step with the members') ELSE m.${member} END AS ${member}`;
  ctes.push({ name: "base", sql: `SELECT\n  ${select.join(",\n  ")}\nFROM ${inputs?.members ?? "members"} m${joins.map((j) => `\n${j}`).join("")}` });

  let last = "base";
  const layer = (name: string, columns: string[]) => {
    ctes.push({ name, sql: `SELECT\n  t.*,\n  ${columns.join(",\n  ")}\nFROM ${last} t` });
    last = name;
  };
  plan.computed.forEach((feature, i) => layer(`computed_${i + 1}`, [`${emitSql(feature.expression, dialect, (name) => `t.${q(name)}`)} AS ${q(feature.name)}`]));
  if (plan.rfm) layer("grouped", [`${rfmGroupSql(plan.rfm, dialect)} AS ${q("rfm_group")}`]);
  if (plan.valueTier && aligned?.tier) {
    layer("tiered", [`${tierCutsSql(plan.valueTier, aligned.tier, dialect)} AS ${q("value_tier")}`]);
  } else if (plan.valueTier) {
    // The tier's window sorts the members by the measure: over the member id and the measure alone, joined back by
    // member id, rather than over every column of the row (measured at 10,000,000 invoices: 10-19% less CPU for the step).
    const narrow = `SELECT t.${member}, t.${q(plan.valueTier.measure)} FROM ${last} t`;
    ctes.push({ name: "value_tiers", sql: `SELECT\n  t.${member},\n  ${valueTierSql(plan.valueTier, dialect)} AS ${q("value_tier")}\nFROM (${narrow}) t` });
    ctes.push({ name: "tiered", sql: `SELECT\n  t.*,\n  vt.${q("value_tier")}\nFROM ${last} t\nLEFT JOIN value_tiers vt ON vt.${member} = t.${member}` });
    last = "tiered";
  }
  return { ctes, select: `SELECT *\nFROM ${last}` };
}

function missing(source: string): never {
  throw new Error(`source ${source} is used but was not planned`);
}
