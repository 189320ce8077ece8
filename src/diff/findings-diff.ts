/**
 * Findings new and fixed between two checks. Two findings are the same when
 * their identity agrees (diagnostics/finding-key.ts: rule, file, path in the
 * document and message id), so a finding whose figures merely moved (a share
 * from 4.1% to 3.9%) or whose message was reworded is neither new nor fixed.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { findingKey } from "../diagnostics/finding-key.ts";

export interface FindingsDiff {
  /** In the head, not in the base. */
  added: Diagnostic[];
  /** In the base, not in the head. */
  fixed: Diagnostic[];
}

export function diffFindings(base: readonly Diagnostic[], head: readonly Diagnostic[]): FindingsDiff {
  return { added: without(head, base), fixed: without(base, head) };
}

/** Findings of `from` not matched by one of `other` (a multiset difference). */
function without(from: readonly Diagnostic[], other: readonly Diagnostic[]): Diagnostic[] {
  const remaining = new Map<string, number>();
  for (const d of other) remaining.set(findingKey(d), (remaining.get(findingKey(d)) ?? 0) + 1);
  return from.filter((d) => {
    const key = findingKey(d);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    return false;
  });
}
