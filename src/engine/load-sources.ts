/**
 * Load every declared source into DuckDB without passing rows through
 * JavaScript: read the file as text columns, check that declared columns exist
 * and that their values parse, then keep a typed table with derived columns
 * computed and the filter applied. Problems are reported at the source's lines
 * in segmentation.yaml.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import { emitSql } from "../expr/emit-sql.ts";
import { parseExpression } from "../expr/parser.ts";
import type { Config } from "../schema/config.ts";
import type { Source } from "../schema/source.ts";
import { checkDataFile } from "../workspace/data-file.ts";
import type { PathSegment } from "../workspace/locate.ts";
import { spanIn, type LoadedDocument } from "../workspace/read-document.ts";
import { duckdbFilePath } from "./duckdb-file-path.ts";
import type { Database } from "./duckdb.ts";
import { sourceKey, type SourceCache } from "./source-cache.ts";
import { lit, q, sourceTable, sqlType } from "./sql-names.ts";

export interface SourceStats {
  name: string;
  path: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  bytes: number;
  /** Rows in the file. */
  rowsRead: number;
  /** Rows kept after the filter. */
  rows: number;
  /** Newest timestamp (ISO), for timestamped sources. */
  newest: string | null;
  oldest: string | null;
}

export interface LoadResult {
  sources: SourceStats[];
  diagnostics: Diagnostic[];
}

const MAX_BAD_EXAMPLES = 3;
/** CSV files up to this size are worth a typed copy in the cache; Parquet reads fast as it is. */
const MAX_CACHED_BYTES = 256 * 1024 * 1024;

export async function loadSources(db: Database, config: LoadedDocument<Config>, dataRoot: string, cache?: SourceCache): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceStats[] = [];
  const duckdbVersion = cache ? String((await db.all("SELECT library_version AS v FROM pragma_version()"))[0]?.v) : "";
  const report = (path: readonly PathSegment[], ruleId: string, message: string, hint: string, data?: Record<string, unknown>) =>
    diagnostics.push({ ruleId, severity: "error", message, hint, file: config.file.path, ...spanIn(config, path), ...(data ? { data } : {}) });

  for (const [name, source] of Object.entries(config.value.sources)) {
    // Only the checked file, by its real path, is ever opened (no glob, no link out, no dot-folder).
    const checked = checkDataFile(dataRoot, source.path);
    if (!checked.ok) {
      report(["sources", name, "path"], checked.problem === "missing" ? "source/missing-file" : "source/path", checked.message, checked.hint);
      continue;
    }
    const file = checked.realPath;
    if (checked.size === 0) {
      report(["sources", name, "path"], "source/empty", `The data file "${source.path}" of source "${name}" is empty (0 bytes).`, "Export the data again: the file needs a header row and at least one row.");
      continue;
    }
    const raw = q(`raw_${name}`);
    const table = sourceTable(name);
    const format = source.format ?? (/\.parquet$/i.test(source.path) ? "parquet" : "csv");
    const { sha256, bytes } = await hashFile(file);
    const cacheable = cache !== undefined && format === "csv" && bytes <= MAX_CACHED_BYTES;
    const key = cacheable ? sourceKey(sha256, source, format, duckdbVersion) : "";
    const cached = cacheable ? await cache.restore(db, key, table) : undefined;
    if (cached) {
      sources.push({ name, path: source.path, sha256, bytes, ...cached });
      continue;
    }
    // CSV is read as text (faster than type sniffing here, and bad values can then
    // be found precisely); Parquet keeps its own types.
    const reads = format === "parquet" ? [`read_parquet(${lit(duckdbFilePath(file))})`] : [`read_csv(${lit(duckdbFilePath(file))}, header = true, all_varchar = true)`];
    let readError: unknown;
    for (const read of reads) {
      try {
        await db.run(`CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT * FROM ${read}`);
        readError = undefined;
        break;
      } catch (error) {
        readError = error;
      }
    }
    if (readError !== undefined) {
      report(["sources", name, "path"], "source/unreadable", `Source "${name}" could not be read as ${format.toUpperCase()}: ${firstLine(readError)}.`, format === "csv" ? "Check that the file is comma-separated text with a header row (gzip is fine)." : "Check that the file is a valid Parquet file.");
      continue;
    }
    const described = await db.all(`SELECT column_name, column_type FROM (DESCRIBE ${raw})`);
    const columnsInFile = described.map((r) => String(r.column_name));
    const textColumns = new Set(described.filter((r) => r.column_type === "VARCHAR").map((r) => String(r.column_name)));
    const rowsRead = Number((await db.all(`SELECT count(*) AS n FROM ${raw}`))[0]?.n ?? 0);
    let broken = false;
    for (const [column, spec] of Object.entries(source.columns)) {
      if (spec.expression !== undefined) continue;
      const fileColumn = spec.from ?? column;
      if (!columnsInFile.includes(fileColumn)) {
        const suggestion = didYouMean(fileColumn, columnsInFile);
        report(["sources", name, "columns", column], "source/missing-column", `Source "${name}" has no column "${fileColumn}" in ${source.path}.`, suggestion ? `Did you mean "${suggestion}"? (use from: ${suggestion} to map it)` : `The file's columns are: ${columnsInFile.slice(0, 20).join(", ")}.`);
        broken = true;
      }
    }
    if (broken) continue;
    if (rowsRead === 0) {
      report(["sources", name, "path"], "source/empty", `Source "${name}" (${source.path}) has no rows.`, "Point the source at a file with data, or remove the source.");
      continue;
    }
    broken = await checkValues(db, raw, name, source, textColumns, report);
    if (broken) continue;

    await db.run(`CREATE OR REPLACE TABLE ${table} AS ${typedSelect(raw, source, textColumns)}`);
    await db.run(`DROP TABLE ${raw}`);
    const rows = Number((await db.all(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0);
    if (rows === 0) {
      report(["sources", name, source.filter !== undefined ? "filter" : "path"], "source/empty", `Source "${name}" has ${rowsRead} rows but none is left after its filter.`, "Check the filter: it must be true for the rows to keep.");
      continue;
    }
    let newest: string | null = null;
    let oldest: string | null = null;
    if (source.timestamp !== undefined) {
      const [range] = await db.all(`SELECT CAST(max(${q(source.timestamp)}) AS VARCHAR) AS newest, CAST(min(${q(source.timestamp)}) AS VARCHAR) AS oldest FROM ${table}`);
      newest = (range?.newest as string | null) ?? null;
      oldest = (range?.oldest as string | null) ?? null;
    }
    sources.push({ name, path: source.path, sha256, bytes, rowsRead, rows, newest, oldest });
    if (cacheable) await cache.save(db, key, table, { rowsRead, rows, newest, oldest });
  }
  return { sources, diagnostics };
}

/** Report the first values of each column that do not parse as the declared type. */
async function checkValues(db: Database, raw: string, name: string, source: Source, textColumns: ReadonlySet<string>, report: (path: readonly PathSegment[], ruleId: string, message: string, hint: string, data?: Record<string, unknown>) => void): Promise<boolean> {
  // Only columns the file holds as text can hold values that do not parse.
  const typed = Object.entries(source.columns).filter(([column, spec]) => spec.expression === undefined && spec.type !== "string" && textColumns.has(spec.from ?? column));
  if (typed.length === 0) return false;
  const counts = typed.map(([column, spec]) => `count(*) FILTER (WHERE ${badValue(q(spec.from ?? column), spec.type)}) AS ${q(column)}`);
  const [row] = await db.all(`SELECT ${counts.join(", ")} FROM ${raw}`);
  let broken = false;
  for (const [column, spec] of typed) {
    const bad = Number(row?.[column] ?? 0);
    if (bad === 0) continue;
    broken = true;
    const fileColumn = q(spec.from ?? column);
    const examples = await db.all(`SELECT rowid AS r, ${fileColumn} AS v FROM ${raw} WHERE ${badValue(fileColumn, spec.type)} ORDER BY rowid LIMIT ${MAX_BAD_EXAMPLES}`);
    const shown = examples.map((e) => `"${String(e.v)}" (line ${Number(e.r) + 2})`).join(", ");
    report(["sources", name, "columns", column, "type"], "source/bad-value", `Column "${column}" of source "${name}" is declared ${spec.type}, but ${bad} value${bad === 1 ? "" : "s"} in ${source.path} ${bad === 1 ? "does" : "do"} not parse: ${shown}.`, `Fix the data, or declare the column as string and normalize it with a feature.`, { bad });
  }
  return broken;
}

function badValue(column: string, type: string): string {
  return `${column} IS NOT NULL AND trim(${column}) <> '' AND TRY_CAST(trim(${column}) AS ${sqlType(type)}) IS NULL`;
}

function typedSelect(raw: string, source: Source, textColumns: ReadonlySet<string>): string {
  const read = Object.entries(source.columns).filter(([, spec]) => spec.expression === undefined);
  const derived = Object.entries(source.columns).filter(([, spec]) => spec.expression !== undefined);
  const cast = (column: string, type: string, from: string) =>
    textColumns.has(from)
      ? `TRY_CAST(nullif(trim(${q(from)}), '') AS ${sqlType(type)}) AS ${q(column)}`
      : `TRY_CAST(${q(from)} AS ${sqlType(type)}) AS ${q(column)}`;
  const typed = `SELECT ${read.map(([column, spec]) => cast(column, spec.type, spec.from ?? column)).join(", ")} FROM ${raw}`;
  const expr = (text: string) => {
    const parsed = parseExpression(text);
    if (!parsed.ok) throw new Error(`expression failed to parse after validation: ${parsed.error.message}`);
    return emitSql(parsed.ast, duckdb, (n) => q(n));
  };
  const withDerived = derived.length === 0 ? typed : `SELECT *, ${derived.map(([column, spec]) => `CAST(${expr(spec.expression!)} AS ${sqlType(spec.type)}) AS ${q(column)}`).join(", ")} FROM (${typed})`;
  return source.filter !== undefined ? `SELECT * FROM (${withDerived}) WHERE ${expr(source.filter)}` : withDerived;
}

async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!.replace(/\.$/, "");
}
