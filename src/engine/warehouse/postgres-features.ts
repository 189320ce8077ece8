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
 * A command that reads some members only (seg explain) gets their rows alone,
 * unless a step after this one reads every member's features (the clustering
 * fit): then every row comes back and `everyMemberBecause` says why. The
 * queries are warehouse-step-sql.ts'; the rows each step brings back are
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
import { FEATURES, MEMBERS, q, sourceTable } from "../sql-names.ts";
import { ROW_POSITION, typedSourceSql } from "../typed-source.ts";
import { quotedTable, tableColumns } from "./table-read-sql.ts";
import { DIGEST_LIMIT, sourceChecksSql, sourceDigestSql, warehouseFeaturesSql } from "./warehouse-step-sql.ts";

/** What the warehouse computed: the sources' stats and findings, as load-sources reports them; the features and members tables are built. */
export type WarehouseLoad =
  | {
      ok: true;
      sources: SourceStats[];
      diagnostics: Diagnostic[];
      uniqueKeys: string[];
      /** Feature rows brought back. */
      rowsFetched: number;
      /** When the command asked for some members only and every member's row came back all the same: why. */
      everyMemberBecause?: string;
    }
  | { ok: false; reason: string };

/** What the engine asks of the warehouse beyond the sources' checks and the features. */
export interface PushdownRequest {
  /** Only these members' feature rows are brought back (by their id as text), when no later step reads every member. */
  members?: readonly string[];
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
      const digest = await client.query<{ digest: string }>(sourceDigestSql(name, config.value));
      request.fetched("digest", digest.rows.length);
     
      stats.push({ name, ...(source.path !== undefined ? { path: source.path } : {}), table: source.table!, sha256: digest.rows[0]!.digest, rowsRead: n("rows_read"), rows: n("rows"), newest: f.newest ?? null, oldest: f.oldest ?? null });
    }
    // A fit reads every member's clustering features: then every member's row comes back, and the run says so.
    const everyMemberBecause = request.members && config.value.clustering ? "clustering fits k-means on every member's features" : undefined;
    const only = everyMemberBecause === undefined ? request.members : undefined;
    const rowsFetched = await fetchFeatures(client, db, config.value, asOf, uniqueKeys, only);
    request.fetched("features", rowsFetched);
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
    return { ok: true, sources: stats, diagnostics, uniqueKeys, rowsFetched, ...(everyMemberBecause !== undefined ? { everyMemberBecause } : {}) };
  } catch (error) {
    // A query the warehouse refused (a value that does not cast, an overflow): the rows are read instead and the DuckDB checks say what is wrong.
    await client.query("ROLLBACK TO SAVEPOINT seg_pushdown");
    for (const table of [FEATURES, MEMBERS, q("features_text"), ...Object.keys(sources).flatMap((name) => [sourceTable(name), q(`raw_${name}`)])]) await db.run(`DROP TABLE IF EXISTS ${table}`);
    return { ok: false, reason: String((error as Error)?.message ?? error).split("\n")[0]! };
  }
}

/**
 * The features table built in PostgreSQL and copied into DuckDB with the column types DuckDB gives it: the same plan
 * is first built in DuckDB over empty typed sources (which fixes every column's type), then filled with the
 * warehouse's rows, cast from their exact text. The empty sources are dropped, so no later step can read them as if
 * they held the rows. With `only`, the rows of those members alone (by their id as text, the way explain finds a
 * member), passed as a parameter, never written into the SQL. Returns the rows fetched.
 */
async function fetchFeatures(client: pg.Client, db: Database, config: Config, asOf: string, uniqueKeys: readonly string[], only: readonly string[] | undefined): Promise<number> {
  for (const [name, source] of Object.entries(config.sources)) {
    const raw = q(`raw_${name}`);
    const columns = tableColumns(source);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${raw} (${columns.map((c) => `${q(c)} VARCHAR`).join(", ")})`);
    await db.run(`CREATE OR REPLACE TABLE ${sourceTable(name)} AS ${typedSourceSql(raw, source, new Set(columns))}`);
    await db.run(`ALTER TABLE ${sourceTable(name)} DROP COLUMN ${q(ROW_POSITION)}`);
    await db.run(`DROP TABLE ${raw}`);
  }
  await buildFeatureTable(db, config, asOf, undefined, () => undefined, uniqueKeys);
  for (const name of Object.keys(config.sources)) await db.run(`DROP TABLE ${sourceTable(name)}`);
  const described = await db.all(`SELECT column_name, column_type FROM (DESCRIBE ${FEATURES})`);
  const names = described.map((r) => String(r.column_name));
  const sql = warehouseFeaturesSql(config, asOf, postgres);
  const pq = postgres.quoteIdent;
  const text = q("features_text");
  await db.run(`CREATE OR REPLACE TEMP TABLE ${text} (${names.map((c) => `${q(c)} VARCHAR`).join(", ")})`);
  let rows = 0;
  const select = `SELECT ${names.map((c) => `CAST(f.${pq(c)} AS text)`).join(", ")} FROM (\n${sql}\n) f`;
  if (only) await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${select}\nWHERE CAST(f.${pq(MEMBER_ID)} AS text) = ANY($1::text[])`, values: [[...only]] });
  else await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${select}`);
  for (;;) {
    const batch = await client.query<(string | null)[]>({ text: `FETCH ${BATCH_ROWS} FROM ${CURSOR}`, rowMode: "array" });
    if (batch.rows.length === 0) break;
    rows += batch.rows.length;
    await db.appendText(text.slice(1, -1), batch.rows);
  }
  await client.query(`CLOSE ${CURSOR}`);
  const casts = described.map((r) => `CAST(${q(String(r.column_name))} AS ${String(r.column_type)}) AS ${q(String(r.column_name))}`);
  await db.run(`INSERT INTO ${FEATURES} SELECT * FROM (SELECT ${casts.join(", ")} FROM ${text}) ORDER BY ${q(MEMBER_ID)}`);
  await db.run(`DROP TABLE ${text}`);
  await db.run(`INSERT INTO ${MEMBERS} SELECT ${q(MEMBER_ID)} FROM ${FEATURES} ORDER BY 1`);
  return rows;
}
