/** Every rule, sorted by id. Adding a rule is one file and one line here. */
import type { Rule } from "./define-rule.ts";
import { statedTotalMismatch } from "./stated-total-mismatch.ts";
import { weightsSum } from "./weights-sum.ts";

export const rules: readonly Rule<never>[] = [statedTotalMismatch, weightsSum] as unknown as Rule<never>[];

export function findRule(id: string): Rule<never> | undefined {
  return rules.find((rule) => rule.id === id);
}
