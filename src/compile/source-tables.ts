/**
 * Where the warehouse keeps each source: `--source accounts=analytics.accounts`
 * maps a source to a table name of one to three dot-separated parts
 * (table, schema.table or database.schema.table). Unmapped sources are read
 * from a table named like the source. Each part is quoted as one identifier.
 */

/** Source name → the parts of its table name. */
export type SourceTables = Readonly<Record<string, readonly string[]>>;

export type ParsedSourceTables = { ok: true; tables: Record<string, string[]> } | { ok: false; message: string };

/** Parse `name=table[,name=table…]`, as given to --source. */
export function parseSourceTables(text: string | undefined): ParsedSourceTables {
  const tables: Record<string, string[]> = {};
  if (text === undefined || text.trim() === "") return { ok: true, tables };
  for (const item of text.split(",")) {
    const eq = item.indexOf("=");
    const name = item.slice(0, eq).trim();
    const table = item.slice(eq + 1).trim();
    if (eq < 0 || name === "" || table === "") return { ok: false, message: `--source takes source=table pairs separated by commas (e.g. accounts=analytics.accounts), not "${item.trim()}".` };
    const parts = tableParts(table);
    if (!parts) return { ok: false, message: `--source ${name}: "${table}" is not a table name; write table, schema.table or database.schema.table.` };
    if (tables[name]) return { ok: false, message: `--source names "${name}" twice.` };
    tables[name] = parts;
  }
  return { ok: true, tables };
}

/** The parts of a table name, or undefined when it has empty parts, more than three, or NUL. */
export function tableParts(table: string): string[] | undefined {
  const parts = table.split(".").map((p) => p.trim());
  if (parts.length > 3 || parts.some((p) => p === "" || p.includes("\u0000"))) return undefined;
  return parts;
}

/** The table of every source: mapped, or named like the source. */
export function sourceTableParts(sources: readonly string[], mapped: SourceTables): Record<string, readonly string[]> {
  return Object.fromEntries(sources.map((s) => [s, mapped[s] ?? [s]]));
}
