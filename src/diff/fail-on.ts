/**
 * `--fail-on`: conditions under which `seg diff` exits 1, so CI can ask for a
 * second look at large changes. Written comma-separated, e.g.
 * `share-change:5,new-errors`. Conditions on sizes and ranks hold only when
 * both sides were recomputed (a new workspace, or a side with errors, has
 * nothing to compare; `new-errors` catches the latter).
 */
import type { DiffResult } from "./diff-result.ts";
import { metricsChanged } from "./metric-diff.ts";
import { UNASSIGNED } from "./migration-matrix.ts";

export interface FailOnCondition {
  name: string;
  /** The number after the colon, for conditions that take one. */
  threshold?: number;
}

interface ConditionSpec {
  name: string;
  /** Placeholder of the number, when the condition takes one. */
  takes?: string;
  description: string;
  /** Messages, one per reason the condition holds. */
  test(result: DiffResult, threshold: number): string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const FAIL_ON_CONDITIONS: readonly ConditionSpec[] = [
  {
    name: "share-change",
    takes: "POINTS",
    description: "a segment's share moves by more than POINTS percentage points",
    test: (result, points) =>
      result.schemes.flatMap((s) =>
        s.segments
          .filter((m) => m.segment !== UNASSIGNED && Math.abs(m.delta.share) * 100 > points)
          .map((m) => `${s.scheme}/${m.segment} share ${pct(m.base?.share ?? 0)} → ${pct(m.head?.share ?? 0)} moves more than ${points} points`),
      ),
  },
  {
    name: "moved",
    takes: "PERCENT",
    description: "more than PERCENT % of a scheme's customers change segment",
    test: (result, percent) =>
      result.schemes
        .filter((s) => s.migration && s.migration.members > 0 && (s.migration.moved / s.migration.members) * 100 > percent)
        .map((s) => `${pct(s.migration!.moved / s.migration!.members)} of ${s.scheme}'s customers change segment (more than ${percent}%)`),
  },
  {
    name: "rank-change",
    description: "a prioritized segment changes rank",
    test: (result) =>
      result.schemes.flatMap((s) => s.segments.filter((m) => m.delta.rank !== null && m.delta.rank !== 0).map((m) => `${s.scheme}/${m.segment} moves from rank ${m.base?.rank} to ${m.head?.rank}`)),
  },
  {
    name: "new-errors",
    description: "the change introduces error findings",
    test: (result) => result.findings.added.filter((d) => d.severity === "error").map((d) => `new error in ${d.file}: ${d.message}`),
  },
  {
    name: "new-warnings",
    description: "the change introduces error or warning findings",
    test: (result) => result.findings.added.filter((d) => d.severity !== "info").map((d) => `new ${d.severity} in ${d.file}: ${d.message}`),
  },
  {
    name: "any-change",
    description: "any segment's size, share, value or rank changes",
    test: (result) => result.schemes.flatMap((s) => s.segments.filter(metricsChanged).map((m) => `${s.scheme}/${m.segment} changes`)),
  },
];

/** Parse the option's text; a message naming the valid conditions when it is wrong. */
export function parseFailOn(text: string): { conditions: FailOnCondition[] } | { error: string } {
  const conditions: FailOnCondition[] = [];
  const known = FAIL_ON_CONDITIONS.map((c) => (c.takes ? `${c.name}:${c.takes}` : c.name)).join(", ");
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [name, value, ...rest] = part.split(":");
    const spec = FAIL_ON_CONDITIONS.find((c) => c.name === name);
    if (!spec || rest.length > 0) return { error: `unknown --fail-on condition "${part}"; use ${known}.` };
    if (spec.takes) {
      const threshold = Number(value);
      if (value === undefined || value.trim() === "" || !Number.isFinite(threshold) || threshold < 0) return { error: `--fail-on ${name} needs a number, e.g. ${name}:5.` };
      conditions.push({ name: spec.name, threshold });
    } else {
      if (value !== undefined) return { error: `--fail-on ${name} takes no number.` };
      conditions.push({ name: spec.name });
    }
  }
  if (conditions.length === 0) return { error: `--fail-on needs at least one condition: ${known}.` };
  return { conditions };
}

/** Conditions on sizes and ranks need both sides recomputed; findings conditions do not. */
const NEEDS_BOTH_SIDES = new Set(["share-change", "moved", "rank-change", "any-change"]);

/** The reasons the conditions hold; empty when none does. */
export function evaluateFailOn(conditions: readonly FailOnCondition[], result: DiffResult): string[] {
  const comparable = result.base.recomputed && result.head.recomputed;
  return conditions.flatMap((c) => (NEEDS_BOTH_SIDES.has(c.name) && !comparable ? [] : FAIL_ON_CONDITIONS.find((s) => s.name === c.name)!.test(result, c.threshold ?? 0)));
}
