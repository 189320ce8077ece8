/**
 * CSV text (RFC 4180 quoting, LF line ends, UTF-8, header first) and a byte-stable writer.
 * Gzip uses level 9 and overwrites the header's OS byte with 255 ("unknown"): zlib stamps the
 * build platform there (3 on Linux, 19 on macOS), which would make the files differ by machine.
 * The deflate stream itself depends on the zlib bundled with Node, so compare bytes on one Node.
 */

import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export type Cell = string | number | null;

/** Quote a cell only when it holds a comma, a quote, CR or LF; null becomes an empty cell. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\n`;
}

export function toCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const parts = [csvLine(columns)];
  for (const row of rows) parts.push(csvLine(row));
  return parts.join("");
}

/** Gzip with a fixed header: no name, mtime 0, OS byte 255. */
export function gzipStable(text: string): Buffer {
  const out = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
  out[9] = 255;
  return out;
}

/** Write CSV text to `path`, gzipped when the path ends in `.gz`; returns the bytes written. */
export function writeCsvFile(path: string, text: string): number {
  const bytes = path.endsWith(".gz") ? gzipStable(text) : Buffer.from(text, "utf8");
  writeFileSync(path, bytes);
  return bytes.length;
}
