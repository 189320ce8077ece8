/**
 * Which steps of a recompute still read a source's rows rather than the
 * features table, so that a warehouse engine must bring the rows back for
 * them (and computes nothing in the warehouse): impact rebuilds the features
 * as of each launch day; the support_cost value label counts each member's
 * tickets; normalization coverage shows the raw values a feature left
 * unmapped. Each is named, so the fallback is said, never silent.
 */
import type { Config } from "../../schema/config.ts";
import { carriedAccountColumns } from "../../workspace/feature-catalog.ts";
import type { LoadedSegment } from "../../workspace/workspace.ts";
import type { EngineOutput } from "../engine-outputs.ts";
import { segmentLaunches } from "../impact/measure-impact.ts";

/** Why the rows are needed for `outputs`, or undefined when the features table is enough. */
export function rowsNeeded(config: Config, segments: readonly LoadedSegment[], outputs: ReadonlySet<EngineOutput>): string | undefined {
  if (outputs.has("impact") && segmentLaunches(config, segments).length > 0) return "impact rebuilds the features as of each launch day from the rows";
  if (!outputs.has("findings")) return undefined;
  const tickets = Object.keys(config.sources).find((name) => config.sources[name]!.kind === "tickets" && config.sources[name]!.customer !== undefined);
  if (tickets !== undefined) return `the support_cost value label counts each member's rows of ${tickets}`;
  for (const [name, feature] of Object.entries(config.features)) {
    if ("column" in feature && "normalize" in feature && feature.normalize && !carriedAccountColumns(config, feature.source).includes(feature.column)) {
      return `the normalization coverage of ${name} lists the raw values of ${feature.source}.${feature.column}`;
    }
  }
  return undefined;
}
