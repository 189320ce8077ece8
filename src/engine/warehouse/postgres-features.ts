/* eslint max-lines-per-function: "off" -- computeInPostgres runs the warehouse steps in order (shape, checks, digest, features), a few lines each. */
/**
 * The heavy part of a recompute run in PostgreSQL: the sources typed, checked
 * and filtered, the lock's digest of their rows, and the features table (the
 * plan `seg compile --target postgres` renders: features, RFM values and
 * scores, value tiers), inside the run's read-only REPEATABLE READ transaction,
 * as queries only (common table expressions: nothing is created, nothing is
 * written, so a read-only user is enough). What comes back is one feature row
 * per member and a few aggregates per source, instead of every row.
 *
 * The checks load-sources runs on rows are asked as aggregates first: a source
 * goes on in the warehouse only when they would find nothing, or only what an
 * aggregate says in full (repeated transaction ids, copied rows: the same
 * warnings, built by the same functions). Anything else (a column typed other
 * than declared in the table, a value that is not finite, a repeated or
 * missing member key, a row dated after as_of, an empty source) returns
 * `{ ok: false }` with the reason, and the engine reads the rows instead, so
 * each problem is reported exactly as on DuckDB, with its example values.
 *
 * A command that reads some members only (seg explain) gets their rows alone;
 * when clustering fits on every member's features, the same query also sends
 * the deterministic sample the fit reads (at most clustering.sample rows) and
 * the counts over every member, so the fit is the one every member's rows give.
 * The queries are warehouse-step-sql.ts'; the rows each step brings back are
 * counted through `request.fetched`.
 */
import type pg from "pg";
import { MEMBER_ID } from "../../compile/plan.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { postgres } from "../../expr/dialects/postgres.ts";
import type { Config } from "../../schema/config.ts";
import type { Source } from "../../schema/source.ts";
import { spanIn, type LoadedDocument } from "../../workspace/read-document.ts";
import { buildFeatureTable } from "../build-feature-table.ts";
import { copiedRowsFinding, repeatedIdsFinding } from "../check-member-keys.ts";
import type { Database } from "../duckdb.ts";
import type { SourceStats } from "../load-sources.ts";
import type { SourceFinding } from "../source-finding.ts";
import type { FeatureSummary } from "../cluster/feature-summary.ts";
import type { DrawnSample } from "../cluster/read-matrix.ts";
import { FEATURES, MEMBERS, q, sourceTable } from "../sql-names.ts";
import { ROW_POSITION, typedSourceSql } from "../typed-source.ts";
import type { AssignmentModel } from "../cluster/assign-sql.ts";
import { quotedTable, tableColumns } from "./table-read-sql.ts";
import { aggregatesInPostgres, type WarehouseAggregates } from "./warehouse-aggregates.ts";
import type { AggregatesInput } from "./warehouse-aggregates-sql.ts";
import { askedFeaturesSql, askedMembersSql, DIGEST_LIMIT, earlyFilterBlocker, SAMPLED_COLUMNS, sampledFeaturesSql, sourceChecksSql, sourceDigestSql, warehouseFeaturesSql } from "./warehouse-step-sql.ts";

/** What the warehouse computed: the sources' stats and findings, as load-sources reports them; the features and members tables are built. */
export type WarehouseLoad =
  | {
      ok: true;
      sources: SourceStats[];
      diagnostics: Diagnostic[];
      uniqueKeys: string[];
      /** Feature rows brought back (the clustering sample's included). */
      rowsFetched: number;
      /** When the command asked for some members only and clustering fits on every member: the warehouse's sample and counts. */
      drawn?: DrawnSample;
      /** When the command asked for some members only: how the warehouse found their rows (AskedPath). */
      asked?: AskedPath;
      /**
       * With `aggregates` asked: the features table is empty (the fit reads `drawn`); this computes the rest in the
       * warehouse, given the fitted model, or says why it could not, having then brought every member's feature row
       * into the features table (`rows`), so the run goes on in DuckDB.
       */
      aggregate?: (model: AssignmentModel | undefined) => Promise<WarehouseAggregates | { ok: false; reason: string }>;
    }
  | { ok: false; reason: string };

/**
 * How the asked members' features were computed: from their rows alone, the member ids filtered at each source's scan
 * (`early`), or for every member and their rows picked from the result, `because` a feature ranks the whole
 * population (or the fit reads every member, or a member column is derived).
 */
export type AskedPath = { early: true } | { early: false; because: string };

/** What the engine asks of the warehouse beyond the sources' checks and the features. */
export interface PushdownRequest {
  /** Only these members' feature rows are brought back (by their id as text), when no later step reads every member. */
  members?: readonly string[];
  /** Send each source's digest query (the lock's sha256 of its rows); without it the sources' stats have no sha256. */
  digest: boolean;
  /**
   * Bring back no member's feature row: the clustering sample alone (when the workspace clusters), and a way to
   * compute every other step's aggregates in the warehouse once the fit is known (warehouse-aggregates.ts).
   */
  aggregates?: Pick<AggregatesInput, "catalog" | "schemes" | "findings">;
  /** Counts the rows each step brings back ("checks", "digest", "features"). */
  fetched: (step: string, rows: number) => void;
}

const BATCH_ROWS = 10_000;
const CURSOR = "seg_features";

/** PostgreSQL's type ids (pg_type.oid) that hold each declared type's values exactly as the row copy reads their text. */
const NATIVE_TYPES: Record<Source["columns"][string]["type"], readonly number[] | "any"> = {
  string: "any",
  integer: [20, 21, 23],
  // Not real (float4): its text reads back as another double than a cast gives.
  number: [20, 21, 23, 701, 1700],
  boolean: [16],
  date: [1082],
  timestamp: [1114],
};

export async function computeInPostgres(client: pg.Client, db: Database, config: LoadedDocument<Config>, asOf: string, today: string | undefined, request: PushdownRequest): Promise<WarehouseLoad> {
  const sources = config.value.sources;
  const fileOnly = Object.keys(sources).find((name) => sources[name]!.table === undefined);
  if (fileOnly !== undefined) return { ok: false, reason: `source "${fileOnly}" is read from its file, and the features join every source` };
  const rfm = config.value.rfm;
  const stats: SourceStats[] = [];
  const findings: SourceFinding[] = [];
  const uniqueKeys: string[] = [];
  await client.query("SAVEPOINT seg_pushdown");
  try {
    for (const [name, source] of Object.entries(sources)) {
      const table = quotedTable(postgres, source.table!);
      // Messages name the table the values are in, as the row copy's do.
      const asRead: Source = { ...source, path: `table ${source.table}` };
      const shape = await client.query({ text: `SELECT * FROM ${table} WHERE 1 = 0`, rowMode: "array" });
      const types = new Map(shape.fields.map((f) => [f.name, f.dataTypeID]));
      for (const [column, spec] of Object.entries(source.columns)) {
        if (spec.expression !== undefined) {
          if (spec.type !== "number" && spec.type !== "string") return { ok: false, reason: `${name}.${column} is derived as ${spec.type}, checked on rows only` };
          continue;
        }
        const type = types.get(spec.from ?? column);
        if (type === undefined) return { ok: false, reason: `${source.table} has no column ${spec.from ?? column}` };
        const native = NATIVE_TYPES[spec.type];
        if (native !== "any" && !native.includes(type)) return { ok: false, reason: `${source.table}.${spec.from ?? column} is not held as ${spec.type} in the table` };
      }
      const facts = await client.query<Record<string, string | null>>(sourceChecksSql(name, config.value, asOf, today));
      request.fetched("checks", facts.rows.length);
      const f = facts.rows[0]!;
      const n = (key: string) => Number(f[key] ?? 0);
      if (n("rows_read") === 0 || n("rows") === 0) return { ok: false, reason: `source "${name}" has no rows to keep` };
      if (n("not_finite") > 0) return { ok: false, reason: `source "${name}" has values that are not finite` };
      if (n("too_large") > 0) return { ok: false, reason: `source "${name}" has numbers from ${DIGEST_LIMIT} up` };
      if (n("future") > 0) return { ok: false, reason: `source "${name}" has rows dated after as_of or today` };
      const members = source.kind === "accounts";
      const keyed = members || source.kind === "transactions";
      const repeats = n("repeated_keys") > 0;
      if (members && (repeats || n("missing_keys") > 0)) return { ok: false, reason: `source "${name}" has missing or repeated member keys` };
      if (keyed && !repeats) uniqueKeys.push(name);
      // Rows that are lines of one order share its id: only exact copies are repeats (check-member-keys).
      if (keyed && !members && rfm?.source === name && rfm.order === source.key) {
        if (n("copied") > 0) findings.push(copiedRowsFinding(name, asRead, n("copied"), n("rows")));
      } else if (keyed && !members && repeats) {
        findings.push(repeatedIdsFinding(name, asRead, { keys: n("repeated_keys"), rows: n("repeated_rows"), extra: n("repeated_rows") - n("repeated_keys"), tableRows: n("rows") }));
      }
      let sha256: string | undefined;
      if (request.digest) {
        const digest = await client.query<{ digest: string }>(sourceDigestSql(name, config.value));
        request.fetched("digest", digest.rows.length);
        sha256 = digest.rows[0]!.digest;
      }
      stats.push({ name, ...(source.path !== undefined ? { path: source.path } : {}), table: source.table!, ...(sha256 !== undefined ? { sha256 } : {}), rowsRead: n("rows_read"), rows: n("rows"), newest: f.newest ?? null, oldest: f.oldest ?? null });
    }
    // A fit reads every member's clustering features: the warehouse's counts and sample stand in for them.
    let rowsFetched = 0;
    const fetched = (step: string, rows: number) => {
      request.fetched(step, rows);
      rowsFetched += rows;
    };
    const blocker = request.members ? earlyFilterBlocker(config.value, asOf) : undefined;
    const asked: AskedPath | undefined = request.members ? (blocker === undefined ? { early: true } : { early: false, because: blocker }) : undefined;
    const types = await emptyFeatureTable(db, config.value, asOf, uniqueKeys);
    const aggregates = request.aggregates && !request.members ? request.aggregates : undefined;
    // With aggregates asked, the sample alone comes back (no member asked); the rows only if the aggregates fail.
    const drawn = await fetchFeatures(client, db, config.value, asOf, types, aggregates && config.value.clustering ? [] : request.members, fetched, asked?.early === true, aggregates !== undefined && !config.value.clustering);
    const aggregate = aggregates
      ? async (model: AssignmentModel | undefined) => {
          const input = { config: config.value, asOf, types, ...aggregates, ...(model ? { model } : {}) };
          // A query the warehouse refuses leaves the transaction as it was: the features are then brought back.
          await client.query("SAVEPOINT seg_aggregates");
          const computed = await aggregatesInPostgres(client, input, fetched).then(
            async (done) => (await client.query("RELEASE SAVEPOINT seg_aggregates"), done),
            async (error: unknown) => (await client.query("ROLLBACK TO SAVEPOINT seg_aggregates"), { ok: false as const, reason: String((error as Error)?.message ?? error).split("\n")[0]! }),
          );
          if ("ok" in computed) {
            await db.run(`DELETE FROM ${FEATURES}`);
            await db.run(`DELETE FROM ${MEMBERS}`);
            await fetchFeatures(client, db, config.value, asOf, types, undefined, fetched, false, false);
          }
          return computed;
        }
      : undefined;
    await client.query("RELEASE SAVEPOINT seg_pushdown");
    const diagnostics = findings.map((finding): Diagnostic => ({
      ruleId: finding.ruleId,
      messageId: finding.messageId,
      severity: finding.severity,
      message: finding.message,
      hint: finding.hint,
      file: config.file.path,
      ...spanIn(config, finding.path),
      path: [...finding.path],
      ...(finding.data ? { data: finding.data } : {}),
    }));
    return { ok: true, sources: stats, diagnostics, uniqueKeys, rowsFetched, ...(drawn ? { drawn } : {}), ...(asked ? { asked } : {}), ...(aggregate ? { aggregate } : {}) };
  } catch (error) {
    // A query the warehouse refused (a value that does not cast, an overflow): the rows are read instead and the DuckDB checks say what is wrong.
    await client.query("ROLLBACK TO SAVEPOINT seg_pushdown");
    for (const table of [FEATURES, MEMBERS, SAMPLE, q("rows_text"), ...Object.keys(sources).flatMap((name) => [sourceTable(name), q(`raw_${name}`)])]) await db.run(`DROP TABLE IF EXISTS ${table}`);
    return { ok: false, reason: String((error as Error)?.message ?? error).split("\n")[0]! };
  }
}

/** The clustering sample's table in DuckDB: member_id and the clustering features, typed as in the features table. */
const SAMPLE = q("clustering_sample");

/**
 * The features table built in PostgreSQL and copied into DuckDB with the column types DuckDB gives it: the same plan
 * is first built in DuckDB over empty typed sources (which fixes every column's type), then filled with the
 * warehouse's rows, cast from their exact text. The empty sources are dropped, so no later step can read them as if
 * they held the rows. With `only`, the rows of those members alone (by their id as text, the way explain finds a
 * member), passed as a parameter, never written into the SQL; and when clustering fits on every member, the
 * warehouse's sample and counts stand in for every member's row (the drawn sample, in table clustering_sample).
 */
async function fetchFeatures(
  client: pg.Client,
  db: Database,
  config: Config,
  asOf: string,
  types: ReadonlyMap<string, string>,
  only: readonly string[] | undefined,
  fetched: PushdownRequest["fetched"],
  early: boolean,
  none: boolean,
): Promise<DrawnSample | undefined> {
  if (none) return undefined;
  const names = [...types.keys()];
  const pq = postgres.quoteIdent;
  const text = q("rows_text");
  if (only && config.clustering) {
    // The features computed once: the asked members' rows and the sample's, each with the counts over every member.
    const { features } = config.clustering;
    const sampleColumns = [MEMBER_ID, ...features];
    // No member asked (the warehouse computes the aggregates): the sample alone, its columns only.
    const sample = only.length === 0;
    const columns = sample ? sampleColumns : names;
    const sql = sampledFeaturesSql(config, asOf, postgres, columns, (id) => askedMembersSql(postgres, id));
    const extra = [SAMPLED_COLUMNS.asked, SAMPLED_COLUMNS.sampled, SAMPLED_COLUMNS.members, SAMPLED_COLUMNS.complete, ...features.flatMap((_, j) => [SAMPLED_COLUMNS.min(j), SAMPLED_COLUMNS.max(j)])];
    fetched(sample ? "clustering sample" : "features", await fetchText(client, db, { text: sql, values: [[...only]] }, text, [...columns, ...extra]));
    await db.run(`CREATE OR REPLACE TABLE ${SAMPLE} AS SELECT ${sampleColumns.map(q).join(", ")} FROM ${FEATURES} LIMIT 0`);
    await insertTyped(db, text, SAMPLE, sampleColumns, types, `${q(SAMPLED_COLUMNS.sampled)} = '1'`);
    if (!sample) await insertTyped(db, text, FEATURES, names, types, `${q(SAMPLED_COLUMNS.asked)} = '1'`);
    // Each range as DuckDB holds the value (the feature's type), then as the double the fit reads.
    const row = (await db.all(`SELECT * FROM ${text} LIMIT 1`))[0];
    const value = (column: string) => (row?.[column] == null ? null : String(row[column]));
    const asDouble = (column: string, feature: string) => (value(column) === null ? `NULL` : `CAST(CAST(${q(column)} AS ${types.get(feature)!}) AS DOUBLE)`);
    const ranges = features.flatMap((f, j) => [`${asDouble(SAMPLED_COLUMNS.min(j), f)} AS ${q(`min${j}`)}`, `${asDouble(SAMPLED_COLUMNS.max(j), f)} AS ${q(`max${j}`)}`]);
    const doubles = (await db.all(`SELECT ${ranges.join(", ")} FROM ${text} LIMIT 1`))[0] ?? {};
    const number = (key: string) => (typeof doubles[key] === "number" ? doubles[key] : null);
    const summary: FeatureSummary[] = features.map((feature, j) => ({ feature, min: number(`min${j}`), max: number(`max${j}`) }));
    await db.run(`DROP TABLE ${text}`);
    await db.run(`INSERT INTO ${MEMBERS} SELECT ${q(MEMBER_ID)} FROM ${FEATURES} ORDER BY 1`);
    return { table: SAMPLE, members: Number(value(SAMPLED_COLUMNS.members) ?? 0), complete: Number(value(SAMPLED_COLUMNS.complete) ?? 0), summary };
  }
  const query = only
    ? // Early, the sources' scans keep the asked members' rows alone.
      { text: askedFeaturesSql(config, asOf, postgres, names, early), values: [[...only]] }
    : { text: `SELECT ${names.map((c) => `CAST(f.${pq(c)} AS text)`).join(", ")} FROM (\n${warehouseFeaturesSql(config, asOf, postgres)}\n) f` };
  fetched("features", await fetchText(client, db, query, text, names));
  await insertTyped(db, text, FEATURES, names, types);
  await db.run(`DROP TABLE ${text}`);
  await db.run(`INSERT INTO ${MEMBERS} SELECT ${q(MEMBER_ID)} FROM ${FEATURES} ORDER BY 1`);
  return undefined;
}

/** The features table built in DuckDB over empty typed sources, empty (every column typed as DuckDB types it); returns the types by column. */
async function emptyFeatureTable(db: Database, config: Config, asOf: string, uniqueKeys: readonly string[]): Promise<Map<string, string>> {
  for (const [name, source] of Object.entries(config.sources)) {
    const raw = q(`raw_${name}`);
    const columns = tableColumns(source);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${raw} (${columns.map((c) => `${q(c)} VARCHAR`).join(", ")})`);
    await db.run(`CREATE OR REPLACE TABLE ${sourceTable(name)} AS ${typedSourceSql(raw, source, new Set(columns))}`);
    await db.run(`ALTER TABLE ${sourceTable(name)} DROP COLUMN ${q(ROW_POSITION)}`);
    await db.run(`DROP TABLE ${raw}`);
  }
  await buildFeatureTable(db, config, asOf, undefined, () => undefined, { unique: uniqueKeys, complete: [] });
  for (const name of Object.keys(config.sources)) await db.run(`DROP TABLE ${sourceTable(name)}`);
  const described = await db.all(`SELECT column_name, column_type FROM (DESCRIBE ${FEATURES})`);
  const types = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
  return types;
}

/** The rows of `query` (every column as text), read through a cursor in batches into the text table `text` (created here). Returns the rows. */
async function fetchText(client: pg.Client, db: Database, query: { text: string; values?: unknown[] }, text: string, columns: readonly string[]): Promise<number> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${text} (${columns.map((c) => `${q(c)} VARCHAR`).join(", ")})`);
  await client.query({ ...query, text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${query.text}` });
  let rows = 0;
  for (;;) {
    const batch = await client.query<(string | null)[]>({ text: `FETCH ${BATCH_ROWS} FROM ${CURSOR}`, rowMode: "array" });
    if (batch.rows.length === 0) break;
    rows += batch.rows.length;
    await db.appendText(text.slice(1, -1), batch.rows);
  }
  await client.query(`CLOSE ${CURSOR}`);
  return rows;
}

/** The rows of the text table `text` (those `where` keeps) cast to `types` and inserted into `table` in member order. */
async function insertTyped(db: Database, text: string, table: string, columns: readonly string[], types: ReadonlyMap<string, string>, where?: string): Promise<void> {
  const casts = columns.map((c) => `CAST(${q(c)} AS ${types.get(c)!}) AS ${q(c)}`);
  await db.run(`INSERT INTO ${table} SELECT * FROM (SELECT ${casts.join(", ")} FROM ${text}${where ? ` WHERE ${where}` : ""}) ORDER BY ${q(MEMBER_ID)}`);
}
