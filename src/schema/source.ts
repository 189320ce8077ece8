/** A declared data source: a CSV, CSV.gz or Parquet file and how its columns map. */
import { z } from "zod";
import { freshnessSchema } from "./freshness.ts";
import { nameSchema, textSchema } from "./scalars.ts";

export const sourceKindSchema = z
  .enum(["accounts", "transactions", "events", "tickets", "surveys"])
  .describe("What the rows are: accounts (one row per member), transactions, events, tickets or surveys.");

export const columnKindSchema = z
  .enum(["key", "firmographic", "demographic", "behavioral", "needs", "territory", "text", "other"])
  .describe(
    "What a column describes. firmographic/demographic/territory columns alone do not make a good segment (rules demographics-only, convenience-segment).",
  );

export const columnTypeSchema = z.enum(["string", "integer", "number", "boolean", "date", "timestamp"]);

export const columnSchema = z.strictObject({
  type: columnTypeSchema.describe("The column's type once loaded."),
  kind: columnKindSchema.default("other"),
  from: z.string().min(1).max(256).optional().describe("The column's name in the file when it differs from the name used here."),
  expression: z
    .string()
    .min(1)
    .max(10000)
    .optional()
    .describe("Compute the column from the file's other declared columns instead of reading it, e.g. Quantity * UnitPrice."),
  row_number: z
    .literal(true)
    .optional()
    .describe(
      "Number the rows by their position in the file (1 for the first data row) instead of reading the column: a key for files without an id column. Type integer; stable as long as the file's rows keep their order.",
    ),
  description: textSchema.optional(),
}).superRefine((column, ctx) => {
  if (!column.row_number) return;
  if (column.type !== "integer") ctx.addIssue({ code: "custom", path: ["type"], message: "must be integer for a row_number column (rows are numbered 1, 2, 3, …)" });
  if (column.from !== undefined) ctx.addIssue({ code: "custom", path: ["from"], message: "cannot be combined with row_number: the column is numbered, not read from the file" });
  if (column.expression !== undefined) ctx.addIssue({ code: "custom", path: ["expression"], message: "cannot be combined with row_number: a column is either numbered or computed" });
});

export const sourceSchema = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(1024)
    .optional()
    .describe(
      "File path relative to the workspace (CSV, CSV.gz or Parquet). Paths may not leave the workspace; use --data-dir for data kept elsewhere. Required unless table: names the warehouse table; a source with only table: runs with --engine postgres|bigquery|snowflake.",
    ),
  table: z
    .string()
    .max(1024)
    .regex(/^[A-Za-z_][A-Za-z0-9_$-]*(\.[A-Za-z_][A-Za-z0-9_$-]*){0,2}$/, {
      message: "must be a table name of one to three dot-separated parts of letters, digits, _, $ and - (table, schema.table or database.schema.table)",
    })
    .optional()
    .describe(
      "The warehouse table holding this source's rows, e.g. analytics.orders: read instead of path when a command runs with --engine postgres|bigquery|snowflake. path, when given, stays the local copy the default DuckDB engine reads; without it the source needs a warehouse engine. The lock then records the rows (a hash of the typed rows kept), not the file's bytes, so both engines write the same lock.",
    ),
  kind: sourceKindSchema,
  format: z.enum(["csv", "parquet"]).optional().describe("Overrides the format guessed from the file extension."),
  key: nameSchema.describe(
    "The column that identifies a row (for accounts: the member id; it must be unique). A file without an id column can declare one with row_number: true.",
  ),
  customer: nameSchema.optional().describe("The column that links a row to its account/customer (all kinds but accounts)."),
  timestamp: nameSchema.optional().describe("The column with the row's date or time (transactions, events, tickets, surveys)."),
  amount: nameSchema.optional().describe("The money column (transactions)."),
  filter: z.string().min(1).max(10000).optional().describe("An expression over this source's columns; rows where it is not true are dropped."),
  columns: z.record(nameSchema, columnSchema).describe("The columns used, by name."),
  freshness: freshnessSchema.optional().describe("How old this source's newest row may be, in days before today; overrides review.freshness field by field."),
  description: textSchema.optional(),
}).superRefine((source, ctx) => {
  if (source.path === undefined && source.table === undefined) ctx.addIssue({ code: "custom", path: [], message: "needs its file (path:) or its warehouse table (table:), or both" });
  if (source.table === undefined) return;
  // A warehouse table has no row order, so it cannot number its rows.
  for (const [name, column] of Object.entries(source.columns)) {
    if (column.row_number) ctx.addIssue({ code: "custom", path: ["columns", name, "row_number"], message: "cannot be used in a source with table: a warehouse table has no row order to number; declare a key column instead" });
  }
})
  // The refinement above, as editors see it in the JSON Schema.
  .meta({ anyOf: [{ required: ["path"] }, { required: ["table"] }] });

export type Source = z.infer<typeof sourceSchema>;

/** Where a source's rows are, as messages name it: its file, else its warehouse table. */
export function sourceData(source: Pick<Source, "path" | "table">): string {
  return source.path ?? `table ${source.table}`;
}
export type ColumnKind = z.infer<typeof columnKindSchema>;
