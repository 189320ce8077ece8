/** A name in one file that must resolve to something another file declares. */
import { defineCheck } from "./define-check.ts";

export const unknownReference = defineCheck({
  id: "unknown-reference",
  description: "Every name a file uses (scheme, segment, feature, source, column, metric, rule) is declared",
  defaultSeverity: "error",
  messages: {
    unknown: 'Unknown {{what}} "{{name}}"{{where}}.',
    noRfmSection: 'The segment uses the RFM group "{{group}}", but segmentation.yaml declares no rfm section.',
    noClusteringSection: "The segment refers to a cluster, but segmentation.yaml has no clustering section.",
    unknownFeature: "{{problem}}",
    unknownRule: 'Unknown rule "{{name}}".',
    metricTagIncomplete: "<Metric> needs both segment and metric{{missing}}.",
    metricTagSegment: '<Metric> names the segment "{{segment}}", which does not exist.',
    metricTagMetric: '<Metric> asks for "{{metric}}", which is not a number the playbook has for a segment.',
  },
  hint: "Correct the name to one the workspace declares, or declare it; each finding's hint names the closest.",
  hints: {
    noRfmSection: "Add rfm: { source: <transactions source>, groups: { ... } } to segmentation.yaml.",
    noClusteringSection: "Add clustering: { features: [...] } to segmentation.yaml, or define the segment with where:.",
    metricTagIncomplete: 'Write e.g. <Metric segment="power-users" metric="share" />.',
  },
});
