import { z } from "zod";
import type { SchemeMetrics } from "../engine/segment-metrics.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { defineRule, type DataFacts, type RuleContext } from "./define-rule.ts";
import { measuredScheme } from "./facts/measured-segment.ts";
import { isServed } from "./facts/served.ts";
import { percent } from "./format/percent.ts";

export const proliferation = defineRule({
  id: "proliferation",
  description: "New segments replace or merge old ones rather than pile up, and segments of a scheme do not largely overlap",
  defaultSeverity: "warning",
  options: z.strictObject({
    maxOverlap: z.number().min(0).max(1).default(0.5).describe("Largest share of the smaller segment's members that may also be in another segment (overlapping schemes)."),
    maxNetGrowth: z.number().int().min(0).default(0).describe("How many more segments may be added than retired or deprioritized, per scheme."),
  }),
  messages: {
    overlap: "{name} shares {shared} of its {count} members ({share}) with {other}, more than {max}: they describe largely the same customers.",
    addedSinceLock: "{name} is new since the lock, and the {scheme} scheme gained {added} segments while retiring or deprioritizing {retired}.",
    proposedWithoutRetiring: "{name} is proposed, and the {scheme} scheme has {added} proposed segments against {retired} retired or deprioritized.",
  },
  hint: "Validate the segments you have before adding more: merge the new segment into an existing one, or retire the one it replaces (status: retired) in the same change.",
  docs: {
    rationale:
      "Adding a segment feels like progress and costs nothing in a slide. Each one, though, needs its own play, owner and review, and a scheme that only grows ends up with many thin, overlapping groups that nobody serves differently. The rule asks that additions come with retirements or merges (compared with the lock when there is one, otherwise proposed against retired segments) and flags segments whose members are mostly in another segment too.",
    bad: [
      {
        file: "segments/usage/weekend.yaml",
        text: `id: weekend
name: Weekend users
summary: Accounts that also work on weekends.
status: proposed
approach: behavioral
definition:
  where: active_days_90d >= 30
`,
      },
    ],
    good: [
      {
        file: "segments/usage/weekend.yaml",
        text: `id: weekend
name: Weekend users
summary: Accounts that also work on weekends.
status: proposed
approach: behavioral
definition:
  where: active_days_90d >= 30
`,
      },
      {
        file: "segments/usage/light.yaml",
        text: `id: light
name: Light users
summary: Replaced by weekend users and a catch-all.
status: retired
approach: behavioral
definition:
  where: active_days_90d < 40
`,
      },
    ],
  },
  check(context) {
    const config = context.workspace.config;
    if (!config) return;
    const data = context.facts.data;
    for (const [scheme, settings] of Object.entries(config.value.schemes)) {
      const segments = context.segmentsOf(scheme);
      if (!settings.exclusive) reportOverlaps(context, segments, measuredScheme(data, scheme));
      const growth = data?.lock.status === "ok" ? growthSinceLock(scheme, segments, data) : growthAsProposed(segments);
      if (growth.added.length - growth.retired <= context.options.maxNetGrowth) continue;
      for (const segment of growth.added) {
        context.report({
          messageId: growth.sinceLock ? "addedSinceLock" : "proposedWithoutRetiring",
          document: segment,
          path: ["status"],
          data: { name: segment.value.name, scheme, added: growth.added.length, retired: growth.retired },
        });
      }
    }
  },
});

/** Pairs of served segments sharing more than maxOverlap of the smaller one's members, reported on the smaller. */
function reportOverlaps(context: RuleContext<{ maxOverlap: number }>, segments: LoadedSegment[], measured: SchemeMetrics | undefined): void {
  if (!measured) return;
  const byId = new Map(segments.filter(isServed).map((s) => [s.value.id, s]));
  const countOf = (id: string) => measured.segments.find((m) => m.segment === id)?.count ?? 0;
  for (const [pair, shared] of Object.entries(measured.overlap)) {
    const [a, b] = pair.split("|") as [string, string];
    const sa = byId.get(a);
    const sb = byId.get(b);
    if (!sa || !sb || Math.min(countOf(a), countOf(b)) === 0) continue;
    const [small, large] = countOf(b) < countOf(a) ? [sb, sa] : [sa, sb];
    const count = countOf(small.value.id);
    const share = shared / count;
    if (share <= context.options.maxOverlap + 1e-12) continue;
    context.report({
      messageId: "overlap",
      document: small,
      path: ["definition"],
      data: { name: small.value.name, shared, count, share: percent(share), other: large.value.name, max: percent(context.options.maxOverlap) },
    });
  }
}

interface Growth {
  added: LoadedSegment[];
  retired: number;
  sinceLock: boolean;
}

/** Segments in play that the lock did not know, against segments the lock knew that are now gone, retired or deprioritized. */
function growthSinceLock(scheme: string, segments: LoadedSegment[], data: DataFacts): Growth {
  if (data.lock.status !== "ok") return growthAsProposed(segments);
  const stored = data.lock.lock.hashes.segments;
  const fresh = data.freshLock.hashes.segments;
  const current = new Map(segments.map((s) => [`${scheme}/${s.value.id}`, s]));
  const added = segments.filter((s) => isServed(s) && stored[`${scheme}/${s.value.id}`] === undefined);
  const retired = Object.keys(stored).filter((key) => {
    if (!key.startsWith(`${scheme}/`)) return false;
    const segment = current.get(key);
    return !segment || (!isServed(segment) && fresh[key] !== stored[key]);
  }).length;
  return { added, retired, sinceLock: true };
}

function growthAsProposed(segments: LoadedSegment[]): Growth {
  return {
    added: segments.filter((s) => s.value.status === "proposed"),
    retired: segments.filter((s) => s.value.status === "retired" || s.value.status === "deprioritized").length,
    sinceLock: false,
  };
}
