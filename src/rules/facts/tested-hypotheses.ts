/**
 * The hypotheses the data tested, each with its file and what its finding
 * says: the statement, the engine's summary and the numbers behind the
 * verdict (the finding's data in JSON and SARIF). hypothesis-rejected and
 * hypothesis-result report them by verdict.
 */
import type { HypothesisResult } from "../../engine/hypotheses.ts";
import type { Hypothesis } from "../../schema/hypothesis.ts";
import type { LoadedDocument } from "../../workspace/read-document.ts";
import type { RuleContext } from "../define-rule.ts";

export interface TestedHypothesis {
  result: HypothesisResult;
  document: LoadedDocument<Hypothesis>;
  data: Record<string, string | number>;
}

/** The tested hypotheses whose verdict `select` keeps, in the engine's order; a result without its file is skipped. */
export function testedHypotheses(context: RuleContext<unknown>, select: (verdict: HypothesisResult["verdict"]) => boolean): TestedHypothesis[] {
  const out: TestedHypothesis[] = [];
  for (const result of context.facts.data?.hypotheses ?? []) {
    if (!select(result.verdict)) continue;
    const document = context.workspace.hypotheses.find((h) => h.value.id === result.id);
    if (!document) continue;
    out.push({ result, document, data: { id: result.id, statement: document.value.statement, summary: result.summary.replace(/\.$/, ""), ...figures(result) } });
  }
  return out;
}

function figures(result: HypothesisResult): Record<string, string | number> {
  return {
    verdict: result.verdict,
    alpha: result.alpha,
    ...(result.test ? { statistic: result.test.statistic, pValue: result.test.pValue, effectSize: result.test.effectSize } : {}),
    nA: result.groups[0].n,
    nB: result.groups[1].n,
  };
}
