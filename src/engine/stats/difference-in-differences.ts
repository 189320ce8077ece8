/**
 * Difference in differences of two proportions: how much more a group's share
 * changed between two windows than a comparison group's did,
 * (p₁ after − p₁ before) − (p₂ after − p₂ before), with a z-test that treats
 * the four samples as independent (members at risk differ between windows, so
 * there is no pairing to use) and Cohen's h of the group minus h of the
 * comparison as the effect size.
 */
import { normalCdf } from "./student-t.ts";
import type { Alternative, Proportion, TestResult } from "./two-sample.ts";

export interface ProportionWindows {
  before: Proportion;
  after: Proportion;
}

export function proportionDifferenceInDifferences(group: ProportionWindows, comparison: ProportionWindows, alternative: Alternative = "two-sided"): TestResult | undefined {
  const samples = [group.after, group.before, comparison.after, comparison.before];
  if (samples.some((s) => s.n === 0)) return undefined;
  const [ga, gb, ca, cb] = samples.map((s) => s.successes / s.n) as [number, number, number, number];
  const difference = ga - gb - (ca - cb);
  const h = (p: number) => 2 * Math.asin(Math.sqrt(p));
  const effectSize = h(ga) - h(gb) - (h(ca) - h(cb));
  // Each proportion's variance from its own share: the four samples need not share a rate.
  const variance = samples.reduce((sum, s) => {
    const p = s.successes / s.n;
    return sum + (p * (1 - p)) / s.n;
  }, 0);
  if (variance === 0) return { statistic: difference === 0 ? 0 : Math.sign(difference) * Infinity, df: null, pValue: difference === 0 ? 1 : 0, effectSize, difference };
  const statistic = difference / Math.sqrt(variance);
  const cdf = normalCdf(statistic);
  const pValue = alternative === "greater" ? 1 - cdf : alternative === "less" ? cdf : Math.min(1, 2 * Math.min(cdf, 1 - cdf));
  return { statistic, df: null, pValue, effectSize, difference };
}
