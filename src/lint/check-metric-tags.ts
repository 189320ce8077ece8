/**
 * Every <Metric segment="…" metric="…" /> in persona prose names a segment
 * that exists and a number the playbook can show. A tag that does not would be
 * published as "n/a", so a broken one is an error at its line, like any other
 * broken reference, with the likely intended name. Whether the number written
 * beside a tag still holds is the prose-drift rule's question.
 */
import { unknownReference } from "../checks/references.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { findMetricTags } from "../rules/mdx/metric-tags.ts";
import { tagMetricNames } from "../rules/mdx/tag-metrics.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import { indexSegments } from "../workspace/segment-index.ts";
import { reportAt } from "../workspace/report-at.ts";
import type { Workspace } from "../workspace/workspace.ts";

export function checkMetricTags(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>): Diagnostic[] {
  const config = workspace.config?.value;
  if (!config) return [];
  const segments = indexSegments(workspace);
  const metrics = tagMetricNames(config, catalog);
  const out: Diagnostic[] = [];
  for (const persona of workspace.personas) {
    if (!persona.body) continue;
    for (const tag of findMetricTags(persona.body.text)) {
      const range = { start: persona.body.start + tag.start, end: persona.body.start + tag.end };
      const report = (messageId: "metricTagIncomplete" | "metricTagSegment" | "metricTagMetric", words: Record<string, string>, hint?: string) =>
        out.push(reportAt({ check: unknownReference, messageId, document: persona, path: ["body"], range, words, ...(hint !== undefined ? { hint } : {}) }));
      const { segment, metric } = tag.attributes;
      if (tag.expressions.includes("segment") || tag.expressions.includes("metric")) continue; // the MDX whitelist reports expressions
      if (!segment?.trim() || !metric?.trim()) {
        report("metricTagIncomplete", { missing: `${segment?.trim() ? "" : "; it has no segment"}${metric?.trim() ? "" : "; it has no metric"}` });
        continue;
      }
      if (!segments.resolve(segment)) {
        const suggestion = didYouMean(segment, segments.names());
        report("metricTagSegment", { segment }, suggestion ? `Did you mean "${suggestion}"?` : `Segments: ${segments.names().slice(0, 12).join(", ")}.`);
      }
      if (!metrics.includes(metric)) {
        const suggestion = didYouMean(metric, metrics);
        report(
          "metricTagMetric",
          { metric },
          `${suggestion ? `Did you mean "${suggestion}"? ` : ""}A tag may show share, value_share, count, value, priority, rank, a metric declared in segmentation.yaml or the mean of a numeric feature.`,
        );
      }
    }
  }
  return out;
}
