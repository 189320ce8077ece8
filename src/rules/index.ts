/** Every rule, sorted by id. Adding a rule is one file and one line here. */
import type { Rule } from "./define-rule.ts";
import { lockOutdated } from "./lock-outdated.ts";
import { staleData } from "./stale-data.ts";
import { statedTotalMismatch } from "./stated-total-mismatch.ts";
import { weightsSum } from "./weights-sum.ts";

export const rules: readonly Rule<never>[] = [lockOutdated, staleData, statedTotalMismatch, weightsSum] as unknown as Rule<never>[];

export function findRule(id: string): Rule<never> | undefined {
  return rules.find((rule) => rule.id === id);
}
