/**
 * Assemble the `features` table: one row per member with the accounts columns,
 * declared features, RFM values and scores, value tier and RFM group. Built in
 * stages because later features read earlier ones (computed features, groups
 * over scores, tiers over any measure).
 */
import type { Config } from "../schema/config.ts";
import type { Database } from "./duckdb.ts";
import { aggregateDefault, aggregateFeatureSql } from "./features/aggregate.ts";
import { attributeFeatureSql } from "./features/attribute.ts";
import { compileExpression } from "./features/compile-expression.ts";
import { quintileScore, rfmGroupSql, rfmValuesSql } from "./features/rfm.ts";
import { valueTierSql } from "./features/value-tiers.ts";
import { carriedAccountColumns, usageSource } from "../workspace/feature-catalog.ts";
import { usageIntensityFeature } from "./features/usage-intensity.ts";
import { population } from "./population.ts";
import { FEATURES, MEMBER_ID, MEMBERS, num, q, sourceTable } from "./sql-names.ts";
import type { ProfileStep } from "./step-profile.ts";

/** RFM values per buying member, kept apart so a profile can time them. */
const RFM_VALUES = q("rfm_values");

export async function buildFeatureTable(db: Database, config: Config, asOf: string, step: (name: ProfileStep) => void = () => undefined): Promise<void> {
  const pop = population(config);
  if (config.rfm) {
    step("RFM");
    await db.run(`CREATE OR REPLACE TEMP TABLE ${RFM_VALUES} AS ${rfmValuesSql(config.rfm, config, asOf)}`);
  }
  step("features");
  await db.run(`CREATE OR REPLACE TABLE ${MEMBERS} AS ${pop.sql} ORDER BY 1`);

  const select: string[] = [`m.${q(MEMBER_ID)}`];
  const joins: string[] = [];
  if (pop.accounts) {
    const source = config.sources[pop.accounts]!;
    for (const column of carriedAccountColumns(config, pop.accounts)) select.push(`a.${q(column)}`);
    joins.push(`LEFT JOIN ${sourceTable(pop.accounts)} a ON a.${q(source.key)} = m.${q(MEMBER_ID)}`);
  }
  let j = 0;
  for (const [name, feature] of Object.entries(config.features)) {
    if ("aggregate" in feature) {
      const alias = `f${j++}`;
      joins.push(`LEFT JOIN (${aggregateFeatureSql(feature, config.sources[feature.source]!, asOf)}) ${alias} ON ${alias}.${q(MEMBER_ID)} = m.${q(MEMBER_ID)}`);
      const fallback = aggregateDefault(feature);
      select.push(`${fallback === null ? `${alias}.value` : `coalesce(${alias}.value, ${num(fallback)})`} AS ${q(name)}`);
    } else if ("column" in feature) {
      select.push(`${attributeFeatureSql(feature)} AS ${q(name)}`);
    }
  }
  const usage = usageSource(config);
  if (usage !== undefined && !config.features.usage_intensity) {
    joins.push(`LEFT JOIN (${aggregateFeatureSql(usageIntensityFeature(usage), config.sources[usage]!, asOf)}) usage ON usage.${q(MEMBER_ID)} = m.${q(MEMBER_ID)}`);
    select.push("coalesce(usage.value, 0) AS usage_intensity");
  }
  if (config.rfm) {
    joins.push(`LEFT JOIN ${RFM_VALUES} rfm ON rfm.${q(MEMBER_ID)} = m.${q(MEMBER_ID)}`);
    select.push("rfm.recency_days", "coalesce(rfm.frequency, 0) AS frequency", "coalesce(rfm.monetary, 0) AS monetary", "rfm.tenure_days", "coalesce(rfm.monetary, 0) AS ltv");
  }
  let sql = `SELECT ${select.join(",\n  ")}\nFROM ${MEMBERS} m\n${joins.join("\n")}`;

  if (config.rfm) {
    // Scores rank members who bought; members without purchases get none.
    const bought = (column: string) => `CASE WHEN frequency > 0 THEN ${column} END`;
    sql = `SELECT *, ${quintileScore(bought("recency_days"), true)} AS r_score, ${quintileScore(bought("frequency"), false)} AS f_score, ${quintileScore(bought("monetary"), false)} AS m_score FROM (${sql})`;
  }
  for (const [name, feature] of Object.entries(config.features)) {
    if ("expression" in feature) sql = `SELECT *, ${compileExpression(feature.expression)} AS ${q(name)} FROM (${sql})`;
  }
  if (config.rfm) sql = `SELECT *, ${rfmGroupSql(config.rfm)} AS rfm_group FROM (${sql})`;
  if (config.value_tiers) sql = `SELECT *, ${valueTierSql(config.value_tiers)} AS value_tier FROM (${sql})`;
  await db.run(`CREATE OR REPLACE TABLE ${FEATURES} AS ${sql} ORDER BY ${q(MEMBER_ID)}`);
  if (config.rfm) await db.run(`DROP TABLE ${RFM_VALUES}`);
}
