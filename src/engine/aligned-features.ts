/**
 * The features table built from per-member tables lined up with the members
 * (AlignedInputs in compile/emit/features-query.ts): each source's aggregates,
 * the accounts rows and RFM's values are joined to the members once, in the
 * members' order, and the base row reads them side by side; RFM's scores are
 * ranks from sorts of narrow (value, position) rows rather than windows over
 * every member; the value tier compares the measure with its cut points, found
 * in a sort of the measure alone. Same table as the features query's joins and
 * windows (aligned-features.test.ts compares them), without a hash join on the
 * member id per step or a sort of the wide rows: at 10,000,000 invoices the
 * step took 8.4 CPU s that way.
 *
 * Positions are the members table's row ids (it is written in member id order,
 * and a member's position is its rank in that order, so ties in a score's value
 * are broken by member id as the window does).
 */
import { alignedGroupQueries, featuresQuery, MEMBER_POSITION, membersSql, type AlignedInputs, type FeatureInputs } from "../compile/emit/features-query.ts";
import { renderQuery } from "../compile/emit/query.ts";
import { boughtSql } from "../compile/emit/rfm-sql.ts";
import { MEMBER_ID, type FeaturesPlan } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import type { Database } from "./duckdb.ts";
import { FEATURES, lit, MEMBERS, q, sourceTable } from "./sql-names.ts";

const POSITION = q(MEMBER_POSITION);
const SCORES = [
  { column: "recency_days", descending: true, as: "r_score" },
  { column: "frequency", descending: false, as: "f_score" },
  { column: "monetary", descending: false, as: "m_score" },
] as const;

/**
 * The members table (in member id order) and the features table (as featuresQuery over `inputs`) from aligned tables.
 * An accounts source's keys must have been proved unique (one row per member). RFM's values table (inputs.rfmValues)
 * is dropped once read.
 */
export async function buildAlignedFeatures(db: Database, plan: FeaturesPlan, inputs: FeatureInputs): Promise<void> {
  const temporary: string[] = [];
  const table = async (name: string, sql: string): Promise<string> => {
    const quoted = q(name);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${quoted} AS ${sql}`);
    temporary.push(quoted);
    return quoted;
  };
  try {
    await buildFrom(db, plan, inputs, table);
  } finally {
    for (const name of temporary.reverse()) await db.run(`DROP TABLE IF EXISTS ${name}`);
  }
}

type TableMaker = (name: string, sql: string) => Promise<string>;

async function buildFrom(db: Database, plan: FeaturesPlan, inputs: FeatureInputs, table: TableMaker): Promise<void> {
  const member = q(MEMBER_ID);
  // One row per member in the members' order: the rows of `sql` (keyed by `key`) joined to them once. The key is
  // left behind: the features query reads the row by position, and the sort carries one string less per member.
  const aligned = (sql: string, key: string) => `SELECT m.rowid AS ${POSITION}, p.* EXCLUDE (${q(key)}) FROM ${MEMBERS} m LEFT JOIN ${sql} p ON p.${q(key)} = m.${member} ORDER BY 1`;
  const pieces: AlignedInputs = { groups: new Map() };
  const pop = plan.population;
  if (pop.accounts) {
    // One accounts row per member (keys proved unique): sorted by key, they are the members in order.
    const key = q(pop.column);
    pieces.accounts = await table("aligned_accounts", `SELECT * FROM ${sourceTable(pop.source)} s WHERE s.${key} IS NOT NULL ORDER BY s.${key}`);
    await db.run(`CREATE OR REPLACE TABLE ${MEMBERS} AS SELECT ${key} AS ${member} FROM ${pieces.accounts}`);
  } else await db.run(`CREATE OR REPLACE TABLE ${MEMBERS} AS ${membersSql(plan, duckdb, sourceTable)}\nORDER BY 1`);
  const groups = new Map<string, string>();
  // Joined to the members by id: the row of a source's rows without a customer is dropped there (aggregate-sql.ts).
  for (const group of alignedGroupQueries(plan, duckdb, sourceTable, inputs.sumPoints, "grouped")) groups.set(group.name, await table(`aligned_${group.name}`, aligned(`(${group.sql})`, MEMBER_ID)));
  pieces.groups = groups;
  if (plan.rfm) {
    if (inputs.rfmValues === undefined) throw new Error("the aligned features read RFM's values from their table");
    const values = await table("aligned_rfm", aligned(inputs.rfmValues, MEMBER_ID));
    // Lined up, RFM's values by member id are no longer read: their memory is free for the steps to come.
    await db.run(`DROP TABLE ${inputs.rfmValues}`);
    pieces.rfm = { values, scores: await rfmScores(db, values, table) };
  }
  if (plan.valueTier) pieces.tier = await tierTests(db, plan, { ...inputs, aligned: pieces }, table);
  await db.run(`CREATE OR REPLACE TABLE ${FEATURES} AS ${renderQuery(featuresQuery(plan, duckdb, { ...inputs, aligned: pieces }))}`);
}

/**
 * r_score, f_score and m_score: SQL over the aligned values row `rfm` (and its position). A value's rank is its row in a
 * sort of the members by (value, position), nulls last, and its score a step function of the rank (quintileBinSql): so
 * each score is the number of cut rows, the first row of each score 2–5, at or before which the member's (value,
 * position) sorts, read from that sort; no sort of the scores back into the members' order and no table of them
 * (at 10,000,000 members those sorts took 6 CPU s).
 */
async function rfmScores(db: Database, values: string, table: TableMaker): Promise<Record<(typeof SCORES)[number]["as"], string>> {
  // The values the scores rank, as the features query has them (frequency and monetary 0 for members without RFM values).
  const scoredSql = (column: string, row: string) => (column === "recency_days" ? `${row}.${q(column)}` : `coalesce(${row}.${q(column)}, 0)`);
  const scored = `(SELECT ${POSITION}, ${SCORES.map((s) => `${scoredSql(s.column, values)} AS ${q(s.column)}`).join(", ")} FROM ${values}) t`;
  const [counts] = await db.all(`SELECT ${SCORES.map((s, i) => `count(${boughtSql(s.column, duckdb)}) AS n${i}`).join(", ")} FROM ${scored}`);
  const scores = {} as Record<(typeof SCORES)[number]["as"], string>;
  for (const [i, score] of SCORES.entries()) {
    const ranked = await table(`aligned_rank_${score.as}`, `SELECT t.${POSITION}, ${boughtSql(score.column, duckdb)} AS v FROM ${scored} ORDER BY v ASC NULLS LAST, t.${POSITION} ASC`);
    const n = Number(counts?.[`n${i}`] ?? 0);
    const firsts = binFirsts(n);
    const cuts = new Map<number, { value: string; position: string }>();
    const wanted = [...new Set(firsts.values())];
    if (wanted.length > 0) {
      for (const row of await db.all(`SELECT rowid AS i, CAST(v AS VARCHAR) AS text, typeof(v) AS type, ${POSITION} AS p FROM ${ranked} WHERE rowid IN (${wanted.join(", ")})`)) {
        cuts.set(Number(row.i), { value: literal(String(row.text), String(row.type)), position: String(BigInt(row.p as bigint | number)) });
      }
    }
    // The member's value as the sort had it (boughtSql): null unless the member bought, so no score then.
    const v = scoredSql(score.column, "rfm");
    const whens = [...firsts.entries()].reverse().map(([bin, k]) => {
      const cut = cuts.get(k) ?? missingScoreCut(score.as, k);
      const at = `${v} > ${cut.value} OR (${v} = ${cut.value} AND rfm.${POSITION} >= ${cut.position})`;
      return `WHEN ${at} THEN ${score.descending ? 6 - bin : bin}`;
    });
    const lowest = String(score.descending ? 5 : 1);
    const bin = whens.length > 0 ? `CASE ${whens.join(" ")} ELSE ${lowest} END` : lowest;
    scores[score.as] = `CASE WHEN ${scoredSql("frequency", "rfm")} > 0 AND ${v} IS NOT NULL THEN ${bin} END`;
  }
  return scores;
}

/**
 * The first rank (0-based, among `n` ranked values) whose score reaches each of 2–5, for those some rank reaches, as
 * quintileBinSql computes a rank's score in doubles: greatest(1, ceil(rank × 5 / greatest(n − 1, 1))).
 */
export function binFirsts(n: number): Map<number, number> {
  const bin = (rank: number) => Math.max(1, Math.ceil((rank * 5) / Math.max(n - 1, 1)));
  const firsts = new Map<number, number>();
  for (let b = 2; b <= 5; b++) {
    if (n === 0 || bin(n - 1) < b) continue;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (bin(mid) >= b) hi = mid;
      else lo = mid + 1;
    }
    firsts.set(b, lo);
  }
  return firsts;
}

/**
 * The value tier's tests over `t.<measure>`. A member's percentile is c / (n − 1) (0 when n ≤ 1), c the members whose
 * measure is below theirs, as percent_rank over the n members with a measure; it reaches a share once c reaches some
 * k, that is once the measure is above the k-th smallest: so each test is a comparison with one value of the sorted
 * measure.
 */
async function tierTests(db: Database, plan: FeaturesPlan, inputs: FeatureInputs, table: TableMaker): Promise<{ high: string; low: string }> {
  const tier = plan.valueTier!;
  const measure = q(tier.measure);
  const sorted = await table("aligned_tier_measure", `SELECT ${measure} AS v FROM (${renderQuery(featuresQuery({ ...plan, valueTier: undefined }, duckdb, inputs))}) WHERE ${measure} IS NOT NULL ORDER BY 1`);
  const n = Number((await db.all(`SELECT count(*) AS n FROM ${sorted}`))[0]?.n ?? 0);
  const high = fewestBelow(tier.high, n);
  const low = fewestBelow(tier.low, n);
  const cuts = new Map<number, string>();
  const wanted = [high, low].flatMap((k) => (k !== undefined && k > 0 ? [k - 1] : []));
  if (wanted.length > 0) {
    for (const row of await db.all(`SELECT rowid AS i, CAST(v AS VARCHAR) AS text, typeof(v) AS type FROM ${sorted} WHERE rowid IN (${wanted.join(", ")})`)) {
      cuts.set(Number(row.i), literal(String(row.text), String(row.type)));
    }
  }
  const cut = (k: number) => cuts.get(k - 1) ?? missingCut(k);
  return {
    // At or above `high`: c ≥ k, the measure above the k-th smallest.
    high: high === undefined ? "FALSE" : high === 0 ? "TRUE" : `t.${measure} > ${cut(high)}`,
    // Below `low`: c < k, the measure at most the k-th smallest.
    low: low === undefined ? "TRUE" : low === 0 ? "FALSE" : `t.${measure} <= ${cut(low)}`,
  };
}

/**
 * The fewest members below, c in 0..n−1, whose percentile (c / (n − 1), 0 when n ≤ 1, in doubles as DuckDB's
 * percent_rank computes it) is at least `share`; undefined when none is.
 */
export function fewestBelow(share: number, n: number): number | undefined {
  const percentile = (c: number) => (n > 1 ? c / (n - 1) : 0);
  if (n === 0 || !(percentile(n - 1) >= share)) return undefined;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (percentile(mid) >= share) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A value of a cut row (the value tier's measure, an RFM value) as DuckDB wrote it, read back as the same value of the same type. */
function literal(text: string, type: string): string {
  if (!/^[A-Z][A-Z0-9_ ]*(\(\d+(,\d+)?\))?$/.test(type)) throw new Error(`a value of type ${type} has no cut point Seg can write`);
  return `CAST(${lit(text)} AS ${type})`;
}

function missingScoreCut(score: string, k: number): never {
  throw new Error(`${score} cut row ${k} was not found`);
}

function missingCut(k: number): never {
  throw new Error(`value tier cut point ${k} was not found`);
}
