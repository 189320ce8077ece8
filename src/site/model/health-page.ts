/**
 * Page data for the health page: findings grouped by file and by rule, what is
 * overdue for review, how fresh the data is, what is suppressed and whether
 * the lock matches the data.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import { DEFAULT_WARN_AFTER_DAYS, freshnessLimits } from "../../workspace/freshness-limits.ts";
import { sourceData } from "../../schema/source.ts";
import { daysBetween } from "../../text/days-between.ts";
import type { SitePersona } from "./persona-pages.ts";
import type { SiteSegment } from "./segment-pages.ts";
import { toFinding, type SiteFinding } from "./site-finding.ts";

export interface HealthPage {
  counts: { error: number; warning: number; info: number };
  files: { file: string; title: string; url: string | null; findings: SiteFinding[] }[];
  rules: { ruleId: string; severity: string; count: number }[];
  reviews: { kind: "Segment" | "Persona"; name: string; url: string; lastReviewed: string | null; age: number | null; overdue: boolean }[];
  cadence: number;
  /** Age of each source's newest row today, against its freshness thresholds. */
  sources: { name: string; path: string; rows: number; newest: string | null; age: number | null; warnAfterDays: number; errorAfterDays: number | null; stale: boolean }[];
  /** The workspace's default warn_after_days. */
  freshness: number;
  /** The date ages are counted to. */
  today: string;
  suppressions: { file: string; ruleId: string; count: number; reason: string | null; expires: string | null; expired: boolean }[];
  lock: { status: "missing" | "invalid" | "ok" | "not-computed"; message: string | null; changes: string[] };
}

export function buildHealth(result: CheckResult, segments: readonly SiteSegment[], personas: readonly SitePersona[]): HealthPage {
  const config = result.workspace.config?.value;
  const cadence = config?.review.cadence_days ?? 90;
  const freshness = config?.review.freshness?.warn_after_days ?? config?.review.freshness_days ?? DEFAULT_WARN_AFTER_DAYS;
  const pageOf = (file: string): { title: string; url: string | null } => {
    const s = segments.find((x) => x.file === file);
    if (s) return { title: `Segment: ${s.segment.name}`, url: s.url };
    const p = personas.find((x) => x.file === file);
    if (p) return { title: `Persona: ${p.persona.name}`, url: p.url };
    if (file.startsWith("hypotheses/")) return { title: `Hypothesis: ${file.slice(11).replace(/\.ya?ml$/, "")}`, url: "/hypotheses/" };
    return { title: file, url: null };
  };
  const files = [...new Set(result.diagnostics.map((d) => d.file))].map((file) => ({ file, ...pageOf(file), findings: result.diagnostics.filter((d) => d.file === file).map(toFinding) }));
  const byRule = new Map<string, { ruleId: string; severity: string; count: number }>();
  for (const d of result.diagnostics) {
    const entry = byRule.get(d.ruleId) ?? { ruleId: d.ruleId, severity: d.severity, count: 0 };
    entry.count++;
    byRule.set(d.ruleId, entry);
  }
  const stored = result.data?.stored;
  return {
    counts: result.counts,
    files,
    rules: [...byRule.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    reviews: [
      ...segments.filter((s) => s.segment.status !== "retired").map((s) => ({ kind: "Segment" as const, name: s.segment.name, url: s.url, review: s.review })),
      ...personas.map((p) => ({ kind: "Persona" as const, name: p.persona.name, url: p.url, review: p.review })),
    ]
      .map(({ review, ...rest }) => ({ ...rest, lastReviewed: review?.lastReviewed ?? null, age: review?.age ?? null, overdue: review ? review.overdue : true }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.age ?? 1e9) - (a.age ?? 1e9) || a.name.localeCompare(b.name)),
    cadence,
    sources: (result.data?.engine.sources ?? []).map((s) => {
      const newest = s.newest ? s.newest.slice(0, 10) : null;
      const age = newest ? daysBetween(newest, result.today) : null;
      const limits = config ? freshnessLimits(config, s.name) : { warnAfterDays: freshness, errorAfterDays: undefined };
      return { name: s.name, path: sourceData(s), rows: s.rows, newest, age, warnAfterDays: limits.warnAfterDays, errorAfterDays: limits.errorAfterDays ?? null, stale: age !== null && age > limits.warnAfterDays };
    }),
    freshness,
    today: result.today,
    suppressions: Object.entries(result.workspace.suppressions?.value.suppressions ?? {}).flatMap(([file, rules]) =>
      Object.entries(rules).map(([ruleId, e]) => ({ file, ruleId, count: e.count, reason: e.reason ?? null, expires: e.expires ?? null, expired: e.expires !== undefined && e.expires < result.asOf })),
    ),
    lock: !stored
      ? { status: "not-computed", message: null, changes: [] }
      : stored.status === "ok"
        ? { status: "ok", message: null, changes: stored.changes.map((c) => c.message) }
        : stored.status === "invalid"
          ? { status: "invalid", message: stored.message, changes: [] }
          : { status: "missing", message: null, changes: [] },
  };
}
