/**
 * The text a warehouse client hands back for one value of the read query
 * (tableReadSql: every column cast to the warehouse's text type), made into
 * the text the PostgreSQL reader gives for the same value, so that DuckDB
 * types both to the very same values and the lock is byte-identical:
 *
 * | value                  | PostgreSQL (DateStyle ISO, TimeZone UTC) | BigQuery CAST(… AS STRING)  | Snowflake CAST(… AS VARCHAR), session set by Seg |
 * |------------------------|-------------------------------------------|-----------------------------|--------------------------------------------------|
 * | integer                | 42                                        | 42                          | 42                                               |
 * | double                 | shortest exact: 0.30000000000000004       | not checked (README)        | not checked (README)                             |
 * | date                   | 2024-01-31                                | 2024-01-31                  | 2024-01-31                                       |
 * | timestamp (no zone)    | 2024-01-31 10:00:00                       | 2024-01-31 10:00:00         | 2024-01-31 10:00:00.000000                       |
 * | timestamp with zone    | 2024-01-31 10:00:00+00 (in UTC)           | 2024-01-31 10:00:00+00      | 2024-01-31 11:00:00.000000+01:00 (its own zone)  |
 * | boolean                | true                                      | true                        | true                                             |
 *
 * DuckDB reads all of these alike, except an offset other than UTC, which
 * it drops (11:00+01:00 would become 11:00): a value with its own time
 * zone is therefore moved to UTC here, only in columns whose warehouse type
 * has a zone (a string column that happens to look like a timestamp is
 * left as it is). Anything but text or NULL means the warehouse did not
 * run the cast, and is refused rather than guessed at.
 */

/** A value as the client returned it, checked to be text or NULL. */
export function warehouseText(value: unknown, column: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new Error(`column ${column} came back as ${typeof value}, not as text: the warehouse did not run Seg's query as written`);
  return value;
}

const WITH_OFFSET = /^(\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)? ?(?:Z|([+-])(\d{2}):?(\d{2})?)$/;

/**
 * A timestamp with a UTC offset ("2024-01-31 11:00:00.000000+01:00", "…Z", "…+0100", "…+01") as the same instant in
 * UTC without an offset ("2024-01-31 10:00:00.000000"), the fraction kept digit for digit. Text of another shape is
 * returned as it is (DuckDB's type check then reports it, as it would in a file).
 */
export function utcTimestampText(text: string): string {
  const m = WITH_OFFSET.exec(text);
  if (!m) return text;
  const [, year, month, day, hour, minute, second, fraction = "", sign, offsetHours = "0", offsetMinutes = "0"] = m;
  const offset = sign === undefined ? 0 : (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const local = new Date(0);
  local.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  local.setUTCHours(Number(hour), Number(minute), Number(second));
  // Not a real time (month 13, hour 99): left for the type check, not rolled over into another date.
  if (local.getUTCMonth() !== Number(month) - 1 || local.getUTCDate() !== Number(day) || local.getUTCHours() !== Number(hour) || local.getUTCMinutes() !== Number(minute)) return text;
  const utc = new Date(local.getTime() - offset * 60_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())} ${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}${fraction}`;
}
