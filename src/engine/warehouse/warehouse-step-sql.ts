/**
 * The queries the warehouse steps of a recompute send, built from the plan
 * (src/compile/): per source, its checks (one row of counts: what
 * load-sources' checks measure on the rows) and the lock's digest of its typed
 * rows; then the features relation over every source's table. The live
 * PostgreSQL engine (warehouse/postgres-features.ts) sends these strings and
 * `--dry-run` prints them. Table names are the schema-validated `table:`
 * parts, quoted by the dialect; columns are quoted; literals are the dialect's.
 *
 * When a command reads some members only but clustering fits on every
 * member's features, the features query brings back the asked members' rows
 * and the clustering sample's (the complete members first in the order of
 * cluster/sample-key.ts, at most clustering.sample of them: the very rows
 * DuckDB would fit on), each row carrying the counts over every member
 * (sampledFeaturesSql), the features computed once.
 *
 * The checks and the digest are written for PostgreSQL only (FILTER, isfinite,
 * sha256 of text); the features relation and the clustering queries render in
 * every dialect that `seg compile` writes.
 */
import { featuresQuery } from "../../compile/emit/features-query.ts";
import { inputRef, renderQuery, resolveRefs, type Cte } from "../../compile/emit/query.ts";
import { sourceCtes, typedReadSql } from "../../compile/emit/source-ctes.ts";
import { featuresPlan, MEMBER_ID, sourcePlan, type SourcePlan } from "../../compile/plan.ts";
import { asDouble, type Dialect } from "../../expr/dialects/dialect.ts";
import { postgres } from "../../expr/dialects/postgres.ts";
import type { Config } from "../../schema/config.ts";
import type { Source } from "../../schema/source.ts";
import { sampleKeySql } from "../cluster/sample-key.ts";
import { rowDigestSql } from "./row-digest.ts";
import { quotedTable } from "./table-read-sql.ts";

/** Numbers from 10^15 up are written differently by the two databases (row-digest.ts): such sources are read as rows. */
export const DIGEST_LIMIT = "1e15";

/**
 * One row of counts over the source (typed, derived, then filtered) and its typed step (before the filter), each
 * relation scanned once: rows_read, not_finite, too_large, rows, missing_keys, future/newest/oldest (with a
 * timestamp), repeated_keys, repeated_rows, and copied (when the RFM order id is the key).
 */
export function sourceChecksSql(name: string, config: Config, asOf: string, today: string | undefined): string {
  const source = config.sources[name]!;
  const rfm = config.rfm;
  const ctes = typedCtes(name, config);
  const typed = ctes.find((c) => c.name === "s_derived") ?? ctes.find((c) => c.name === "s_typed")!;
  return withTable(`WITH ${ctesSql(ctes)}${factsSql(name, source, typed.name, asOf, today, rfm?.source === name ? rfm.order : undefined)}`, name, source);
}

/** One row, column `digest`: the lock's digest of the source's typed, filtered rows (row-digest.ts). */
export function sourceDigestSql(name: string, config: Config): string {
  const source = config.sources[name]!;
  return withTable(`WITH ${ctesSql(typedCtes(name, config))}\n${rowDigestSql("postgres", "s", source, postgres.quoteIdent)}`, name, source);
}

/**
 * The features relation (one row per member) over every source's table, in `dialect`. With `asked` (SQL over a member
 * id: whether it is an asked member, askedMembersSql), each source is cut at its scan to the rows whose member column
 * holds an asked member, so the warehouse computes their features alone: only when earlyFilterBlocker says nothing
 * needs the others' rows.
 */
export function warehouseFeaturesSql(config: Config, asOf: string, dialect: Dialect, asked?: (id: string) => string): string {
  const plan = featuresPlan(config, asOf);
  const sources = plan.sources.map(textual);
  const query = featuresQuery({ ...plan, sources }, dialect);
  const columns = memberColumns(plan);
  const tables = Object.fromEntries(
    Object.entries(config.sources).map(([name, source]) => {
      if (source.table === undefined) return [name, undefined];
      const table = quotedTable(dialect, source.table);
      const plain = sources.find((s) => s.name === name);
      if (!asked || !plain) return [name, table];
      // Each member column as the typed step reads it, so the id compared is the one the features carry.
      const kept = [...(columns.get(name) ?? [])].map((column) => asked(typedReadSql(plain, plain.columns.find((c) => c.name === column)!, dialect)));
      return [name, `(SELECT * FROM ${table} r WHERE ${kept.join(" OR ")})`];
    }),
  );
  return resolveRefs(renderQuery(query), (ref) => (ref.kind === "input" ? (tables[ref.source] ?? missing(ref)) : missing(ref)));
}

/**
 * The features of the asked members only (their ids a bound parameter), each column cast to text (`columns`; without
 * them, every column as the warehouse types it): from their rows alone when `early` (each source cut at its scan,
 * earlyFilterBlocker), else picked from every member's. The filter on the result stays when early: a kept row can name
 * another member too (an accounts source read by its key and by another member column).
 */
export function askedFeaturesSql(config: Config, asOf: string, dialect: Dialect, columns: readonly string[] | undefined, early: boolean): string {
  const qi = dialect.quoteIdent;
  const asked = (id: string) => askedMembersSql(dialect, id);
  const selected = columns ? columns.map((c) => `CAST(f.${qi(c)} AS ${dialect.type("string")}) AS ${qi(c)}`).join(", ") : "f.*";
  return `SELECT ${selected}\nFROM (\n${warehouseFeaturesSql(config, asOf, dialect, early ? asked : undefined)}\n) f\nWHERE ${asked(`f.${qi(MEMBER_ID)}`)}`;
}

/**
 * Why the asked members' features need other members' rows (a feature ranks or scores the whole population, or the
 * fit reads every member), or undefined when each source can be cut to the asked members' rows at its scan
 * (warehouseFeaturesSql with `asked`): every member column a source is read by is one of its declared columns.
 */
export function earlyFilterBlocker(config: Config, asOf: string): string | undefined {
  if (config.clustering) return "clustering fits on every member";
  const plan = featuresPlan(config, asOf);
  if (plan.rfm) return "the RFM scores rank every member";
  if (plan.valueTier) return "the value tiers rank every member";
  for (const [source, columns] of memberColumns(plan)) {
    const declared = plan.sources.find((s) => s.name === source)?.columns ?? [];
    const derived = [...columns].find((column) => !declared.some((c) => c.name === column));
    if (derived !== undefined) return `the member id of source "${source}" (${derived}) is a derived column`;
  }
  return undefined;
}

/** Per source, the columns holding the member id it is read by: the population's key, and each aggregate feature's customer column. */
function memberColumns(plan: ReturnType<typeof featuresPlan>): Map<string, Set<string>> {
  const columns = new Map<string, Set<string>>();
  const add = (source: string, column: string) => columns.set(source, (columns.get(source) ?? new Set()).add(column));
  add(plan.population.source, plan.population.column);
  for (const feature of plan.features) if (feature.kind === "aggregate") add(feature.source, feature.customer);
  return columns;
}

/** The columns the sampled features query adds (names no feature can have: features are identifiers). */
export const SAMPLED_COLUMNS = { asked: "seg:asked", sampled: "seg:sampled", members: "seg:members", complete: "seg:complete", min: (j: number) => `seg:min${j}`, max: (j: number) => `seg:max${j}` };

/**
 * The features relation computed once, bringing back (`columns` as text) the rows of the members `asked` picks (SQL over the
 * member id, a bound parameter) and of the clustering sample (the complete members first in sample-key order, at
 * most clustering.sample), flagged 1/0 in seg:asked and seg:sampled; every row also carries the counts over every
 * member (seg:members, seg:complete, and each clustering feature's least and greatest value over the complete
 * members, as text). With no complete member and none asked, the first member in sample-key order comes back, flagged
 * neither, so the counts do.
 */
export function sampledFeaturesSql(config: Config, asOf: string, dialect: Dialect, columns: readonly string[] | undefined, asked: (id: string) => string): string {
  const { features, seed, sample } = config.clustering!;
  const qi = dialect.quoteIdent;
  const text = dialect.type("string");
  const complete = completeSql(features, dialect);
  const id = `f.${qi(MEMBER_ID)}`;
  const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
  const rank = `row_number() OVER (PARTITION BY ${complete} ORDER BY ${sampleKeySql(dialect, id, seed)}, ${id})`;
  const over = [
    `${flag(asked(id))} AS ${qi(SAMPLED_COLUMNS.asked)}`,
    `CASE WHEN ${complete} AND ${rank} <= ${sample} THEN 1 ELSE 0 END AS ${qi(SAMPLED_COLUMNS.sampled)}`,
    `${rank} AS ${qi("seg:rank")}`,
    `count(*) OVER () AS ${qi(SAMPLED_COLUMNS.members)}`,
    `count(CASE WHEN ${complete} THEN 1 END) OVER () AS ${qi(SAMPLED_COLUMNS.complete)}`,
    ...features.flatMap((name, j) => {
      const x = `CASE WHEN ${complete} THEN f.${qi(name)} END`;
      return [`CAST(min(${x}) OVER () AS ${text}) AS ${qi(SAMPLED_COLUMNS.min(j))}`, `CAST(max(${x}) OVER () AS ${text}) AS ${qi(SAMPLED_COLUMNS.max(j))}`];
    }),
  ];
  const extra = [SAMPLED_COLUMNS.asked, SAMPLED_COLUMNS.sampled, SAMPLED_COLUMNS.members, SAMPLED_COLUMNS.complete, ...features.flatMap((_, j) => [SAMPLED_COLUMNS.min(j), SAMPLED_COLUMNS.max(j)])];
  // Without the columns (--dry-run: DuckDB names them when it builds the plan), every column as the warehouse types it.
  const selected = columns ? [...columns, ...extra].map((c) => `CAST(f.${qi(c)} AS ${text}) AS ${qi(c)}`) : ["f.*"];
  const inner = `SELECT f.*,\n  ${over.join(",\n  ")}\nFROM (\n${warehouseFeaturesSql(config, asOf, dialect)}\n) f`;
  const picked = [SAMPLED_COLUMNS.asked, SAMPLED_COLUMNS.sampled].map((c) => `f.${qi(c)} = 1`).join(" OR ");
  // With no complete member, the first member in sample-key order carries the counts.
  const counts = `(f.${qi(SAMPLED_COLUMNS.complete)} = 0 AND f.${qi("seg:rank")} = 1)`;
  return `SELECT ${selected.join(", ")}\nFROM (\n${inner}\n) f\nWHERE ${picked} OR ${counts}`;
}

/** Whether the member whose id is the SQL `id` is among the asked members, by id as text: a bound parameter (a list of texts), never their text in the SQL. */
export function askedMembersSql(dialect: Dialect, id: string): string {
  const text = `CAST(${id} AS ${dialect.type("string")})`;
  switch (dialect.name) {
    case "postgres":
      return `${text} = ANY($1::text[])`;
    case "bigquery":
      return `${text} IN UNNEST(@members)`;
    case "snowflake":
      return `ARRAY_CONTAINS(TO_VARIANT(${text}), PARSE_JSON(:1))`;
    case "duckdb":
      return `${text} IN (SELECT unnest($1))`;
  }
}

/** Every clustering feature of row `f` present and finite, as cluster/read-matrix.ts's completeCondition says on DuckDB. */
function completeSql(features: readonly string[], dialect: Dialect): string {
  return features.map((name) => finiteSql(asDouble(dialect, `f.${dialect.quoteIdent(name)}`), dialect)).join(" AND ");
}

function finiteSql(x: string, dialect: Dialect): string {
  switch (dialect.name) {
    case "duckdb":
      return `coalesce(isfinite(${x}), FALSE)`;
    case "bigquery":
      return `(${x} IS NOT NULL AND NOT IS_NAN(${x}) AND NOT IS_INF(${x}))`;
    case "postgres":
    case "snowflake": {
      const special = ["NaN", "inf", "-inf"].map((v) => `CAST(${dialect.stringLiteral(v)} AS ${dialect.doubleType})`);
      return `(${x} IS NOT NULL AND ${x} NOT IN (${special.join(", ")}))`;
    }
  }
}

/**
 * Strings read as text (trimmed, empty text missing), as the row copy reads them, whatever the source's file format;
 * the other columns cast directly, since the table holds them with their declared types, which gives the very values
 * their text would.
 */
function textual(plan: SourcePlan): SourcePlan {
  return { ...plan, textual: "strings" };
}

function typedCtes(name: string, config: Config): Cte[] {
  return sourceCtes(textual(sourcePlan(name, config)), "s", postgres);
}

function ctesSql(ctes: readonly Cte[]): string {
  return ctes.map((c) => `${c.name} AS (\n${c.sql}\n)`).join(",\n");
}

function withTable(sql: string, name: string, source: Source): string {
  const table = quotedTable(postgres, source.table!);
  return resolveRefs(sql, (ref) => (ref.kind === "input" && ref.source === name ? table : missing(ref)));
}

function missing(ref: unknown): never {
  throw new Error(`unexpected reference ${JSON.stringify(ref)}`);
}

function factsSql(name: string, source: Source, typed: string, asOf: string, today: string | undefined, orderColumn: string | undefined): string {
  const pq = postgres.quoteIdent;
  const numbers = Object.entries(source.columns).filter(([, spec]) => spec.type === "number").map(([column]) => `t.${pq(column)}`);
  const dates = Object.entries(source.columns).filter(([, spec]) => spec.type === "date" || spec.type === "timestamp").map(([column]) => `t.${pq(column)}`);
  const notFinite = [...numbers.map((c) => `${c} IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`), ...dates.map((c) => `NOT isfinite(${c})`)];
  const tooLarge = numbers.map((c) => `abs(${c}) >= ${DIGEST_LIMIT}`);
  const anyOf = (conditions: string[]) => (conditions.length > 0 ? conditions.join(" OR ") : "false");
  const key = `t.${pq(source.key)}`;
  const kept = [`count(*) AS rows`, `count(*) FILTER (WHERE ${key} IS NULL) AS missing_keys`];
  if (source.timestamp !== undefined) {
    const ts = `t.${pq(source.timestamp)}`;
    const cutoff = today !== undefined && today < asOf ? today : asOf;
    kept.push(`count(*) FILTER (WHERE CAST(${ts} AS timestamp) >= ${postgres.stringLiteral(cutoff)}::date + 1) AS future`, `CAST(max(${ts}) AS text) AS newest`, `CAST(min(${ts}) AS text) AS oldest`);
  }
  const parts = [
    `(SELECT count(*) AS rows_read FROM ${inputRef(name)}) r`,
    `(SELECT count(*) FILTER (WHERE ${anyOf(notFinite)}) AS not_finite, count(*) FILTER (WHERE ${anyOf(tooLarge)}) AS too_large FROM ${typed} t) v`,
    `(SELECT ${kept.join(", ")} FROM s t) k`,
    "(SELECT count(*) AS repeated_keys, coalesce(sum(n), 0) AS repeated_rows FROM repeated) d",
  ];
  if (orderColumn === source.key) {
    // Copies: rows equal in every column, among rows whose key repeats or is missing (check-member-keys' duplicateRows).
    const columns = Object.keys(source.columns).map((c) => `t.${pq(c)}`).join(", ");
    const candidates = `SELECT * FROM s t WHERE ${key} IS NULL OR ${key} IN (SELECT k FROM repeated)`;
    parts.push(`(SELECT coalesce(sum(copies - 1), 0) AS copied FROM (SELECT count(*) AS copies FROM (${candidates}) t GROUP BY ${columns} HAVING count(*) > 1) c) c`);
  }
  const repeated = `repeated AS (SELECT ${key} AS k, count(*) AS n FROM s t WHERE ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1)`;
  return `, ${repeated}\nSELECT * FROM ${parts.join("\nCROSS JOIN ")}`;
}
