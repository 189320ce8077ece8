/**
 * Hypotheses whose verdict differs between base and head: a hypothesis the
 * change makes supported, rejected or inconclusive, one added with a verdict,
 * or one removed. Only recomputed sides have verdicts.
 */
import type { HypothesisResult } from "../engine/hypotheses.ts";

export interface HypothesisVerdictChange {
  id: string;
  /** Null when the hypothesis (or its verdict) does not exist on that side. */
  base: HypothesisResult["verdict"] | null;
  head: HypothesisResult["verdict"] | null;
  /** The numbers behind the head's verdict, else the base's. */
  summary: string;
}

export function diffHypotheses(base: readonly HypothesisResult[] | undefined, head: readonly HypothesisResult[] | undefined): HypothesisVerdictChange[] {
  if (!base || !head) return [];
  const before = new Map(base.map((h) => [h.id, h]));
  const after = new Map(head.map((h) => [h.id, h]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return ids.flatMap((id) => {
    const b = before.get(id);
    const h = after.get(id);
    if (b?.verdict === h?.verdict) return [];
    return [{ id, base: b?.verdict ?? null, head: h?.verdict ?? null, summary: (h ?? b)!.summary }];
  });
}
