/**
 * Rows dated after the analysis date: an invoice dated 2999-01-01, or data
 * newer than a pinned as_of. Windows, recency and tenure end at as_of, so
 * these rows count nowhere (a member whose only purchase is in the future
 * ends up unassigned) and that must not happen in silence. A warning at the
 * source's timestamp with the count and the latest date.
 */
import type { Source } from "../schema/source.ts";
import { dataFutureDates } from "../checks/data.ts";
import type { Database } from "./duckdb.ts";
import { counted, ofRows, sourceFinding, type SourceFinding } from "./source-finding.ts";
import { lit, q } from "./sql-names.ts";

export interface FutureDatesInput {
  name: string;
  source: Source;
  /** The typed table. */
  table: string;
  /** YYYY-MM-DD */
  asOf: string;
}

export async function checkFutureDates(db: Database, { name, source, table, asOf }: FutureDatesInput): Promise<SourceFinding[]> {
  if (source.timestamp === undefined) return [];
  const ts = `CAST(${q(source.timestamp)} AS TIMESTAMP)`;
  const after = `${ts} >= CAST(${lit(asOf)} AS DATE) + INTERVAL 1 DAY`;
  const [row] = await db.all(`SELECT count(*) FILTER (WHERE ${after}) AS n, CAST(max(${ts}) FILTER (WHERE ${after}) AS VARCHAR) AS latest, count(*) AS total FROM ${table}`);
  const n = Number(row?.n ?? 0);
  if (n === 0) return [];
  const latest = String(row?.latest ?? "").replace(/ 00:00:00$/, "");
  const total = Number(row?.total ?? 0);
  return [
    sourceFinding(dataFutureDates, "afterAsOf", ["sources", name, "timestamp"], {
      data: { source: name, column: source.timestamp, count: n, latest, asOf },
      words: { rowsText: counted(n, "row"), ofRows: ofRows(total, source.filter !== undefined), file: source.path, they: n === 1 ? "it counts" : "they count" },
    }),
  ];
}
