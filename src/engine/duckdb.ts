/**
 * The embedded DuckDB engine: the only module that imports the DuckDB client.
 * Results come back as plain JS values (BIGINT as number when it fits, dates as
 * ISO text) so the rest of the engine never sees driver types.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { StatementHook } from "./step-profile.ts";

export type Row = Record<string, number | string | boolean | null>;

export interface Database {
  /** Run statements that return nothing worth reading. */
  run(sql: string): Promise<void>;
  /** Run a query and read every row. */
  all(sql: string): Promise<Row[]>;
  /** Read whole columns: faster than rows for numeric work. */
  columns(sql: string): Promise<Record<string, (number | string | boolean | null)[]>>;
  /** Append rows of text (or NULL) to an existing table whose columns are all VARCHAR, in order: how rows read from a warehouse arrive. */
  appendText(table: string, rows: readonly (readonly (string | null)[])[]): Promise<void>;
  /**
   * Forbid file and network access from here on, except writing into
   * `writableDirectories` (exports) and reading `readableFiles` (the Parquet
   * sources read in place): no workspace text can reach the disk.
   */
  lockDown(writableDirectories?: readonly string[], readableFiles?: readonly string[]): Promise<void>;
  /** DuckDB's memory in use and bytes spilled to temp files now, read on a connection of its own (so it answers while a query runs); undefined once closed. */
  usage(): Promise<DatabaseUsage | undefined>;
  close(): void;
}

export interface DatabaseUsage {
  /** Bytes held by DuckDB's buffer manager. */
  memoryBytes: number;
  /** Bytes in DuckDB's temp files (spill). */
  spillBytes: number;
}

export interface DatabaseOptions {
  /** Threads DuckDB may use (default: DuckDB's choice). */
  threads?: number;
  /** e.g. "4GB"; beyond it DuckDB spills to temp files. */
  memoryLimit?: string;
  /** Folder for spill files. */
  tempDirectory?: string;
  /** Told the SQL, wall and CPU seconds of every statement run (SEG_PROFILE). */
  profileStatement?: StatementHook;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const instance = await DuckDBInstance.create(":memory:", instanceConfig(options));
  const connection: DuckDBConnection = await instance.connect();
  // Times in UTC whatever the machine's zone (an ICU setting, so not one of the instance's): a Parquet TIMESTAMPTZ
  // column read as a timestamp or date would otherwise take the local wall clock, and give another lock elsewhere.
  await connection.run("SET GLOBAL TimeZone = 'UTC'");
  let probe: DuckDBConnection | undefined;
  let probing = false;
  let closed = false;
  const timed = statementTimer(options.profileStatement);
  return {
    async run(sql) {
      await timed(sql, () => connection.run(sql));
    },
    async all(sql) {
      const reader = await timed(sql, () => connection.runAndReadAll(sql));
      return reader.getRowObjectsJS().map((row) => {
        const out: Row = {};
        for (const [key, value] of Object.entries(row)) out[key] = toPlain(value);
        return out;
      });
    },
    async columns(sql) {
      const reader = await timed(sql, () => connection.runAndReadAll(sql));
      const out: Record<string, (number | string | boolean | null)[]> = {};
      for (const [key, values] of Object.entries(reader.getColumnsObjectJS())) out[key] = values.map(toPlain);
      return out;
    },
    appendText: (table, rows) => appendTextRows(connection, table, rows),
    async lockDown(writableDirectories = [], readableFiles = []) {
      const list = (items: readonly string[]) => items.map((d) => `'${d.replace(/'/g, "''")}'`).join(", ");
      if (writableDirectories.length > 0) await connection.run(`SET allowed_directories = [${list(writableDirectories)}]`);
      // Sources read in place (Parquet views) are read again by every query on them.
      if (readableFiles.length > 0) await connection.run(`SET allowed_paths = [${list(readableFiles)}]`);
      await connection.run("SET enable_external_access = false");
      await connection.run("SET lock_configuration = true");
    },
    async usage() {
      if (closed) return undefined;
      probing = true;
      try {
        probe ??= await instance.connect();
        const reader = await probe.runAndReadAll(
          "SELECT (SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()) AS memory, (SELECT coalesce(sum(size), 0) FROM duckdb_temporary_files()) AS spill",
        );
        const [row] = reader.getRowObjectsJS();
        return closed ? undefined : { memoryBytes: Number(row?.memory ?? 0), spillBytes: Number(row?.spill ?? 0) };
      } finally {
        probing = false;
        // Closed while this probe ran: its connection is closed now it is idle.
        if (closed) probe?.closeSync();
      }
    },
    close() {
      closed = true;
      if (!probing) probe?.closeSync();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The instance's settings from the options. */
function instanceConfig(options: DatabaseOptions): Record<string, string> {
  // DuckDB would otherwise fetch an extension it lacks from extensions.duckdb.org into ~/.duckdb and load it,
  // whenever a query names one (before lockDown, while sources load): Seg runs only the ones built into the client.
  const config: Record<string, string> = { autoinstall_known_extensions: "false", autoload_known_extensions: "false" };
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  if (options.tempDirectory !== undefined) config.temp_directory = options.tempDirectory;
  return config;
}

/** Runs a statement, telling `hook` (when there is one) how long it took in wall and CPU seconds. */
function statementTimer(hook: StatementHook | undefined): <T>(sql: string, statement: () => Promise<T>) => Promise<T> {
  if (!hook) return (_sql, statement) => statement();
  return async (sql, statement) => {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    try {
      return await statement();
    } finally {
      const cpu = process.cpuUsage(cpuAtStart);
      hook(sql, (performance.now() - started) / 1000, (cpu.user + cpu.system) / 1e6);
    }
  };
}

/** Rows of text (or NULL) appended to `table` through DuckDB's appender, in column order. */
async function appendTextRows(connection: DuckDBConnection, table: string, rows: readonly (readonly (string | null)[])[]): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      for (const value of row) {
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

function toPlain(value: unknown): number | string | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
