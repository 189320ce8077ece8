/**
 * How a CSV source is read: comma-separated, `"` quoting with `""` escapes, a
 * header row whose names Seg read itself, every field as text. Nothing is
 * sniffed, so a row with too few or too many fields is an error at its line
 * instead of a reason for DuckDB to guess another dialect (which turned a
 * ragged file into one column named "a,b,c", or into no rows at all).
 */
import { lit } from "./sql-names.ts";

/** SQL reading `file` with the given header names, every column VARCHAR. */
export function readCsvSql(file: string, header: readonly string[]): string {
  const columns = header.map((name) => `${lit(name)}: 'VARCHAR'`).join(", ");
  return `read_csv(${lit(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true, columns = {${columns}})`;
}

/** Why a header row cannot name the columns: empty or repeated names. */
export function headerProblem(header: readonly string[]): string | undefined {
  const separator = header.length === 1 ? [";", "\t", "|"].find((c) => header[0]!.includes(c)) : undefined;
  if (separator) return `its header row has no comma but ${separator === "\t" ? "tabs" : `"${separator}"`}: Seg reads comma-separated files (convert it, e.g. with csvformat or a spreadsheet's CSV export)`;
  const empty = header.findIndex((name) => name.trim() === "");
  if (empty !== -1) return `its header row has no name for column ${empty + 1}`;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) return `its header row names the column "${name}" twice`;
    seen.add(name);
  }
  return undefined;
}

export interface RaggedRow {
  /** The record's line as DuckDB counts it (the header is line 1). */
  line: number;
  fields: number;
  expected: number;
}

/** A strict-mode DuckDB error about a row with the wrong number of fields, parsed. */
export function raggedRow(error: unknown): RaggedRow | undefined {
  const text = String((error as Error)?.message ?? error);
  const line = /CSV Error on Line: (\d+)/.exec(text);
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  if (!line || !counts) return undefined;
  return { line: Number(line[1]), expected: Number(counts[1]), fields: Number(counts[2]) };
}
