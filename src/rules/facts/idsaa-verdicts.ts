/**
 * The IDSAA verdicts of one criterion for every segment the company serves:
 * from the recompute when there is one, and for the criteria that read only
 * the YAML (accessible, actionable) from the definitions alone otherwise.
 */
import { evaluateIdsaa, type Criterion, type CriterionResult } from "../../engine/idsaa.ts";
import type { LoadedSegment } from "../../workspace/workspace.ts";
import type { RuleContext } from "../define-rule.ts";
import { isServed } from "./served.ts";

const FROM_YAML: readonly Criterion[] = ["accessible", "actionable"];

export interface Verdict {
  segment: LoadedSegment;
  result: CriterionResult;
  /** Members the definition selects; undefined without data. */
  count: number | undefined;
}

export function idsaaVerdicts(context: RuleContext<unknown>, criterion: Criterion, include: (segment: LoadedSegment) => boolean = isServed): Verdict[] {
  const config = context.workspace.config?.value;
  if (!config) return [];
  const out: Verdict[] = [];
  for (const segment of context.segmentsOf()) {
    if (!include(segment)) continue;
    const computed = context.facts.data?.idsaa[`${segment.scheme}/${segment.value.id}`];
    const result = computed?.[criterion] ?? (FROM_YAML.includes(criterion) ? evaluateIdsaa(segment.value, undefined, [], config)[criterion] : undefined);
    const count = computed?.identifiable.data.count;
    if (result) out.push({ segment, result, count: typeof count === "number" ? count : undefined });
  }
  return out;
}
