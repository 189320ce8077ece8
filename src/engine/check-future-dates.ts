/**
 * Rows dated after the analysis date, or after today: an invoice dated
 * 2999-01-01, or data newer than a pinned as_of. Windows, recency and tenure
 * end at as_of, so rows after it count nowhere (a member whose only purchase
 * is in the future ends up unassigned) and that must not happen in silence.
 * When as_of lies after today (a workspace pinned ahead), rows dated after
 * today are reported too: they cannot have happened yet. One warning per
 * source at its timestamp, with the count, the cut-off and the latest date.
 */
import { sourceData, type Source } from "../schema/source.ts";
import { dataFutureDates } from "../checks/data.ts";
import type { Database, Row } from "./duckdb.ts";
import { counted, ofRows, sourceFinding, type SourceFinding } from "./source-finding.ts";
import { lit, q } from "./sql-names.ts";

export interface FutureDatesInput {
  name: string;
  source: Source;
  /** The typed table. */
  table: string;
  /** YYYY-MM-DD */
  asOf: string;
  /** Today's date (YYYY-MM-DD, the injectable clock); when it is before asOf, rows after it are reported. */
  today?: string;
}

export async function checkFutureDates(db: Database, input: FutureDatesInput): Promise<SourceFinding[]> {
  const columns = futureDatesColumns(input);
  if (columns === undefined) return [];
  const [row] = await db.all(`SELECT ${columns} FROM ${input.table}`);
  return futureDatesFindings(input, row);
}

/**
 * The aggregates (SQL select list over the typed table) the finding is made from, for a pass that computes other
 * aggregates of the same rows as well (load-sources reads the row count and the date range in it); undefined
 * without a timestamp. Their names all start with `future_`.
 */
export function futureDatesColumns({ source, asOf, today }: Omit<FutureDatesInput, "table" | "name">): string | undefined {
  if (source.timestamp === undefined) return undefined;
  const byToday = today !== undefined && today < asOf;
  const cutoff = byToday ? today : asOf;
  const ts = `CAST(${q(source.timestamp)} AS TIMESTAMP)`;
  const after = `${ts} >= CAST(${lit(cutoff)} AS DATE) + INTERVAL 1 DAY`;
  const afterAsOf = `${ts} >= CAST(${lit(asOf)} AS DATE) + INTERVAL 1 DAY`;
  return `count(*) FILTER (WHERE ${after}) AS future_n, count(*) FILTER (WHERE ${afterAsOf}) AS future_n_as_of, CAST(max(${ts}) FILTER (WHERE ${after}) AS VARCHAR) AS future_latest, CAST(max(${ts}) FILTER (WHERE NOT (${after})) AS VARCHAR) AS future_in_time, count(*) AS future_total`;
}

/** The finding, from a row holding futureDatesColumns' aggregates (none without a timestamp). */
export function futureDatesFindings({ name, source, asOf, today }: Omit<FutureDatesInput, "table">, found: Row | undefined): SourceFinding[] {
  if (source.timestamp === undefined) return [];
  const byToday = today !== undefined && today < asOf;
  const row = found === undefined ? undefined : { n: found.future_n, n_as_of: found.future_n_as_of, latest: found.future_latest, in_time: found.future_in_time, total: found.future_total };
  const n = Number(row?.n ?? 0);
  if (n === 0) return [];
  const latest = String(row?.latest ?? "").replace(/ 00:00:00$/, "");
  const total = Number(row?.total ?? 0);
  // The newest row that is not in the future: what freshness (stale-data) measures, so one row dated 2999 hides nothing.
  const newestInTime = row?.in_time === null || row?.in_time === undefined ? null : String(row.in_time).replace(/ 00:00:00$/, "");
  const words = { rowsText: counted(n, "row"), ofRows: ofRows(total, source.filter !== undefined), file: sourceData(source) };
  if (byToday) {
    const nAsOf = Number(row?.n_as_of ?? 0);
    const alsoAfterAsOf = nAsOf > 0 ? `; ${nAsOf} of them also after as_of ${asOf}, so ${nAsOf === 1 ? "it counts" : "they count"} nowhere` : "";
    return [
      sourceFinding(dataFutureDates, "afterToday", ["sources", name, "timestamp"], {
        data: { source: name, column: source.timestamp, count: n, latest, asOf, today: today!, afterAsOf: nAsOf, newestInTime },
        words: { ...words, alsoAfterAsOf },
      }),
    ];
  }
  return [
    sourceFinding(dataFutureDates, "afterAsOf", ["sources", name, "timestamp"], {
      data: { source: name, column: source.timestamp, count: n, latest, asOf, newestInTime },
      words: { ...words, they: n === 1 ? "it counts" : "they count" },
    }),
  ];
}
