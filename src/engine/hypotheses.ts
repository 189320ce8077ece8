/**
 * Run each hypothesis' test on the data: compare a metric between two segments,
 * or between one segment and the rest of its scheme, with Welch's t-test
 * (difference of means) or a two-proportion z-test, and mark the hypothesis
 * supported, rejected or inconclusive with the numbers behind the verdict.
 */
import type { Config } from "../schema/config.ts";
import type { Hypothesis } from "../schema/hypothesis.ts";
import { indexSegments } from "../workspace/segment-index.ts";
import type { Workspace } from "../workspace/workspace.ts";
import type { Database } from "./duckdb.ts";
import { MEMBERSHIPS } from "./membership.ts";
import type { MetricsQuery } from "./metrics-memo.ts";
import { FEATURES, lit, MEMBER_ID, q } from "./sql-names.ts";
import { twoProportionTest, welchTest, type TestResult } from "./stats/two-sample.ts";
import { inValueOrder } from "../expr/dialects/in-value-order.ts";

export interface HypothesisGroup {
  label: string;
  n: number;
  /** Mean of the metric, or the proportion for proportion tests. */
  value: number | null;
}

export interface HypothesisResult {
  id: string;
  verdict: "supported" | "rejected" | "inconclusive";
  kind: Hypothesis["test"]["kind"];
  alternative: Hypothesis["test"]["alternative"];
  alpha: number;
  groups: [HypothesisGroup, HypothesisGroup];
  test: TestResult | null;
  /** One sentence with the numbers. */
  summary: string;
}

export interface SegmentRef {
  scheme: string;
  id: string;
  name: string;
}

/** How a hypothesis' `segments:` entries name segments: by id, or scheme/id. */
export function hypothesisSegments(workspace: Workspace): (ref: string) => SegmentRef | undefined {
  const index = indexSegments(workspace);
  return (ref) => {
    const s = index.resolve(ref);
    return s ? { scheme: s.scheme, id: s.value.id, name: s.value.name } : undefined;
  };
}

/**
 * `query`: runs each group's query, which reads one scheme's memberships (metrics-memo.ts answers it from the cache
 * while the features and that scheme's rules are unchanged); default: the database.
 */
export async function runHypotheses(
  db: Database,
  config: Config,
  hypotheses: readonly Hypothesis[],
  resolve: (ref: string) => SegmentRef | undefined,
  query: MetricsQuery = (sql) => db.all(sql),
): Promise<HypothesisResult[]> {
  const out: HypothesisResult[] = [];
  for (const h of hypotheses) {
    const refs = h.segments.map(resolve);
    if (refs.some((r) => r === undefined)) continue;
    const [a, b] = refs as SegmentRef[];
    const metric = config.metrics[h.metric];
    const feature = metric?.feature ?? h.metric;
    const x = `CAST(f.${q(feature)} AS DOUBLE)`;
    const inA = `m.scheme = ${lit(a!.scheme)} AND m.segment = ${lit(a!.id)}`;
    const inB = b ? `m.scheme = ${lit(b.scheme)} AND m.segment = ${lit(b.id)}` : `m.scheme = ${lit(a!.scheme)} AND m.segment IS DISTINCT FROM ${lit(a!.id)}`;
    // Each group's query reads the memberships of its own scheme alone.
    const stats = async (condition: string, scheme: string) => {
      const [row] = await query(
        `SELECT count(${x}) AS n, ${inValueOrder("avg", x)} AS mean, ${inValueOrder("var_samp", x)} AS variance, count(*) FILTER (WHERE ${x} <> 0) AS successes FROM ${MEMBERSHIPS} m JOIN ${FEATURES} f USING (${q(MEMBER_ID)}) WHERE ${condition}`,
        scheme,
      );
      return { n: Number(row?.n ?? 0), mean: Number(row?.mean ?? Number.NaN), variance: Number(row?.variance ?? Number.NaN), successes: Number(row?.successes ?? 0) };
    };
    const sa = await stats(inA, a!.scheme);
    const sb = await stats(inB, b ? b.scheme : a!.scheme);
    const proportions = h.test.kind === "difference-of-proportions";
    const test = proportions
      ? twoProportionTest({ n: sa.n, successes: sa.successes }, { n: sb.n, successes: sb.successes }, h.test.alternative)
      : welchTest(sa, sb, h.test.alternative);
    const value = (s: typeof sa) => (s.n === 0 ? null : proportions ? s.successes / s.n : s.mean);
    const groups: [HypothesisGroup, HypothesisGroup] = [
      { label: "", n: sa.n, value: value(sa) },
      { label: "", n: sb.n, value: value(sb) },
    ];
    const verdict = verdictOf(test, h.test.alternative, h.test.alpha);
    out.push(labelHypothesis({ id: h.id, verdict, kind: h.test.kind, alternative: h.test.alternative, alpha: h.test.alpha, groups, test: test ?? null, summary: "" }, h, a!, b));
  }
  return out;
}

/**
 * Name a result's groups after the segments it compares, and say it in a sentence: the only part of a
 * hypothesis result that segment names feed. A result kept from an earlier run (engine/engine-memo.ts) is
 * labelled again with today's names.
 */
export function labelHypothesis(result: HypothesisResult, h: Hypothesis, a: SegmentRef, b: SegmentRef | undefined): HypothesisResult {
  const [ga, gb] = result.groups;
  const groups: [HypothesisGroup, HypothesisGroup] = [
    { ...ga, label: a.name },
    { ...gb, label: b ? b.name : `rest of ${a.scheme}` },
  ];
  return { ...result, groups, summary: summarize(h, groups, result.test ?? undefined, result.verdict, h.test.kind === "difference-of-proportions") };
}

function verdictOf(test: TestResult | undefined, alternative: Hypothesis["test"]["alternative"], alpha: number): HypothesisResult["verdict"] {
  if (!test) return "inconclusive";
  if (test.pValue < alpha) return "supported";
  if (alternative !== "two-sided") {
    // Significant the other way round: the data contradict the statement.
    const opposite = alternative === "greater" ? test.difference < 0 : test.difference > 0;
    const twoSided = Math.min(1, 2 * Math.min(test.pValue, 1 - test.pValue));
    if (opposite && twoSided < alpha) return "rejected";
  }
  return "inconclusive";
}

function summarize(h: Hypothesis, groups: [HypothesisGroup, HypothesisGroup], test: TestResult | undefined, verdict: string, proportions: boolean): string {
  const show = (v: number | null) => (v === null ? "n/a" : proportions ? `${(v * 100).toFixed(1)}%` : v.toFixed(2));
  const [a, b] = groups;
  if (!test) return `Not enough data: ${a.label} n=${a.n}, ${b.label} n=${b.n}.`;
  const p = test.pValue < 0.0001 ? "p < 0.0001" : `p = ${test.pValue.toFixed(4)}`;
  return `${h.metric}: ${a.label} ${show(a.value)} (n=${a.n}) vs ${b.label} ${show(b.value)} (n=${b.n}); ${proportions ? "z" : "t"} = ${test.statistic.toFixed(2)}, ${p}, ${proportions ? "h" : "d"} = ${test.effectSize.toFixed(2)} → ${verdict} at α = ${h.test.alpha}.`;
}
