/**
 * The features table's columns that the segment definitions read, with
 * everything those columns are computed from: computed features (`expression:`)
 * and the names they use, RFM when a definition reads an RFM value, score or
 * group, the value tier's measure. Impact rebuilds the features as of each
 * launch day only to assign memberships, so it builds just these. Undefined
 * when a definition cannot be read (the whole table is built then).
 */
import { parseExpression } from "../expr/parser.ts";
import { referencedNames } from "../expr/referenced-names.ts";
import type { Config } from "../schema/config.ts";
import { RFM_FEATURES, VALUE_TIER_FEATURE } from "../workspace/feature-catalog.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";

export function featuresNeeded(config: Config, segments: readonly LoadedSegment[]): Set<string> | undefined {
  const pending: string[] = [];
  const read = (expression: string): boolean => {
    const parsed = parseExpression(expression);
    if (!parsed.ok) return false;
    pending.push(...referencedNames(parsed.ast));
    return true;
  };
  for (const segment of segments) {
    if (segment.value.status === "retired") continue;
    const definition = segment.value.definition;
    if ("where" in definition && !read(definition.where)) return undefined;
    if ("rfm_group" in definition) pending.push("rfm_group");
  }
  const rfmNames = new Set(RFM_FEATURES.map((f) => f.name));
  const needed = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (needed.has(name)) continue;
    needed.add(name);
    const feature = config.features[name];
    if (feature && "expression" in feature && !read(feature.expression)) return undefined;
    if (name === VALUE_TIER_FEATURE.name && config.value_tiers) pending.push(config.value_tiers.measure);
    // RFM is computed whole: its groups read the scores, the scores read the values.
    if (rfmNames.has(name) && config.rfm && !config.features[name]) for (const rfm of rfmNames) pending.push(rfm);
  }
  return needed;
}
