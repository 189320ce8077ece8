/**
 * Reading source tables from PostgreSQL through `pg`: one read-only
 * transaction per run, each table read through a server-side cursor in
 * batches of rows (so memory holds one batch), appended to a DuckDB table of
 * text columns. The SQL is tableReadSql's; values arrive as text and are typed
 * and checked by the same code that reads a CSV file.
 */
import pg from "pg";
import { postgres } from "../../expr/dialects/postgres.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import type { Source } from "../../schema/source.ts";
import type { Database } from "../duckdb.ts";
import { q } from "../sql-names.ts";
import { computeInPostgres } from "./postgres-features.ts";
import type { PostgresConnection } from "./profiles.ts";
import { tableColumns, tableReadSql, tableShapeSql } from "./table-read-sql.ts";
import type { TableReader, TableRead } from "./table-reader.ts";
import { fetchTally } from "./fetch-tally.ts";

const BATCH_ROWS = 10_000;
const CURSOR = "seg_source";
/** A server that does not answer is reported rather than waited on forever. */
const CONNECT_TIMEOUT_MS = 30_000;

export async function connectPostgres(connection: PostgresConnection): Promise<TableReader> {
  const { origin, ...settings } = connection;
  let client: pg.Client;
  try {
    client = new pg.Client({ ...settings, application_name: "seg", connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  } catch {
    // pg parses a connection URL as it is made; the URL may hold the password, so it is not shown.
    throw new SegError(`Could not connect to PostgreSQL (${origin}): it is not a valid connection URL (postgres://user@host:port/database).`);
  }
  try {
    await client.connect();
    await prepareSession(client);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new SegError(`Could not connect to PostgreSQL (${origin}): ${withoutSecrets(error, settings.password)}`);
  }
  const steps = fetchTally();
  return {
    engine: "postgres",
    rowsFetched: steps.dataRows,
    fetchedBySteps: steps.bySteps,
    computeFeatures: (db, config, asOf, today, ask) => computeInPostgres(client, db, config, asOf, today, { ...ask, fetched: steps.add }),
    async read(db: Database, raw: string, source: Source): Promise<TableRead> {
      const table = source.table!;
      let present: string[];
      try {
        const shape = await client.query({ text: tableShapeSql(postgres, table), rowMode: "array" });
        present = shape.fields.map((f) => f.name);
      } catch (error) {
        await client.query("ROLLBACK; BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        return { ok: false, message: withoutSecrets(error, settings.password) };
      }
      const columns = tableColumns(source).filter((c) => present.includes(c));
      await db.run(`CREATE OR REPLACE TABLE ${q(raw)} (${columns.length > 0 ? columns.map((c) => `${q(c)} VARCHAR`).join(", ") : `${q("__seg_no_column")} VARCHAR`})`);
      if (columns.length === 0) return { ok: true, columns: present };
      try {
        await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${tableReadSql(postgres, table, columns)}`);
        for (;;) {
          const batch = await client.query<(string | null)[]>({ text: `FETCH ${BATCH_ROWS} FROM ${CURSOR}`, rowMode: "array" });
          if (batch.rows.length === 0) break;
          steps.add(`rows of ${source.table}`, batch.rows.length);
          await db.appendText(raw, batch.rows);
        }
        await client.query(`CLOSE ${CURSOR}`);
      } catch (error) {
        // A column the user may not read, a connection lost midway: reported at the source, nothing half-read kept.
        await db.run(`DROP TABLE IF EXISTS ${q(raw)}`);
        await client.query("ROLLBACK; BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").catch(() => undefined);
        return { ok: false, message: withoutSecrets(error, settings.password) };
      }
      return { ok: true, columns: present };
    },
    async close() {
      await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    },
  };
}

/** Text as Seg reads it, room to sort, and a transaction that sees one snapshot and can write nothing. */
async function prepareSession(client: pg.Client): Promise<void> {
  // ISO dates, UTC, shortest exact doubles.
  await client.query("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET extra_float_digits = 1; SET IntervalStyle = 'iso_8601'");
  // Room to sort and group in memory (the session's own setting): the checks, the digest and the features group millions of rows.
  await client.query("SET work_mem = '256MB'");
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

/** An error's first line, with the password (if any) masked. */
function withoutSecrets(error: unknown, password: string | undefined): string {
  const text = String((error as Error)?.message ?? error).split("\n")[0]!;
  return password ? text.replaceAll(password, "***") : text;
}
