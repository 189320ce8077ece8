/** Each declared source names one readable data file holding the declared columns. */
import { defineCheck } from "./define-check.ts";

export const sourcePath = defineCheck({
  id: "source/path",
  description: "A source's path names one regular file inside the workspace (or --data-dir)",
  defaultSeverity: "error",
  messages: { refused: "{{problem}}" },
  hint: "Name one regular file inside the workspace or --data-dir.",
});

export const sourceMissingFile = defineCheck({
  id: "source/missing-file",
  description: "A source's data file exists",
  defaultSeverity: "error",
  messages: {
    missing: "{{problem}}",
    warehouseOnly: 'Source "{{source}}" has no local file (no path:), only the warehouse table {{table}}, and the default DuckDB engine reads files.',
  },
  hint: "Check the path, or pass --data-dir with the folder the data is in.",
  hints: { warehouseOnly: "Run the command with --engine postgres, bigquery or snowflake (see \"Running Seg in your warehouse\" in the README), or add path: with a local copy of the table." },
});

export const sourceEmpty = defineCheck({
  id: "source/empty",
  description: "A source has rows, and its filter keeps some",
  defaultSeverity: "error",
  messages: {
    emptyFile: 'The data file "{{path}}" of source "{{source}}" is empty (0 bytes).',
    noRows: 'Source "{{source}}" ({{path}}) has no rows.',
    filteredOut: 'Source "{{source}}" has {{rowsRead}} rows but none is left after its filter.',
  },
  hint: "Point the source at a file with data, or remove the source.",
  hints: {
    emptyFile: "Export the data again: the file needs a header row and at least one row.",
    filteredOut: "Check the filter: it must be true for the rows to keep.",
  },
});

export const sourceUnreadable = defineCheck({
  id: "source/unreadable",
  description: "A source's file reads as CSV or Parquet",
  defaultSeverity: "error",
  messages: {
    badHeader: 'Source "{{source}}" could not be read as CSV: {{problem}}.',
    readError: 'Source "{{source}}" could not be read as {{format}}: {{error}}.',
  },
  hint: "Check that the file is comma-separated text with a header row (gzip is fine), or a valid Parquet file.",
  hints: { badHeader: "The first line must name every column once, separated by commas." },
});

export const sourceMissingColumn = defineCheck({
  id: "source/missing-column",
  description: "A source's file holds every declared column",
  defaultSeverity: "error",
  messages: { missingColumn: 'Source "{{source}}" has no column "{{column}}" in {{path}}.' },
  hint: "Map the declared column to the file's column with from:, or correct the name.",
});
