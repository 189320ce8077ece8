/* eslint max-lines-per-function: "off" -- measureImpact reads top to bottom as one launch's steps: members at launch, windows, per-member measures, summaries. */
/**
 * Before/after comparison of every segment's measures around its launch date,
 * in DuckDB. For each launch: who was in each segment on the launch day (the
 * features recomputed as of that day and the definitions applied to them, so
 * membership does not depend on what happened after), the cohort (members seen in the data before the
 * first window opened, so both windows describe the same members), each
 * measure's value per member in both windows, and per segment, for the rest of
 * the population and for everyone: count, mean and variance per window and of
 * each member's change. Tests run on those summaries (stats/two-sample.ts).
 * Names are quoted and values written as literals (sql-names.ts); no user text
 * is spliced into SQL.
 */
import { aggregateSql } from "../../compile/emit/aggregate-sql.ts";
import { aggregatePlan } from "../../compile/plan.ts";
import { duckdb } from "../../expr/dialects/duckdb.ts";
import type { Config } from "../../schema/config.ts";
import type { LoadedSegment } from "../../workspace/workspace.ts";
import type { Database, Row } from "../duckdb.ts";
import { buildFeatureTable, type KeyFacts } from "../build-feature-table.ts";
import { featuresNeeded } from "../features-needed.ts";
import type { SourceStats } from "../load-sources.ts";
import { assignMemberships, MEMBERSHIPS } from "../membership.ts";
import { population } from "../population.ts";
import { FEATURES, lit, MEMBER_ID, MEMBERS, num, q, sourceTable } from "../sql-names.ts";
import { proportionDifferenceInDifferences } from "../stats/difference-in-differences.ts";
import { twoProportionTest, welchTest, type Summary } from "../stats/two-sample.ts";
import { kpiMeasures, workspaceMeasures, type ImpactMeasure, type KpiMeasureRef } from "./impact-measures.ts";
import type { GroupChange, ImpactResult, LaunchImpact, MeasureImpact, SegmentImpact } from "./impact-result.ts";
import { impactWindows, windowProblem, type ImpactWindows } from "./impact-windows.ts";
import { inValueOrder } from "../../expr/dialects/in-value-order.ts";

const COHORT = q("impact_cohort");
const VALUES = q("impact_values");
const AT_LAUNCH = q("impact_memberships");

/**
 * Memberships as of `launch` into impact_memberships: the features table and
 * memberships of today are set aside, rebuilt as of the launch day, and put
 * back. Only the features the definitions read are rebuilt (features-needed.ts).
 * Cluster segments keep today's clusters (k-means is fitted once).
 */
async function membershipsAt(db: Database, config: Config, segments: readonly LoadedSegment[], launch: string, needed: ReadonlySet<string> | undefined, keys: KeyFacts | undefined): Promise<void> {
  await db.run(`ALTER TABLE ${FEATURES} RENAME TO "features_today"; ALTER TABLE ${MEMBERSHIPS} RENAME TO "memberships_today"`);
  try {
    await buildFeatureTable(db, config, launch, needed, undefined, keys);
    if (config.clustering) {
      await db.run(`CREATE OR REPLACE TABLE ${FEATURES} AS SELECT f.*, t.cluster_id, t.cluster_name FROM ${FEATURES} f LEFT JOIN "features_today" t USING (${q(MEMBER_ID)}) ORDER BY ${q(MEMBER_ID)}`);
    }
    await assignMemberships(db, config, segments);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${AT_LAUNCH} AS SELECT * FROM ${MEMBERSHIPS}`);
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${FEATURES}; DROP TABLE IF EXISTS ${MEMBERSHIPS}; ALTER TABLE "features_today" RENAME TO ${FEATURES}; ALTER TABLE "memberships_today" RENAME TO ${MEMBERSHIPS}`);
  }
}

export interface SegmentLaunch {
  segment: LoadedSegment;
  launch: string;
  from: "segment" | "workspace";
}

/** The launch each segment is measured around: its own, else the workspace's; segments with neither are left out. */
export function segmentLaunches(config: Config, segments: readonly LoadedSegment[]): SegmentLaunch[] {
  return segments.flatMap((segment): SegmentLaunch[] => {
    if (segment.value.status === "retired") return [];
    if (segment.value.launch !== undefined) return [{ segment, launch: segment.value.launch, from: "segment" }];
    return config.impact ? [{ segment, launch: config.impact.launch, from: "workspace" }] : [];
  });
}

/** `keys`: what loading proved of the sources' keys (RFM then counts orders as today's features do). */
export async function measureImpact(db: Database, config: Config, segments: readonly LoadedSegment[], sources: readonly SourceStats[], asOf: string, keys?: KeyFacts): Promise<ImpactResult | undefined> {
  const launched = segmentLaunches(config, segments);
  if (launched.length === 0) return undefined;
  const days = config.impact?.window_days ?? 90;
  const kpisBySegment = new Map(launched.map(({ segment }) => [segment, kpiMeasures(segment.value, config)]));
  const set = workspaceMeasures(config, [...kpisBySegment.values()].flatMap((k) => k.measures));
  const base = new Set(workspaceMeasures(config).measures.map((m) => set.canonical.get(m.key) ?? m.key));
  const launchDates = [...new Set([config.impact?.launch, ...launched.map((l) => l.launch)].filter((d): d is string => d !== undefined))];
  const needed = config.impact?.membership === "today" ? undefined : featuresNeeded(config, segments);
  const launches: LaunchImpact[] = [];
  const bySegment = new Map<string, { measures: Map<string, MeasureImpact>; members: number }>();
  for (const launch of launchDates) {
    const windows = impactWindows(launch, days);
    if (config.impact?.membership === "today") await db.run(`CREATE OR REPLACE TEMP TABLE ${AT_LAUNCH} AS SELECT * FROM ${MEMBERSHIPS}`);
    else await membershipsAt(db, config, segments, launch, needed, keys);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${COHORT} AS ${cohortSql(config, windows.before.start)}`);
    const cohort = Number((await db.all(`SELECT count(*) AS n FROM ${COHORT}`))[0]?.n ?? 0);
    const everyone = Number((await db.all(`SELECT count(*) AS n FROM ${MEMBERS}`))[0]?.n ?? 0);
    const sizes = await db.all(`SELECT m.scheme, m.segment, count(*) AS n FROM ${AT_LAUNCH} m JOIN ${COHORT} c USING (${q(MEMBER_ID)}) WHERE m.segment IS NOT NULL GROUP BY ALL`);
    const populationRows: LaunchImpact["population"] = [];
    const compared: { measure: ImpactMeasure; index: number }[] = [];
    set.measures.forEach((measure, index) => {
      const source = config.sources[measure.source]!;
      const problem = windowProblem(windows, measure.source, sources.find((s) => s.name === measure.source), source.timestamp !== undefined && measure.kind === "mean", asOf);
      if (!problem) {
        compared.push({ measure, index });
        return;
      }
      populationRows[index] = { ...head(measure), figures: null, problem };
      for (const row of sizes) segmentEntry(bySegment, launch, row).measures.set(measure.key, { status: "outside-data", ...head(measure), problem });
    });
    if (compared.length > 0) {
      // One wide table (a before and an after column per measure) and two summary queries for all measures.
      await db.run(`CREATE OR REPLACE TEMP TABLE ${VALUES} AS ${valuesSql(compared, config, windows)}`);
      const columns = compared.map(({ index }) => summaryColumns(index)).join(", ");
      const [all] = await db.all(`SELECT ${columns} FROM ${VALUES} v`);
      const perSegment = await db.all(`SELECT m.scheme, m.segment, ${columns} FROM ${AT_LAUNCH} m JOIN ${VALUES} v USING (${q(MEMBER_ID)}) WHERE m.segment IS NOT NULL GROUP BY ALL ORDER BY ALL`);
      for (const { measure, index } of compared) {
        const allSummary = readSummary(all, index);
        populationRows[index] = { ...head(measure), figures: groupChange(measure, allSummary), problem: null };
        for (const row of perSegment) {
          const inside = readSummary(row, index);
          const rest = subtract(allSummary, inside);
          const segmentChange = groupChange(measure, inside);
          const restChange = groupChange(measure, rest);
          segmentEntry(bySegment, launch, row).measures.set(measure.key, {
            status: "measured",
            ...head(measure),
            segment: segmentChange,
            rest: restChange,
            did: differenceInDifferences(measure, inside, rest, segmentChange, restChange),
          });
        }
      }
    }
    launches.push({ windows, cohort, notYetSeen: everyone - cohort, population: populationRows });
    for (const row of sizes) segmentEntry(bySegment, launch, row).members = Number(row.n);
  }
  await db.run(`DROP TABLE IF EXISTS ${VALUES}; DROP TABLE IF EXISTS ${COHORT}; DROP TABLE IF EXISTS ${AT_LAUNCH}`);
  const result: SegmentImpact[] = launched.map(({ segment, launch, from }) => {
    const entry = bySegment.get(`${launch}|${segment.scheme}|${segment.value.id}`);
    const own = kpisBySegment.get(segment)!;
    const kpis: KpiMeasureRef[] = own.kpis.map((k) => ({ ...k, key: k.key === null ? null : (set.canonical.get(k.key) ?? k.key) }));
    // Built-ins and declared metrics on every segment; a KPI's measure on its own segment.
    const wanted = new Set([...base, ...kpis.flatMap((k) => (k.key ? [k.key] : []))]);
    const measures = set.measures.filter((m) => wanted.has(m.key)).flatMap((m) => {
      const found = entry?.measures.get(m.key);
      return found ? [found] : [];
    });
    return { scheme: segment.scheme, segment: segment.value.id, launch, launchFrom: from, members: entry?.members ?? 0, measures, kpis };
  });
  return { windowDays: days, membership: config.impact?.membership ?? "at-launch", alpha: config.thresholds.alpha, launches, segments: result };
}

function head(measure: ImpactMeasure) {
  return { key: measure.key, label: measure.label, kind: measure.kind, format: measure.format };
}

function segmentEntry(map: Map<string, { measures: Map<string, MeasureImpact>; members: number }>, launch: string, row: Row) {
  const key = `${launch}|${String(row.scheme)}|${String(row.segment)}`;
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = { measures: new Map(), members: 0 }));
  return entry;
}

const day = (iso: string) => `CAST(${lit(`${iso} 00:00:00`)} AS TIMESTAMP)`;

/** Members with a dated row in any source before `start`: they were there when the first window opened. */
export function cohortSql(config: Config, start: string): string {
  const dated = Object.entries(config.sources).filter(([, s]) => s.kind !== "accounts" && s.timestamp !== undefined && s.customer !== undefined);
  if (dated.length === 0) return `SELECT ${q(MEMBER_ID)} FROM ${MEMBERS}`;
  const seen = dated.map(([name, s]) => `SELECT CAST(${q(s.customer!)} AS VARCHAR) AS id FROM ${sourceTable(name)} WHERE CAST(${q(s.timestamp!)} AS TIMESTAMP) < ${day(start)}`).join(" UNION ");
  return `SELECT ${q(MEMBER_ID)} FROM ${MEMBERS} WHERE CAST(${q(MEMBER_ID)} AS VARCHAR) IN (${seen}) ORDER BY 1`;
}

/** member_id, then b<i> and a<i> per measure: its value per cohort member in each window (NULL: no value, or not at risk). */
export function valuesSql(measures: readonly { measure: ImpactMeasure; index: number }[], config: Config, windows: ImpactWindows): string {
  const id = q(MEMBER_ID);
  const select: string[] = [`c.${id}`];
  const joins: string[] = [];
  const accounts = population(config).accounts;
  let accountsJoined = false;
  for (const { measure, index } of measures) {
    const [b, a] = [q(`b${index}`), q(`a${index}`)];
    if (measure.kind === "mean") {
      const feature = { ...measure.feature, window_days: windows.days };
      // The feature's own SQL (the plan's), as of the end of each window.
      const perMember = (end: string) => aggregateSql(aggregatePlan(measure.key, feature, config, end), sourceTable(measure.source), end, duckdb);
      const { fallback } = aggregatePlan(measure.key, feature, config, windows.after.end);
      const value = (alias: string) => (fallback === null ? `${alias}.value` : `coalesce(${alias}.value, ${num(fallback)})`);
      const [wb, wa] = [q(`wb${index}`), q(`wa${index}`)];
      joins.push(`LEFT JOIN (${perMember(windows.before.end)}) ${wb} ON ${wb}.${id} = c.${id}`);
      joins.push(`LEFT JOIN (${perMember(windows.after.end)}) ${wa} ON ${wa}.${id} = c.${id}`);
      select.push(`${value(wb)} AS ${b}`, `${value(wa)} AS ${a}`);
    } else {
      if (!accountsJoined) joins.push(`LEFT JOIN ${sourceTable(accounts!)} acc ON acc.${q(config.sources[accounts!]!.key)} = c.${id}`);
      accountsJoined = true;
      const d = `CAST(acc.${q(measure.column)} AS TIMESTAMP)`;
      // At risk in a window: not flagged before it opened. Flagged inside it: 1, else 0.
      const inWindow = (start: string, end: string) => `CASE WHEN ${d} IS NOT NULL AND ${d} < ${day(start)} THEN NULL WHEN ${d} IS NOT NULL AND ${d} < ${day(end)} THEN 1 ELSE 0 END`;
      select.push(`${inWindow(windows.before.start, windows.before.end)} AS ${b}`, `${inWindow(windows.after.start, windows.after.end)} AS ${a}`);
    }
  }
  return `SELECT ${select.join(", ")} FROM ${COHORT} c ${joins.join("\n")} ORDER BY 1`;
}

/** Count, sum, sum of squares, mean and sample variance of measure <i> before, after, and of each member's change. */
function summaryColumns(index: number): string {
  const cols = (name: string, x: string) => `count(${x}) AS n_${name}, ${inValueOrder("sum", x)} AS s_${name}, ${inValueOrder("sum", `${x} * ${x}`)} AS ss_${name}, ${inValueOrder("avg", x)} AS m_${name}, ${inValueOrder("var_samp", x)} AS v_${name}`;
  const [b, a] = [`v.${q(`b${index}`)}`, `v.${q(`a${index}`)}`];
  return [cols(`b${index}`, `CAST(${b} AS DOUBLE)`), cols(`a${index}`, `CAST(${a} AS DOUBLE)`), cols(`d${index}`, `CAST(${a} - ${b} AS DOUBLE)`)].join(", ");
}

/** Count, sum and sum of squares (to subtract a segment from everyone), with DuckDB's own mean and variance where it computed them. */
interface Moments {
  n: number;
  sum: number;
  squares: number;
  mean: number | null;
  variance: number | null;
}
type Summaries = { before: Moments; after: Moments; change: Moments };

function readSummary(row: Row | undefined, index: number): Summaries {
  const read = (name: string): Moments => {
    const n = Number(row?.[`n_${name}`] ?? 0);
    const mean = row?.[`m_${name}`];
    const variance = row?.[`v_${name}`];
    return { n, sum: Number(row?.[`s_${name}`] ?? 0), squares: Number(row?.[`ss_${name}`] ?? 0), mean: typeof mean === "number" ? mean : null, variance: typeof variance === "number" ? variance : null };
  };
  return { before: read(`b${index}`), after: read(`a${index}`), change: read(`d${index}`) };
}

/** Everyone less one segment, from sums: mean and sample variance of the remaining members. */
function subtract(all: Summaries, part: Summaries): Summaries {
  const minus = (a: Moments, b: Moments): Moments => {
    const n = a.n - b.n;
    const sum = a.sum - b.sum;
    const squares = a.squares - b.squares;
    const mean = n > 0 ? sum / n : null;
    const variance = n > 1 ? Math.max(0, (squares - (sum * sum) / n) / (n - 1)) : null;
    return { n, sum, squares, mean, variance };
  };
  return { before: minus(all.before, part.before), after: minus(all.after, part.after), change: minus(all.change, part.change) };
}

const summary = (m: Moments): Summary => ({ n: m.n, mean: m.mean ?? Number.NaN, variance: m.variance ?? Number.NaN });
const proportion = (m: Moments) => ({ n: m.n, successes: Math.round(m.sum) });

function groupChange(measure: ImpactMeasure, s: Summaries): GroupChange {
  const before = { n: s.before.n, value: s.before.n > 0 ? s.before.mean : null };
  const after = { n: s.after.n, value: s.after.n > 0 ? s.after.mean : null };
  const change = before.value !== null && after.value !== null ? after.value - before.value : null;
  const test = measure.kind === "share" ? twoProportionTest(proportion(s.after), proportion(s.before)) : welchTest(summary(s.after), summary(s.before));
  return { before, after, change, test: test ?? null };
}

function differenceInDifferences(measure: ImpactMeasure, inside: Summaries, rest: Summaries, a: GroupChange, b: GroupChange): { estimate: number | null; test: GroupChange["test"] } {
  const estimate = a.change !== null && b.change !== null ? a.change - b.change : null;
  const test =
    measure.kind === "share"
      ? proportionDifferenceInDifferences({ before: proportion(inside.before), after: proportion(inside.after) }, { before: proportion(rest.before), after: proportion(rest.after) })
      : welchTest(summary(inside.change), summary(rest.change));
  return { estimate, test: test ?? null };
}
