/**
 * Identifier and literal quoting shared by the dialects that follow the SQL standard here.
 *
 * Names go in double quotes with `"` doubled; text goes in single quotes with `'` doubled.
 * Nothing else is special inside them in DuckDB, in Postgres with standard-conforming
 * strings, or in Snowflake identifiers. NUL cannot be stored by these databases; the lexer
 * rejects it, and these functions refuse it too in case a tree was built by hand.
 */
export function doubleQuoteIdent(name: string): string {
  assertQuotable(name, "a name");
  return `"${name.replaceAll('"', '""')}"`;
}

export function singleQuoteText(value: string): string {
  assertQuotable(value, "text");
  return `'${value.replaceAll("'", "''")}'`;
}

export function assertQuotable(value: string, what: string): void {
  if (value.includes("\u0000")) throw new RangeError(`${what} cannot contain the NUL character`);
  if (what === "a name" && value.length === 0) throw new RangeError("a name cannot be empty");
}
