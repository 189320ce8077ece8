/** Every rule, sorted by id. Adding a rule is one file and one line here. */
import { accessible } from "./accessible.ts";
import { actionable } from "./actionable.ts";
import { clusterInstability } from "./cluster-instability.ts";
import { clusteringSetAside } from "./clustering-set-aside.ts";
import { convenienceSegment } from "./convenience-segment.ts";
import type { AnyRule } from "./define-rule.ts";
import { demographicsOnly } from "./demographics-only.ts";
import { differentiable } from "./differentiable.ts";
import { featureCoverage } from "./feature-coverage.ts";
import { hypothesisRejected } from "./hypothesis-rejected.ts";
import { hypothesisResult } from "./hypothesis-result.ts";
import { identifiable } from "./identifiable.ts";
import { impactWindow } from "./impact-window.ts";
import { kpiUnmeasured } from "./kpi-unmeasured.ts";
import { kpiWrongWay } from "./kpi-wrong-way.ts";
import { lockOutdated } from "./lock-outdated.ts";
import { noNegativeSegment } from "./no-negative-segment.ts";
import { oneSizeFitsAll } from "./one-size-fits-all.ts";
import { orphanPersona } from "./orphan-persona.ts";
import { personaTheater } from "./persona-theater.ts";
import { phaseOrder } from "./phase-order.ts";
import { proliferation } from "./proliferation.ts";
import { proseDrift } from "./prose-drift.ts";
import { rawScaleSkew } from "./raw-scale-skew.ts";
import { segmentByWish } from "./segment-by-wish.ts";
import { segmentCount } from "./segment-count.ts";
import { sizeDrift } from "./size-drift.ts";
import { staleData } from "./stale-data.ts";
import { staleReview } from "./stale-review.ts";
import { statedTotalMismatch } from "./stated-total-mismatch.ts";
import { substantial } from "./substantial.ts";
import { unassignedShare } from "./unassigned-share.ts";
import { undifferentiated } from "./undifferentiated.ts";
import { valueLabelMismatch } from "./value-label-mismatch.ts";
import { weightsSum } from "./weights-sum.ts";
import { checks } from "../checks/index.ts";

export const rules: readonly AnyRule[] = [
  accessible,
  actionable,
  clusterInstability,
  clusteringSetAside,
  convenienceSegment,
  demographicsOnly,
  differentiable,
  featureCoverage,
  hypothesisRejected,
  hypothesisResult,
  identifiable,
  impactWindow,
  kpiUnmeasured,
  kpiWrongWay,
  lockOutdated,
  noNegativeSegment,
  oneSizeFitsAll,
  orphanPersona,
  personaTheater,
  phaseOrder,
  proliferation,
  proseDrift,
  rawScaleSkew,
  segmentByWish,
  segmentCount,
  sizeDrift,
  staleData,
  staleReview,
  statedTotalMismatch,
  substantial,
  unassignedShare,
  undifferentiated,
  valueLabelMismatch,
  weightsSum,
];

/** Ids of the rules (and registered checks) whose findings a baseline entry or a seg-disable directive may accept. */
export const suppressibleRuleIds: readonly string[] = [
  ...rules.filter((rule) => rule.suppressible !== false).map((rule) => rule.id),
  ...checks.filter((check) => check.suppressible === true).map((check) => check.id),
];

/**
 * The rules and registered checks whose findings may only be fixed, each with
 * its hint (what to do instead): errors that stop the recompute, and the
 * checks of the baseline and the directives themselves.
 */
export const fixOnlyRules: ReadonlyMap<string, string> = new Map([
  ...rules.filter((rule) => rule.suppressible === false).map((rule): [string, string] => [rule.id, rule.hint]),
  ...checks.filter((check) => check.suppressible !== true).map((check): [string, string] => [check.id, check.hint]),
]);

export function findRule(id: string): AnyRule | undefined {
  return rules.find((rule) => rule.id === id);
}
