/**
 * The `members` and `features` tables: the plan's features relation
 * (src/compile/emit/features-query.ts) rendered with the DuckDB dialect over
 * the sources load-sources typed and checked. One row per member with the
 * accounts columns, declared features, RFM values and scores, computed
 * features, RFM group and value tier, ordered by member id. `seg compile`
 * renders the same plan for a warehouse. With `only`, the declared features,
 * built-ins, RFM and the value tier outside it are left out (the accounts
 * columns are always carried): impact builds just what the definitions read
 * (features-needed.ts).
 */
import { sumKey, summedDoubles } from "../compile/emit/exact-sums.ts";
import { featuresQuery, membersSql, rfmValuesQuery } from "../compile/emit/features-query.ts";
import { renderQuery } from "../compile/emit/query.ts";
import { featuresPlan, MEMBER_ID, type FeaturesPlan } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import type { FixedPoint } from "../expr/dialects/fixed-point-sum.ts";
import type { Config } from "../schema/config.ts";
import { RFM_FEATURES, VALUE_TIER_FEATURE } from "../workspace/feature-catalog.ts";
import { buildAlignedFeatures } from "./aligned-features.ts";
import type { Database } from "./duckdb.ts";
import { FEATURES, MEMBERS, q, sourceTable } from "./sql-names.ts";
import type { ProfileStep } from "./step-profile.ts";
import { fixedPointsOf } from "./sum-bounds.ts";

/** RFM values per buying member (with the aggregate features its scan computes too), built apart so a profile can time them. */
const RFM_VALUES = q("rfm_values");

/** What loading proved of the sources' keys (check-member-keys), by source name. */
export interface KeyFacts {
  /** The present keys are all different. */
  unique: readonly string[];
  /** No row lacks a key. */
  complete: readonly string[];
}

const NOTHING_PROVED: KeyFacts = { unique: [], complete: [] };

/**
 * The features as of `asOf` (impact rebuilds them as of a launch day, `only` those it reads). `keys`: what loading
 * proved of the sources' keys (RFM then counts orders keyed by unique ids without DISTINCT, and rows when none lacks one).
 */
export async function buildFeatureTable(db: Database, config: Config, asOf: string, only?: ReadonlySet<string>, step: (name: ProfileStep) => void = () => undefined, keys: KeyFacts = NOTHING_PROVED): Promise<void> {
  const uniqueKeys = keys.unique;
  const plan = withUniqueOrders(only === undefined ? featuresPlan(config, asOf) : onlyFeatures(featuresPlan(config, asOf), only), config, keys);
  // The bounds scan is timed with the first step that sums.
  step(plan.rfm ? "RFM" : "features");
  const sumPoints = await fixedPoints(db, plan);
  if (plan.rfm) {
    // Joined to the members by id (aligned or not), which drops the row of the invoices without a customer: grouped
    // rather than tested at the scan (10,000,000 invoices: RFM's scan 4.6 -> 3.6 CPU s).
    await db.run(`CREATE OR REPLACE TEMP TABLE ${RFM_VALUES} AS ${renderQuery(rfmValuesQuery(plan, duckdb, sourceTable(plan.rfm.source), sumPoints, "grouped"))}`);
    step("features");
  }
  // Accounts keys the load proved all different are the members as they are: no grouping of 10,000,000 ids first, and
  // the accounts rows sorted by key are the members' own.
  const pop = plan.population;
  const unique = uniqueKeys.includes(pop.source) && config.sources[pop.source]?.key === pop.column;
  const inputs = { source: sourceTable, members: MEMBERS, sumPoints, ...(plan.rfm ? { rfmValues: RFM_VALUES } : {}) };
  // Lined up with the members when each has one accounts row (keys proved unique), else joined by member id.
  if (!pop.accounts || unique) await buildAlignedFeatures(db, plan, inputs);
  else {
    await db.run(`CREATE OR REPLACE TABLE ${MEMBERS} AS ${membersSql(plan, duckdb, sourceTable)}\nORDER BY 1`);
    await db.run(`CREATE OR REPLACE TABLE ${FEATURES} AS ${renderQuery(featuresQuery(plan, duckdb, inputs))}\nORDER BY ${q(MEMBER_ID)}`);
    if (plan.rfm) await db.run(`DROP TABLE ${RFM_VALUES}`);
  }
}

/**
 * The fixed point of each double column the plan sums (exact-sums.ts): one scan per source of their bounds over all
 * its rows (a bound of every subset the features read, so any as-of gives the same sums); a column whose values do not
 * fit, or are not all finite, has none and is added in ascending order.
 */
async function fixedPoints(db: Database, plan: FeaturesPlan): Promise<Map<string, FixedPoint>> {
  const points = new Map<string, FixedPoint>();
  for (const [source, columns] of summedDoubles(plan)) {
    const found = await fixedPointsOf((sql) => db.all(sql), sourceTable(source), new Map(columns.map((c) => [c, `t.${q(c)}`])));
    for (const [column, point] of found) points.set(sumKey(source, column), point);
  }
  return points;
}

/** RFM marked as counting unique orders when its order column is the key of a source whose keys are unique (and complete when no row lacks one). */
function withUniqueOrders(plan: FeaturesPlan, config: Config, keys: KeyFacts): FeaturesPlan {
  const rfm = plan.rfm;
  if (!rfm || !keys.unique.includes(rfm.source) || config.sources[rfm.source]?.key !== rfm.order) return plan;
  return { ...plan, rfm: { ...rfm, ordersUnique: true, ...(keys.complete.includes(rfm.source) ? { ordersComplete: true as const } : {}) } };
}

/** The plan cut to the features in `only`; RFM is kept whole when any of its columns is wanted. */
function onlyFeatures(plan: FeaturesPlan, only: ReadonlySet<string>): FeaturesPlan {
  return {
    ...plan,
    features: plan.features.filter((f) => only.has(f.name)),
    rfm: plan.rfm && RFM_FEATURES.some((f) => only.has(f.name)) ? plan.rfm : undefined,
    computed: plan.computed.filter((f) => only.has(f.name)),
    valueTier: plan.valueTier && only.has(VALUE_TIER_FEATURE.name) ? plan.valueTier : undefined,
  };
}
