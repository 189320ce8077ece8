/** The numbers behind a hypothesis verdict, as a finding's data (JSON, SARIF). */
import type { HypothesisResult } from "../../engine/hypotheses.ts";

export function hypothesisFigures(result: HypothesisResult): Record<string, string | number> {
  return {
    verdict: result.verdict,
    alpha: result.alpha,
    ...(result.test ? { statistic: result.test.statistic, pValue: result.test.pValue, effectSize: result.test.effectSize } : {}),
    nA: result.groups[0].n,
    nB: result.groups[1].n,
  };
}
