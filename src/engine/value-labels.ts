/**
 * What the value labels a team writes on a segment (`value: { ltv: high,
 * support_cost: low }`) are checked against: for each label, a per-member
 * measure, and each segment's mean percentile rank in the whole population.
 *
 * - ltv: the value measure (value_tiers.measure, else monetary with RFM).
 * - support_cost: support tickets per member, counted over every source of
 *   kind tickets dated before the as_of day (0 for a member without tickets).
 *
 * A member's percentile rank is the share of members with a lower value plus
 * half the share with an equal one (mid-rank, so ties, such as the many
 * members without tickets, sit in the middle of their tie). The population's
 * mean rank is 0.5 exactly; a segment's mean rank is the probability that one
 * of its members outranks a member drawn from the whole population (ties
 * counting half): above 0.5 it leans high, below 0.5 low. The rule
 * value-label-mismatch reads it against its bands.
 *
 * Computed in whole numbers, so that it is the same in any order and with any number of threads: a member's rank
 * times twice the population is 2 × (members below) + (members equal), both counted by one window over the values in
 * order (rank() and the count of the rows up to the member's last peer); a segment sums them exactly (HUGEINT) and
 * the mean is that sum over 2 × population × members, one division.
 */
import type { Config } from "../schema/config.ts";
import type { Database } from "./duckdb.ts";
import { uncachedMetrics, type MetricsMemo } from "./metrics-memo.ts";
import { asOfMoment } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import { membersOf, valueMeasure } from "./segment-metrics.ts";
import { FEATURES, lit, MEMBER_ID, q, sourceTable } from "./sql-names.ts";

export interface LabelSegmentMeasure {
  /** Members of the segment with a value. */
  n: number;
  /** Mean percentile rank of its members in the population, 0–1. */
  rank: number;
  median: number;
}

export interface LabelMeasure {
  /** What is measured, as a message names it: "monetary", or "support tickets". */
  measure: string;
  /** Members with a value, and their median. */
  population: { n: number; median: number };
  /** By "scheme/segment". */
  segments: Record<string, LabelSegmentMeasure>;
}

export interface ValueLabelMeasures {
  ltv?: LabelMeasure;
  support_cost?: LabelMeasure;
}

/**
 * `memo`: runs the value measure's queries over the features table and memberships and keeps its ranks (metrics-memo.ts
 * answers them from the cache, a scheme's segment by segment); default: the database. Tickets are read from their
 * sources, never from the cache.
 */
export async function measureValueLabels(db: Database, config: Config, asOf: string, memo: MetricsMemo = uncachedMetrics(db), positional: ReadonlySet<string> = new Set()): Promise<ValueLabelMeasures> {
  const out: ValueLabelMeasures = {};
  const schemes = Object.keys(config.schemes);
  const measure = valueMeasure(config);
  if (measure) {
    const measured = await rankedMeasure(memo, `SELECT ${q(MEMBER_ID)}, CAST(${q(measure)} AS DOUBLE) AS x FROM ${FEATURES}`, measure, schemes, positional);
    if (measured) out.ltv = measured;
  }
  const tickets = Object.entries(config.sources).filter(([, s]) => s.kind === "tickets" && s.customer !== undefined);
  if (tickets.length > 0) {
    const end = duckdb.timestamp(asOfMoment(asOf));
    const counts = tickets.map(([name, s]) => {
      const conditions = [`${q(s.customer!)} IS NOT NULL`, ...(s.timestamp !== undefined ? [`CAST(${q(s.timestamp)} AS ${duckdb.type("timestamp")}) < ${end}`] : [])];
      return `SELECT ${q(s.customer!)} AS ${q(MEMBER_ID)} FROM ${sourceTable(name)} WHERE ${conditions.join(" AND ")}`;
    });
    const perMember = `SELECT f.${q(MEMBER_ID)}, CAST(count(t.${q(MEMBER_ID)}) AS DOUBLE) AS x FROM ${FEATURES} f LEFT JOIN (${counts.join(" UNION ALL ")}) t ON t.${q(MEMBER_ID)} = f.${q(MEMBER_ID)} GROUP BY 1`;
    const measured = await rankedMeasure(uncachedMetrics(db), perMember, "support tickets", schemes, positional);
    if (measured) out.support_cost = measured;
  }
  return out;
}

/**
 * `values` is a query with columns member_id and x, a row per member; members with a null or infinite x are left out.
 * The ranks are computed once into a table of a row per member in member order (`memo` keeps it when `values` reads
 * the features alone), when one of the queries runs; the schemes `positional` pair with it by position (membership.ts),
 * the others join it by member id.
 */
async function rankedMeasure(memo: MetricsMemo, values: string, measure: string, schemes: readonly string[], positional: ReadonlySet<string>): Promise<LabelMeasure | undefined> {
  // twice: 2 × (members below) + (members equal), NULL for a member left out; rank() counts the rows before the
  // member's peers plus one, and the window's default frame ends at its last peer.
  const ranks = `WITH v AS (SELECT ${q(MEMBER_ID)}, x, coalesce(isfinite(x), FALSE) AS ranked FROM (${values}))
    SELECT ${q(MEMBER_ID)}, CASE WHEN ranked THEN x END AS x, CASE WHEN ranked THEN rank() OVER w - 1 + count(*) OVER w END AS twice
    FROM v WINDOW w AS (PARTITION BY ranked ORDER BY x) ORDER BY ${q(MEMBER_ID)}`;
  let drop: (() => Promise<void>) | undefined;
  const prepare = async () => {
    drop ??= await memo.table("value_label_ranks", ranks);
  };
  // The ranks' definition heads each query (a string the query selects), so that the memo's key covers it.
  const from = `(SELECT ${lit(ranks)} AS ranks_of, * FROM ${q("value_label_ranks")})`;
  const [population] = await memo.query(`SELECT count(twice) AS n, median(x) AS median FROM ${from} r`, undefined, prepare);
  const n = Number(population?.n ?? 0);
  const segments: Record<string, LabelSegmentMeasure> = {};
  if (n > 0) {
    // Scheme by scheme in the order of their ids (compared by bytes).
    for (const scheme of [...schemes].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
      const members = membersOf(scheme, positional.has(scheme), from);
      const rows = await memo.bySegment(
        scheme,
        (where) =>
          `SELECT m.segment, count(f.twice) AS n, sum(f.twice) AS twice, median(f.x) AS median FROM ${members.from} WHERE ${members.condition} AND f.twice IS NOT NULL AND ${where} GROUP BY 1 ORDER BY 1`,
        { unassigned: false, prepare },
      );
      for (const row of rows) segments[`${scheme}/${String(row.segment)}`] = { n: Number(row.n), rank: meanRank(row.twice, Number(row.n), n), median: Number(row.median) };
    }
  }
  await drop?.();
  return n === 0 ? undefined : { measure, population: { n, median: Number(population!.median) }, segments };
}

/**
 * The mean of `members` ranks from the sum of twice their ranks in a population of `population` (whole numbers): one
 * division of that sum, as the database returns it (a HUGEINT read as the nearest double), by 2 × population × members
 * (exact below 2^53, so up to some 67 million members).
 */
export function meanRank(twice: unknown, members: number, population: number): number {
  return Number(twice) / (2 * population * members);
}
