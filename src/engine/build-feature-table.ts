/**
 * The `members` and `features` tables: the plan's features relation
 * (src/compile/emit/features-query.ts) rendered with the DuckDB dialect over
 * the sources load-sources typed and checked. One row per member with the
 * accounts columns, declared features, RFM values and scores, computed
 * features, RFM group and value tier, ordered by member id. `seg compile`
 * renders the same plan for a warehouse.
 */
import { featuresQuery, membersSql } from "../compile/emit/features-query.ts";
import { renderQuery } from "../compile/emit/query.ts";
import { featuresPlan, MEMBER_ID } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import type { Config } from "../schema/config.ts";
import type { Database } from "./duckdb.ts";
import { FEATURES, MEMBERS, q, sourceTable } from "./sql-names.ts";

/** The features as of `asOf` (impact rebuilds them as of a launch day). */
export async function buildFeatureTable(db: Database, config: Config, asOf: string): Promise<void> {
  const plan = featuresPlan(config, asOf);
  await db.run(`CREATE OR REPLACE TABLE ${MEMBERS} AS ${membersSql(plan, duckdb, sourceTable)}\nORDER BY 1`);
  const query = featuresQuery(plan, duckdb, { source: sourceTable, members: MEMBERS });
  await db.run(`CREATE OR REPLACE TABLE ${FEATURES} AS ${renderQuery(query)}\nORDER BY ${q(MEMBER_ID)}`);
}
