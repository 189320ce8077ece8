import type { Document } from "yaml";
import { z } from "zod";
import { metricValue } from "../engine/derive-scores.ts";
import type { PriorityRow } from "../engine/prioritize.ts";
import type { SegmentMetrics } from "../engine/segment-metrics.ts";
import type { Config } from "../schema/config.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { indexSegments } from "../workspace/segment-index.ts";
import { defineRule, type Finding } from "./define-rule.ts";
import { measuredSegment } from "./facts/measured-segment.ts";
import { percent, points } from "./format/percent.ts";
import { findMetricTags, type MetricTag } from "./mdx/metric-tags.ts";
import { RFM_TAG_FEATURES, tagMetricNames } from "./mdx/tag-metrics.ts";
import { parseQuantity, type Quantity } from "./mdx/parse-quantity.ts";


export const proseDrift = defineRule({
  id: "prose-drift",
  description: "Numbers bound in persona prose with <Metric /> agree with the data within their tolerance",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    drift: "The {metric} of {segment} is written as {expected} but measures {measured}, outside a tolerance of {tolerance}.",
    badTag: "This <Metric> tag {problem}.",
  },
  hint: "Update the number (expected and the sentence around it) to what the data says, or give the tag a tolerance if the prose only needs to be roughly right.",
  docs: {
    rationale:
      "Persona prose quotes numbers (\"about one account in seven\", \"15% of our accounts\") that were true when someone wrote them. Binding each number to the metric it describes with <Metric segment=\"…\" metric=\"…\" expected=\"…\" /> lets every check compare it with the data, so the playbook cannot quietly keep a figure that stopped being true. Without a tolerance, the number must round to what was written (15% means 14.5% to 15.5%); tolerance=\"2pt\" allows two percentage points, \"10%\" a relative tenth, a plain number an absolute gap. Tags may bind share, value_share, count, value, priority, rank, the metrics declared in segmentation.yaml, and the mean of any compared feature. Seg reads the tags as text and never runs the MDX.",
    bad: [
      {
        file: "personas/hands-on-hana.mdx",
        text: `---
id: hands-on-hana
name: Hands-on Hana
kind: enterprise
segments: [heavy]
context: A team that runs its operations on the product.
goals: [Ship faster]
frustrations: [Rate limits during bulk runs]
---

Teams like Hana's are <Metric segment="heavy" metric="share" expected="25%" /> of our accounts.
`,
      },
    ],
    good: [
      {
        file: "personas/hands-on-hana.mdx",
        text: `---
id: hands-on-hana
name: Hands-on Hana
kind: enterprise
segments: [heavy]
context: A team that runs its operations on the product.
goals: [Ship faster]
frustrations: [Rate limits during bulk runs]
---

Teams like Hana's are <Metric segment="heavy" metric="share" expected="15%" tolerance="2pt" /> of our accounts.
`,
      },
    ],
    data: {
      bad: { schemes: { usage: { population: 1000, segments: { heavy: { count: 156 }, light: { count: 844 } } } } },
      good: { schemes: { usage: { population: 1000, segments: { heavy: { count: 156 }, light: { count: 844 } } } } },
    },
  },
  check(context) {
    const config = context.workspace.config?.value;
    if (!config) return;
    const index = indexSegments(context.workspace);
    const metricNames = tagMetricNames(config, context.facts.catalog);
    for (const persona of context.workspace.personas) {
      if (!persona.body) continue;
      for (const tag of findMetricTags(persona.body.text)) {
        const at = atTag(persona, persona.body.start + tag.start, persona.body.start + tag.end);
        const bad = (problem: string, hint?: string) => context.report({ messageId: "badTag", ...at, data: { problem }, ...(hint ? { hint } : {}) });
        // A tag without expected only shows the live number, so nothing can drift; a tag naming a segment or
        // metric that does not exist is an error of the definition checks (lint/check-metric-tags.ts).
        if (tag.attributes.expected === undefined) continue;
        const segment = index.resolve(tag.attributes.segment ?? "");
        if (!segment || !metricNames.includes(tag.attributes.metric ?? "")) continue;
        const binding = readBinding(tag, config);
        if ("problem" in binding) {
          bad(binding.problem);
          continue;
        }
        const row = context.facts.priorities.find((p) => p.scheme === segment.scheme && p.id === segment.value.id);
        const measured = boundValue(binding.metric, measuredSegment(context.facts.data, segment.scheme, segment.value.id), row);
        if (measured === null || !Number.isFinite(measured)) continue;
        const { expected, tolerance, fraction } = binding;
        if (Math.abs(measured - expected.value) <= tolerance + 1e-12) continue;
        context.report({
          messageId: "drift",
          ...at,
          data: {
            metric: binding.metric,
            segment: segment.value.name,
            expected: tag.attributes.expected!.trim(),
            measured: fraction ? percent(measured) : formatNumber(measured),
            tolerance: fraction ? points(tolerance) : formatNumber(tolerance),
          },
        });
      }
    }
  },
});

interface Binding {
  segment: string;
  metric: string;
  expected: Quantity;
  /** Largest accepted gap, in the metric's own scale. */
  tolerance: number;
  /** The metric is a share (0–1), written and shown as a percentage. */
  fraction: boolean;
}

/** The expected number and tolerance of a tag whose segment and metric exist; or what is wrong with them. */
function readBinding(tag: MetricTag, config: Config): Binding | { problem: string } {
  if (tag.expressions.length > 0) return { problem: `writes ${tag.expressions.join(", ")} as an expression; Seg never evaluates MDX, so write the value in quotes` };
  const { segment, metric, expected: expectedText, tolerance: toleranceText } = tag.attributes;
  if (expectedText === undefined || expectedText.trim() === "") return { problem: "has an empty expected attribute" };
  const declared = config.metrics[metric!];
  const fraction = metric === "share" || metric === "value_share" || declared?.aggregate === "share" || declared?.format === "percent";
  const expected = parseQuantity(expectedText!);
  if (!expected) return { problem: `has expected="${expectedText}", which is not a number (write 15%, 1,234 or 0.42)` };
  if (expected.unit !== "plain" && !fraction) return { problem: `writes a percentage for ${metric}, which is not a share` };
  let tolerance = expected.precision;
  if (toleranceText !== undefined) {
    const t = parseQuantity(toleranceText);
    if (!t || t.value < 0) return { problem: `has tolerance="${toleranceText}", which is not a tolerance (write 2pt, 10% or a number)` };
    if (t.unit === "points" && !fraction) return { problem: `gives a tolerance in points for ${metric}, which is not a share` };
    tolerance = t.unit === "percent" ? t.value * Math.abs(expected.value) : t.value;
  }
  return { segment: segment!, metric: metric!, expected, tolerance, fraction };
}

/** The number a tag binds: size and value, priority and rank, declared metrics, RFM means and medians, or a feature's mean. */
function boundValue(metric: string, metrics: SegmentMetrics | undefined, row: PriorityRow | undefined): number | null {
  if (metric === "priority") return row && Number.isFinite(row.total) ? row.total : null;
  if (metric === "rank") return row && row.rank > 0 ? row.rank : null;
  if (!metrics) return null;
  if (metric.startsWith("median_") && RFM_TAG_FEATURES.includes(metric.slice(7))) return metrics.rfm?.[metric.slice(7)]?.median ?? null;
  if (RFM_TAG_FEATURES.includes(metric) && metrics.rfm?.[metric]) return metrics.rfm[metric]!.mean;
  const value = metricValue(metrics, metric);
  if (value !== null || metric in metrics.metrics) return value;
  const compared = metrics.comparisons.find((c) => c.feature === metric);
  return compared && compared.segment.n > 0 ? compared.segment.mean : null;
}

/** Where a tag sits in the file, as a document and path the runner can place. */
function atTag(persona: LoadedDocument<unknown>, start: number, end: number): Pick<Finding, "document" | "path"> {
  // A stand-in YAML tree whose root spans the tag: the runner's locator turns it into line:col.
  const doc = { contents: { range: [0, end - start, end - start] } } as unknown as Document.Parsed;
  return { document: { ...persona, doc, base: start }, path: [] };
}

function formatNumber(x: number): string {
  return String(Math.round(x * 100) / 100);
}
