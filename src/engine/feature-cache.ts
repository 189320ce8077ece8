/**
 * The features table, kept between runs one feature at a time: each feature's
 * column per member (RFM's columns together, the accounts columns together, the
 * members themselves apart) as a Parquet file in the cache folder (cache-dir.ts,
 * evicted as cache-entries.ts does). A column is filed under a hash of what it
 * is computed from: its plan (its definition, resolved against as_of), the
 * identities of the sources it reads and of the population's source
 * (load-record-cache.ts), the keys of the features it reads, and the versions of
 * Seg and DuckDB. So a warm check after a segment's rule was edited reads every
 * column back, and after one feature was edited recomputes that feature (and
 * what reads it) alone; the others are read back.
 *
 * The table is put together in the same column order and with the same column
 * types as a build from scratch (taken from the features query, which DuckDB
 * only plans), so nothing downstream can tell the difference; the columns line
 * up by position, each file holding every member in member id order.
 *
 * When every column is in the cache and the caller allows it (`view`), the
 * `members` and `features` tables are views over the cached files instead of
 * tables copied from them: a warm check reads only the columns its queries
 * name, and a query answered from the cache (metrics-memo.ts) reads none.
 */
import { join } from "node:path";
import { featuresQuery, membersSql } from "../compile/emit/features-query.ts";
import { renderQuery } from "../compile/emit/query.ts";
import { featuresPlan, MEMBER_ID, type FeaturesPlan } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import { referencedNames } from "../expr/referenced-names.ts";
import type { Config } from "../schema/config.ts";
import { RFM_FEATURES, VALUE_TIER_FEATURE } from "../workspace/feature-catalog.ts";
import { buildFeatureTable, type KeyFacts } from "./build-feature-table.ts";
import { cacheEntries, type CacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import type { Database } from "./duckdb.ts";
import { FEATURES, lit, MEMBERS, q, sourceTable } from "./sql-names.ts";
import type { ProfileStep } from "./step-profile.ts";

/** Feature columns kept: a few hundred, for the features of several workspaces and their recent states. */
const KEEP = 128;

/** Kept in a folder of the cache that the database itself reads and writes (run-engine.ts lets it in). */
export function featureFileCache(cacheDir: string): CacheEntries {
  return cacheEntries(join(cacheDir, "features"), KEEP);
}

/** A group of the features table's columns that is computed, kept and read back together. */
interface Unit {
  key: string;
  columns: string[];
  /** What to build (buildFeatureTable's `only`) to compute it; undefined for the members and accounts columns. */
  only: string[] | undefined;
}

export interface FeatureBuild {
  /** The cache key of the unit each column of the features table belongs to (the clusters' cache reads it). */
  columnKeys: ReadonlyMap<string, string>;
  /** `members` and `features` are views over the cache's files (every column was there and `view` was asked). */
  view: boolean;
}

/**
 * The `members` and `features` tables, as buildFeatureTable makes them, from the cache where it holds them.
 * `identities`: what each source's typed table is made from (loadSources); without an identity for every source
 * the features read, or without a cache, the table is built from scratch and nothing is kept (undefined).
 */
export async function cachedFeatureTable(
  db: Database,
  config: Config,
  asOf: string,
  step: (name: ProfileStep) => void,
  keys: KeyFacts,
  identities: Readonly<Record<string, string>>,
  entries: CacheEntries | undefined,
  view = false,
): Promise<FeatureBuild | undefined> {
  const plan = featuresPlan(config, asOf);
  const units = entries ? planUnits(plan, identities, keys.unique, String((await db.all("SELECT library_version AS v FROM pragma_version()"))[0]?.v)) : undefined;
  if (!entries || !units) {
    await buildFeatureTable(db, config, asOf, undefined, step, keys);
    return undefined;
  }
  const missing = [...units.values()].filter((unit) => !entries.has(unit.key, ["parquet"]));
  const members = units.get(MEMBER_ID)!;
  const accounts = units.get("accounts");
  let built: Set<string>;
  // Views only where nothing is computed: then no table of this run needs writing next to them.
  const asView = view && missing.length === 0;
  if (missing.includes(members) || (accounts && missing.includes(accounts))) {
    // The population changed: every column is computed again.
    await buildFeatureTable(db, config, asOf, undefined, step, keys);
    built = new Set(units.keys());
  } else {
    step("features");
    await db.run(`CREATE OR REPLACE ${asView ? "VIEW" : "TABLE"} ${MEMBERS} AS SELECT CAST(${q(MEMBER_ID)} AS ${await columnType(db, membersSql(plan, duckdb, sourceTable))}) AS ${q(MEMBER_ID)} FROM read_parquet(${lit(entries.path(members.key, "parquet"))})`);
    built = new Set();
    if (missing.length > 0) {
      const only = new Set(missing.flatMap((unit) => unit.only ?? []));
      await buildFeatureTable(db, config, asOf, closure(only, plan, config), step, keys);
      for (const [id, unit] of units) if (missing.includes(unit)) built.add(id);
    }
  }
  // The columns, in order and with their types, of a build from scratch (DuckDB plans the query without running it).
  const layout = (await db.all(`SELECT column_name, column_type FROM (DESCRIBE ${renderQuery(featuresQuery(plan, duckdb, { source: sourceTable, members: MEMBERS }))})`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const unitOf = columnUnits(units);
  if (layout.some((column) => !unitOf.has(column.name)) || new Set(layout.map((c) => c.name)).size !== layout.length) {
    // A column this module does not know how to file: built whole, nothing kept.
    if (asView) await db.run(`DROP VIEW ${MEMBERS}`);
    await buildFeatureTable(db, config, asOf, undefined, step, keys);
    return undefined;
  }
  for (const id of built) {
    const unit = units.get(id)!;
    const from = id === MEMBER_ID ? MEMBERS : FEATURES;
    await entries.putAsync(unit.key, [{ ext: "parquet", write: (tmp) => db.run(`COPY (SELECT ${[MEMBER_ID, ...unit.columns.filter((c) => c !== MEMBER_ID)].map(q).join(", ")} FROM ${from}) TO ${lit(tmp)} (FORMAT parquet)`) }]);
  }
  const everyUnitBuilt = built.size === units.size;
  if (!everyUnitBuilt) await assemble(db, layout, unitOf, units, built, entries, asView);
  return { columnKeys: new Map(layout.map((column) => [column.name, unitOf.get(column.name)!.key])), view: asView };
}

/** The features table from the members, the columns just built (the partial table) and the kept ones, lined up by position. */
async function assemble(db: Database, layout: { name: string; type: string }[], unitOf: Map<string, Unit>, units: Map<string, Unit>, built: Set<string>, entries: CacheEntries, view: boolean): Promise<void> {
  const partial = q("features_built");
  if (built.size > 0) await db.run(`ALTER TABLE ${FEATURES} RENAME TO ${partial}`);
  const alias = new Map<Unit, string>();
  const from = [`${MEMBERS} m`];
  for (const [id, unit] of units) {
    if (id === MEMBER_ID) alias.set(unit, "m");
    else if (built.has(id)) alias.set(unit, "p");
    else {
      alias.set(unit, `u${alias.size}`);
      from.push(`POSITIONAL JOIN read_parquet(${lit(entries.path(unit.key, "parquet"))}) ${alias.get(unit)}`);
    }
  }
  if (built.size > 0) from.push(`POSITIONAL JOIN ${partial} p`);
  const select = layout.map((column) => `CAST(${alias.get(unitOf.get(column.name)!)}.${q(column.name)} AS ${column.type}) AS ${q(column.name)}`);
  await db.run(`CREATE OR REPLACE ${view ? "VIEW" : "TABLE"} ${FEATURES} AS SELECT ${select.join(", ")} FROM ${from.join(" ")}`);
  if (built.size > 0) await db.run(`DROP TABLE ${partial}`);
}

/**
 * The units of the plan with their keys, by id (a feature's name; "member_id", "accounts", "rfm", "value_tier"), or
 * undefined when a source the features read has no identity.
 */
function planUnits(plan: FeaturesPlan, identities: Readonly<Record<string, string>>, uniqueKeys: readonly string[], duckdbVersion: string): Map<string, Unit> | undefined {
  if (plan.sources.some((s) => identities[s.name] === undefined)) return undefined;
  const source = (name: string) => ({ identity: identities[name], plan: plan.sources.find((s) => s.name === name) ?? null, uniqueKey: uniqueKeys.includes(name) });
  const base = { asOf: plan.asOf, population: plan.population, source: source(plan.population.source), duckdbVersion };
  const units = new Map<string, Unit>();
  const keyOfName = (name: string): string => {
    for (const unit of units.values()) if (unit.columns.includes(name)) return unit.key;
    return `unknown:${name}`;
  };
  units.set(MEMBER_ID, { key: cacheKey("feature-members", base), columns: [MEMBER_ID], only: undefined });
  if (plan.population.accounts) units.set("accounts", { key: cacheKey("feature-accounts", base), columns: plan.population.accountColumns, only: undefined });
  for (const feature of plan.features) {
    units.set(feature.name, { key: cacheKey("feature", base, feature, feature.kind === "aggregate" ? source(feature.source) : null), columns: [feature.name], only: [feature.name] });
  }
  if (plan.rfm) {
    const names = RFM_FEATURES.map((f) => f.name);
    units.set("rfm", { key: cacheKey("feature-rfm", base, plan.rfm, source(plan.rfm.source)), columns: names, only: names });
  }
  for (const computed of plan.computed) {
    units.set(computed.name, { key: cacheKey("feature-computed", base, computed, referencedNames(computed.expression).map(keyOfName)), columns: [computed.name], only: [computed.name] });
  }
  if (plan.valueTier) {
    const tier = VALUE_TIER_FEATURE.name;
    units.set(tier, { key: cacheKey("feature-tier", base, plan.valueTier, keyOfName(plan.valueTier.measure)), columns: [tier], only: [tier] });
  }
  // How a later Seg computes any of it is covered by Seg's version, part of every key (cacheKey).
  return units;
}

function columnUnits(units: Map<string, Unit>): Map<string, Unit> {
  const unitOf = new Map<string, Unit>();
  for (const unit of units.values()) for (const column of unit.columns) if (!unitOf.has(column)) unitOf.set(column, unit);
  return unitOf;
}

/** The names to build so that `only` can be computed: the computed features' inputs, the value tier's measure, RFM whole. */
function closure(only: Set<string>, plan: FeaturesPlan, config: Config): Set<string> {
  const pending = [...only];
  const needed = new Set<string>();
  const rfmNames = RFM_FEATURES.map((f) => f.name);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (needed.has(name)) continue;
    needed.add(name);
    const computed = plan.computed.find((c) => c.name === name);
    if (computed) pending.push(...referencedNames(computed.expression));
    if (name === VALUE_TIER_FEATURE.name && plan.valueTier) pending.push(plan.valueTier.measure);
    if (rfmNames.includes(name) && plan.rfm && !config.features[name]) pending.push(...rfmNames);
  }
  return needed;
}

/** The type of a query's only column. */
async function columnType(db: Database, sql: string): Promise<string> {
  return String((await db.all(`SELECT column_type FROM (DESCRIBE ${sql})`))[0]?.column_type);
}
