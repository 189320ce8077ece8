/* eslint max-lines-per-function: "off" -- loadSources runs each source's checks in order, each a few lines that report and move on. */
/**
 * Load every declared source into DuckDB without passing rows through
 * JavaScript: read the file as text columns, check that declared columns exist
 * and that their values have the declared types (check-column-types), then
 * keep a typed table with derived columns computed and the filter applied, and
 * check its keys (check-member-keys) and dates (check-future-dates) before
 * anything joins on it. Problems are reported at the source's lines in
 * segmentation.yaml; the data file's lines are named in the message. With a
 * warehouse engine, a source that names a `table:` is copied from the
 * warehouse as text (warehouse/table-reader) and then typed and checked the
 * same way; such a source is kept in canonical row order and recorded by its
 * rows (warehouse/canonical-rows) whichever engine read it.
 */
import { dataEncoding, dataMalformed } from "../checks/data.ts";
import type { Check } from "../checks/define-check.ts";
import { sourceEmpty, sourceMissingColumn, sourceMissingFile, sourcePath, sourceUnreadable } from "../checks/sources.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { Config } from "../schema/config.ts";
import type { Source } from "../schema/source.ts";
import { checkDataFile } from "../workspace/data-file.ts";
import type { PathSegment } from "../workspace/locate.ts";
import { spanIn, type LoadedDocument } from "../workspace/read-document.ts";
import { reportAt } from "../workspace/report-at.ts";
import { checkColumnTypes } from "./check-column-types.ts";
import { checkFutureDates, futureDatesColumns, futureDatesFindings } from "./check-future-dates.ts";
import { checkMemberKeys } from "./check-member-keys.ts";
import { duckdbFilePath } from "./duckdb-file-path.ts";
import { fileIdentity } from "./file-identity.ts";
import type { Database } from "./duckdb.ts";
import { inspectDataFile, readCsvHeader, type FileProblem } from "./inspect-data-file.ts";
import { loadRecordKey, typedSourceIdentity, type LoadRecord, type LoadRecordCache } from "./load-record-cache.ts";
import { findMixedLineEnd } from "./mixed-line-ends.ts";
import { headerProblem, raggedRow, readCsvSql } from "./read-csv.ts";
import { readTypedCsv, type RowPosition } from "./read-typed-csv.ts";
import { sourceKey, type SourceCache } from "./source-cache.ts";
import { sourceFinding, type SourceFinding } from "./source-finding.ts";
import { lit, q, sourceTable } from "./sql-names.ts";
import { ROW_POSITION, typedSourceSql } from "./typed-source.ts";
import { canonicalRows } from "./warehouse/canonical-rows.ts";
import type { TableReader } from "./warehouse/table-reader.ts";

export interface SourceStats {
  name: string;
  /** The source's file; absent for a source that names only a warehouse table. */
  path?: string;
  /** The warehouse table the source names (`table:`), whichever engine read it. */
  table?: string;
  /**
   * sha256 of the file's bytes; for a source that names a table, of its typed rows (warehouse/canonical-rows), absent
   * when the run was not asked for the "digest" output (seg explain, seg export: no lock is written).
   */
  sha256?: string;
  /** The file's size; absent for a source that names a table (its rows are recorded instead). */
  bytes?: number;
  /** Rows in the file. */
  rowsRead: number;
  /** Rows kept after the filter. */
  rows: number;
  /** Newest timestamp (ISO), for timestamped sources. */
  newest: string | null;
  oldest: string | null;
  /**
   * The newest timestamp not after as_of (or today, when that is earlier),
   * present only when some rows lie after it (the data/future-dates finding):
   * freshness is measured on it, so a row dated 2999 does not hide stale data.
   * Not in the lock, which records the data as it is.
   */
  newestInTime?: string | null;
}

export interface LoadResult {
  sources: SourceStats[];
  diagnostics: Diagnostic[];
  /** Parquet files the typed sources read in place (DuckDB's spelling of the path, and the path): still read after loading. */
  readInPlace: string[];
  /** Sources whose present keys the key check found all different (check-member-keys). */
  uniqueKeys: string[];
  /** Sources where the key check found no row without a key. */
  completeKeys: string[];
  /** What each file source's typed table is made from (load-record-cache.ts), by source; absent when unknown. */
  identities: Record<string, string>;
}

/** `loads`: what earlier loads found, by the files' cheap identities; `verifyContent`: hash every file whole all the same (seg lock). */
export interface LoadCacheOptions {
  loads?: LoadRecordCache;
  verifyContent?: boolean;
  /** Leave out the digest of the rows of a source that names a table (its sha256 is then absent): nothing reads it. */
  withoutDigest?: boolean;
}

/** CSV files up to this size are worth a typed copy in the cache; Parquet reads fast as it is. */
const MAX_CACHED_BYTES = 256 * 1024 * 1024;

/** `asOf` (YYYY-MM-DD): rows dated after it, or after `today` when that is earlier, are reported (check-future-dates). */
/** `reader`: a warehouse engine's, which reads the sources that name a `table:` (the others are still read from their files). */
export async function loadSources(db: Database, config: LoadedDocument<Config>, dataRoot: string, cache?: SourceCache, asOf?: string, today?: string, reader?: TableReader, cached: LoadCacheOptions = {}): Promise<LoadResult> {
  const { loads, verifyContent, withoutDigest } = cached;
  const identities: Record<string, string> = {};
  // The current source's warnings, kept with its load record.
  let found: SourceFinding[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources: SourceStats[] = [];
  const readInPlace: string[] = [];
  const uniqueKeys: string[] = [];
  const completeKeys: string[] = [];
  const checkKeys = async (input: Parameters<typeof checkMemberKeys>[1]) => {
    const checked = await checkMemberKeys(db, input);
    if (checked.keysUnique) uniqueKeys.push(input.name);
    if (checked.keysComplete) completeKeys.push(input.name);
    return checked.findings;
  };
  const duckdbVersion = cache || loads ? String((await db.all("SELECT library_version AS v FROM pragma_version()"))[0]?.v) : "";
  const report = <M extends string>(path: readonly PathSegment[], check: Check<M>, messageId: NoInfer<M>, words: Record<string, string | number>, hint?: string) =>
    diagnostics.push(reportAt({ check, messageId, document: config, path, words, ...(hint !== undefined ? { hint } : {}) }));
  const reportAll = (findings: readonly SourceFinding[]) => {
    found.push(...findings);
    for (const f of findings) {
      const span = spanIn(config, f.path);
      diagnostics.push({ ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, message: f.message, hint: f.hint, file: config.file.path, ...span, path: [...f.path], ...(f.data ? { data: f.data } : {}) });
    }
    return findings.some((f) => f.severity === "error");
  };
  const rfm = config.value.rfm;

  /**
   * Type and check a source's raw table (a file as read, or a warehouse table copied as text) and keep its typed
   * table; records its stats, or reports why it cannot be used and returns undefined. `where` names the data in
   * messages; `allColumns`: every column the data has (for hints), when the raw table holds only the declared ones.
   */
  const typeAndCheck = async (name: string, source: Source, raw: string, identity: Promise<{ sha256: string; bytes: number }>, read: { where: string; rowLabel: (rowid: number) => string; allColumns?: string[]; parquet?: { file: string; inPlace: boolean } }) => {
    const { where, rowLabel, allColumns, parquet } = read;
    const inPlace = parquet?.inPlace === true ? parquet.file : undefined;
    const table = sourceTable(name);
    // The Parquet view's rowid is the file's row number, not a column of the file.
    const described = (await db.all(`SELECT column_name, column_type FROM (DESCRIBE ${raw})`)).filter((r) => parquet === undefined || r.column_name !== "rowid");
    const columnsInFile = allColumns ?? described.map((r) => String(r.column_name));
    const textColumns = new Set(described.filter((r) => r.column_type === "VARCHAR").map((r) => String(r.column_name)));
    const rowsRead = Number((await db.all(`SELECT count(*) AS n FROM ${raw}`))[0]?.n ?? 0);
    let broken = false;
    for (const [column, spec] of Object.entries(source.columns)) {
      if (spec.expression !== undefined || spec.row_number) continue;
      const fileColumn = spec.from ?? column;
      if (!columnsInFile.includes(fileColumn)) {
        const suggestion = didYouMean(fileColumn, columnsInFile);
        const hint = suggestion ? `Did you mean "${suggestion}"? (use from: ${suggestion} to map it)` : `${allColumns ? "The table's" : "The file's"} columns are: ${columnsInFile.slice(0, 20).join(", ")}.`;
        report(["sources", name, "columns", column], sourceMissingColumn, "missingColumn", { source: name, column: fileColumn, path: where }, hint);
        broken = true;
      }
    }
    if (broken) return undefined;
    if (rowsRead === 0) {
      report(["sources", name, "path"], sourceEmpty, "noRows", { source: name, path: where });
      return undefined;
    }
    const fileTypes = new Map(described.filter((r) => r.column_type !== "VARCHAR").map((r) => [String(r.column_name), String(r.column_type)]));
    if (reportAll(await checkColumnTypes(db, { name, source, raw, textColumns, fileTypes, rowLabel }))) return undefined;

    // A Parquet source stays where it is: its typed table is a view that types and filters as it reads, so
    // 100,000,000 invoices are never held in memory (they were most of it, and made everything else spill).
    const typed = inPlace === undefined ? typedSourceSql(raw, source, textColumns) : typedSourceSql(`(${parquetRowsSql(inPlace)})`, source, textColumns);
    await db.run(`CREATE OR REPLACE ${inPlace === undefined ? "TABLE" : "VIEW"} ${table} AS ${typed}`);
    await db.run(`DROP ${parquet === undefined ? "TABLE" : "VIEW"} ${raw}`);
    // DuckDB checks both the spelling it was given and the file it opens, which differ when the path has [, * or ?.
    if (inPlace !== undefined) readInPlace.push(...new Set([duckdbFilePath(inPlace), inPlace]));
    return checkTyped(name, source, rowsRead, identity, rowLabel, inPlace !== undefined ? typed : undefined);
  };

  /**
   * Check a source's typed table (with its row positions) and keep it: records its stats, or reports why it
   * cannot be used and returns undefined. `viewOf`: the SQL of a typed view read in place (Parquet), not a table.
   * `position`: where the table keeps a row's position, the ROW_POSITION column (dropped once checked) or its rowid.
   */
  const checkTyped = async (name: string, source: Source, rowsRead: number, identity: Promise<{ sha256: string; bytes: number }>, rowLabel: (rowid: number) => string, viewOf?: string, position: RowPosition = ROW_POSITION) => {
    const table = sourceTable(name);
    const orderColumn = rfm?.source === name ? rfm.order : undefined;
    // One pass over the typed rows for their count, their date range and the future dates (a pass over 100,000,000
    // invoices each took 0.7 to 3.4 CPU s).
    const dates = asOf ? { name, source, asOf, ...(today ? { today } : {}) } : undefined;
    const futureColumns = dates ? futureDatesColumns(dates) : undefined;
    const ts = source.timestamp !== undefined ? q(source.timestamp) : undefined;
    const aggregates = ["count(*) AS n", ...(ts ? [`CAST(max(${ts}) AS VARCHAR) AS newest`, `CAST(min(${ts}) AS VARCHAR) AS oldest`] : []), ...(futureColumns ? [futureColumns] : [])];
    const [counted] = await db.all(`SELECT ${aggregates.join(", ")} FROM ${table}`);
    const rows = Number(counted?.n ?? 0);
    if (rows === 0) {
      report(["sources", name, source.filter !== undefined ? "filter" : "path"], sourceEmpty, "filteredOut", { source: name, rowsRead });
      return undefined;
    }
    const future = dates ? futureDatesFindings(dates, counted) : [];
    const keyErrors = reportAll([...(await checkKeys({ name, source, table, rowLabel, position: position === "rowid" ? "rowid" : q(ROW_POSITION), ...(orderColumn ? { orderColumn } : {}) })), ...future]);
    if (viewOf === undefined) {
      if (position === ROW_POSITION) await db.run(`ALTER TABLE ${table} DROP COLUMN ${q(ROW_POSITION)}`);
    } else await db.run(`CREATE OR REPLACE VIEW ${table} AS SELECT * EXCLUDE (${q(ROW_POSITION)}) FROM (${viewOf})`);
    if (keyErrors) return undefined;
    const newest = ts ? ((counted?.newest as string | null) ?? null) : null;
    const oldest = ts ? ((counted?.oldest as string | null) ?? null) : null;
    const { sha256, bytes } = await identity;
    const path = config.value.sources[name]!.path;
    sources.push({ name, ...(path !== undefined ? { path } : {}), sha256, bytes, rowsRead, rows, newest, oldest, ...newestInTimeOf(future) });
    return { rowsRead, rows, newest, oldest, sha256 };
  };

  /** Keeps what loading the current source found, if the file is still the one identified before the load. */
  const keepRecord = (at: { name: string; source: Source; file: string; format: "csv" | "parquet"; identity: string | undefined; key: string }, stats: Omit<LoadRecord, "findings" | "keysUnique">) => {
    if (!at.identity || at.identity !== fileIdentity(at.file, at.format) || found.some((f) => f.severity === "error")) return;
    loads!.set(at.key, { ...stats, findings: found, keysUnique: uniqueKeys.includes(at.name), keysComplete: completeKeys.includes(at.name) });
    identities[at.name] = typedSourceIdentity(at.identity, at.source, at.format);
  };

  for (const [name, source] of Object.entries(config.value.sources)) {
    if (reader !== undefined && source.table !== undefined) {
      const read = await reader.read(db, `raw_${name}`, source);
      // Data findings name the table the values came from, not the local file.
      const asRead = { ...source, path: `table ${source.table}` };
      if (read.ok) await typeAndCheck(name, asRead, q(`raw_${name}`), Promise.resolve({ sha256: "", bytes: 0 }), { where: asRead.path, rowLabel: (rowid) => `row ${rowid + 1}`, allColumns: read.columns });
      else report(["sources", name, "table"], sourceUnreadable, "readError", { source: name, format: `${reader.engine} table ${source.table}`, error: read.message }, "Check the table's name and that the profile's user may read it.");
      continue;
    }
    if (source.path === undefined) {
      report(["sources", name, "table"], sourceMissingFile, "warehouseOnly", { source: name, table: source.table! });
      continue;
    }
    // Only the checked file, by its real path, is ever opened (no glob, no link out, no dot-folder).
    const checked = checkDataFile(dataRoot, source.path);
    if (!checked.ok) {
      const at = ["sources", name, "path"];
      if (checked.problem === "missing") report(at, sourceMissingFile, "missing", { problem: checked.message }, checked.hint);
      else report(at, sourcePath, "refused", { problem: checked.message }, checked.hint);
      continue;
    }
    const file = checked.realPath;
    if (checked.size === 0) {
      report(["sources", name, "path"], sourceEmpty, "emptyFile", { path: source.path, source: name });
      continue;
    }
    const raw = q(`raw_${name}`);
    const table = sourceTable(name);
    const format = source.format ?? (/\.parquet$/i.test(source.path) ? "parquet" : "csv");
    const orderColumn = rfm?.source === name ? rfm.order : undefined;
    // A cached source was read and checked before: its bytes only need hashing.
    // A source that names a table is recorded by its rows (canonicalRows below), never from a record.
    const identity = loads && source.table === undefined ? fileIdentity(file, format) : undefined;
    const recordKey = identity ? loadRecordKey(identity, source, format, { ...(asOf ? { asOf } : {}), ...(today ? { today } : {}), ...(orderColumn ? { orderColumn } : {}) }, duckdbVersion) : "";
    const record = identity ? loads!.get(recordKey) : undefined;
    const verified = record && verifyContent ? (await inspectDataFile(file, format, { hashOnly: true })).sha256 === record.sha256 : true;
    if (record && verified && (await restoreTyped(db, name, source, file, format, record.sha256, cache, duckdbVersion, readInPlace))) {
      // DuckDB checks both the spelling it was given and the file it opens, which differ when the path has [, * or ?.
      if (format === "parquet") readInPlace.push(...new Set([duckdbFilePath(file), file]));
      reportAll(record.findings);
      if (record.keysUnique) uniqueKeys.push(name);
      if (record.keysComplete === true) completeKeys.push(name);
      identities[name] = typedSourceIdentity(identity!, source, format);
      const { findings, keysUnique: _unique, keysComplete: _complete, ...stats } = record;
      sources.push({ name, path: source.path, ...stats, ...newestInTimeOf(findings) });
      continue;
    }
    found = [];
    const at = { name, source, file, format, identity, key: recordKey };
    const hashed = cache !== undefined && format === "csv" ? await inspectDataFile(file, format, { hashOnly: true }) : undefined;
    const cacheable = hashed !== undefined && hashed.bytes <= MAX_CACHED_BYTES;
    const key = cacheable ? sourceKey(hashed.sha256, source, format, duckdbVersion) : "";
    const cached = cacheable ? await cache!.restore(db, key, table, readInPlace) : undefined;
    // Kept only if the bytes read are the bytes the key was made from.
    const remember = async (kept: Awaited<ReturnType<typeof checkTyped>>) => {
      if (kept === undefined) return;
      const { rowsRead, rows, newest, oldest, sha256 } = kept;
      if (cacheable && sha256 === hashed.sha256) await cache!.save(db, key, table, { rowsRead, rows, newest, oldest });
      keepRecord(at, { sha256, bytes: sources.at(-1)!.bytes ?? 0, rowsRead, rows, newest, oldest });
    };
    if (cached && hashed) {
      // Errors are never cached; warnings are measured again on the typed table.
      const future = asOf ? await checkFutureDates(db, { name, source, table, asOf, ...(today ? { today } : {}) }) : [];
      reportAll([...(await checkKeys({ name, source, table, ...(orderColumn ? { orderColumn } : {}) })), ...future]);
      sources.push({ name, path: source.path, sha256: hashed.sha256, bytes: hashed.bytes, ...cached, ...newestInTimeOf(future) });
      keepRecord(at, { sha256: hashed.sha256, bytes: hashed.bytes, ...cached });
      continue;
    }
    // CSV is read as text with the header's names (no sniffing; bad values can then be
    // found precisely); Parquet keeps its own types.
    const head = format === "csv" ? await readCsvHeader(file) : undefined;
    if (head !== undefined && "utf16" in head) {
      reportAll([fileProblem(name, source.path, { kind: "utf16", byteOrder: head.utf16 })]);
      continue;
    }
    const header = head?.header;
    if (format === "csv") {
      const problem = header ? headerProblem(header) : "it has no complete header row";
      if (problem) {
        report(["sources", name, "path"], sourceUnreadable, "badHeader", { source: name, problem });
        continue;
      }
    }
    // The pass over the bytes (hash, gzip, UTF-8) runs in JavaScript while DuckDB reads in its own threads.
    // On a cache miss the bytes were just hashed for the key: they are not hashed again.
    const inspecting = inspectDataFile(file, format, hashed ? { known: hashed } : {});
    // Handled below, once DuckDB is done; a rejection meanwhile is not "unhandled".
    inspecting.catch(() => undefined);
    const rowLabel = format === "csv" ? (rowid: number) => `line ${rowid + 2}` : (rowid: number) => `row ${rowid + 1}`;
    // Clean CSV is read, typed and checked in one pass; anything a check would report is read again as text below.
    const typedRead = format === "csv" ? await readTypedCsv(db, { name, source, file: duckdbFilePath(file), header: header!, table }) : undefined;
    if (typedRead !== undefined) {
      const inspected = await inspecting;
      if (inspected.problem) {
        await db.run(`DROP TABLE ${table}`);
        reportAll([fileProblem(name, source.path, inspected.problem)]);
        continue;
      }
      await remember(await checkTyped(name, source, typedRead.rowsRead, Promise.resolve(inspected), rowLabel, undefined, typedRead.position));
      continue;
    }
    let readError: unknown;
    try {
      await db.run(rawSql(raw, format, file, header));
    } catch (error) {
      readError = error;
    }
    // Parquet is read where it lies (a view), so its hash is awaited only once the typed table is built.
    const inspected = format === "csv" ? await inspecting : undefined;
    // A broken gzip stream or bytes that are not UTF-8 explain any read error: reported first.
    if (inspected?.problem) {
      await db.run(`DROP TABLE IF EXISTS ${raw}`);
      reportAll([fileProblem(name, source.path, inspected.problem)]);
      continue;
    }
    if (readError !== undefined) {
      const error = readError;
      const ragged = format === "csv" ? raggedRow(error) : undefined;
      // DuckDB says only that its parser "reached an invalid state" when the kind of line end changes midway.
      const mixed = format === "csv" && !ragged ? await findMixedLineEnd(file) : undefined;
      if (mixed) {
        reportAll([sourceFinding(dataMalformed, "mixedLineEnds", ["sources", name, "path"], { data: { ...mixed }, words: { line: mixed.line, file: source.path, ending: mixed.ending, first: mixed.first } })]);
      } else if (ragged) {
        reportAll([
          sourceFinding(dataMalformed, "raggedRow", ["sources", name, "path"], {
            data: { line: ragged.line, fields: ragged.fields, expected: ragged.expected },
            words: { row: ragged.line - 1, file: source.path, fieldsWord: ragged.fields === 1 ? "field" : "fields" },
          }),
        ]);
      } else {
        const hint = format === "csv" ? "Check that the file is comma-separated text with a header row (gzip is fine)." : "Check that the file is a valid Parquet file.";
        report(["sources", name, "path"], sourceUnreadable, "readError", { source: name, format: format.toUpperCase(), error: firstLine(error) }, hint);
      }
      continue;
    }
    // Parquet is read where it lies (a view), so its hash is awaited only once the typed table is built; a source that
    // names a table gets a typed table of its own (warehouse/canonical-rows reorders it in place).
    const parquet = format === "parquet" ? { file, inPlace: source.table === undefined } : undefined;
    await remember(await typeAndCheck(name, source, raw, inspected ? Promise.resolve(inspected) : inspecting, { where: source.path, rowLabel, ...(parquet ? { parquet } : {}) }));
  }
  // A source that names a table is kept in one canonical row order and recorded by its rows, so a DuckDB run on the
  // file and a warehouse run compute from the same table, down to the order sums add up in, and write the same lock.
  for (const stats of sources) {
    const table = config.value.sources[stats.name]?.table;
    if (table === undefined) continue;
    stats.table = table;
    const digest = await canonicalRows(db, sourceTable(stats.name), config.value.sources[stats.name]!, !withoutDigest);
    // The file's hash is not the rows' digest: without the digest the source has no sha256 at all.
    if (digest === undefined) delete stats.sha256;
    else stats.sha256 = digest;
    delete stats.bytes;
  }
  return { sources, diagnostics, readInPlace, uniqueKeys, completeKeys, identities };
}

/**
 * The typed table of a source an earlier load checked: a Parquet source's view again (no row is read), a CSV
 * source's view of the typed-source cache's file. False when that cache no longer holds it (the source is loaded anew).
 */
async function restoreTyped(db: Database, name: string, source: Source, file: string, format: "csv" | "parquet", sha256: string, cache: SourceCache | undefined, duckdbVersion: string, readable: string[]): Promise<boolean> {
  const table = sourceTable(name);
  if (format === "csv") return cache !== undefined && (await cache.restore(db, sourceKey(sha256, source, format, duckdbVersion), table, readable)) !== undefined;
  const rows = `(${parquetRowsSql(file)})`;
  const described = await db.all(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${rows})`);
  const textColumns = new Set(described.filter((r) => r.column_type === "VARCHAR" && r.column_name !== "rowid").map((r) => String(r.column_name)));
  await db.run(`CREATE OR REPLACE VIEW ${table} AS SELECT * EXCLUDE (${q(ROW_POSITION)}) FROM (${typedSourceSql(rows, source, textColumns)})`);
  return true;
}

/**
 * The raw relation the checks read, where `rowid` is the data row's position in the file. CSV is read as
 * text into a table (no sniffing; bad values can then be found precisely). Parquet keeps its own types and
 * is read in place through a view with the file's row numbers: a copy of 100,000,000 rows held twice over
 * (raw and typed) is what made large sources spill.
 */
function rawSql(raw: string, format: "csv" | "parquet", file: string, header: string[] | undefined): string {
  if (format === "csv") return `CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT * FROM ${readCsvSql(duckdbFilePath(file), header!)}`;
  return `CREATE OR REPLACE TEMP VIEW ${raw} AS ${parquetRowsSql(file)}`;
}

/** A Parquet file's rows, with `rowid` its row number in the file. */
function parquetRowsSql(file: string): string {
  return `SELECT * EXCLUDE (file_row_number), file_row_number AS rowid FROM read_parquet(${lit(duckdbFilePath(file))}, file_row_number = true)`;
}

/** A file that cannot be read as it is: a truncated gzip stream, bytes that are not UTF-8. */
function fileProblem(name: string, path: string, problem: FileProblem): SourceFinding {
  if (problem.kind === "truncated-gzip") {
    return sourceFinding(dataMalformed, "truncatedGzip", ["sources", name, "path"], { words: { file: path, source: name, error: problem.message } });
  }
  const fileName = path.split("/").pop() ?? "";
  const utf8Name = fileName.replace(/(\.csv)?(\.gz)?$/i, "");
  if (problem.kind === "utf16") {
    return sourceFinding(dataEncoding, "utf16", ["sources", name, "path"], {
      data: { byteOrder: problem.byteOrder },
      words: { file: path, source: name, byteOrder: problem.byteOrder, iconvName: problem.byteOrder === "little-endian" ? "UTF-16LE" : "UTF-16BE", fileName, utf8Name },
    });
  }
  const byte = `0x${problem.byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return sourceFinding(dataEncoding, "notUtf8", ["sources", name, "path"], {
    data: { line: problem.line, column: problem.column, byte: problem.byte },
    words: { file: path, source: name, byteHex: byte, fileName, utf8Name },
  });
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!.replace(/\.$/, "");
}

/** The future-dates finding's newest in-time row, as a SourceStats field (nothing when there is no such finding). */
function newestInTimeOf(findings: readonly SourceFinding[]): { newestInTime?: string | null } {
  const data = findings[0]?.data;
  return data && "newestInTime" in data ? { newestInTime: (data.newestInTime as string | null) ?? null } : {};
}
