/**
 * What `seg check` finds, as the API returns it and the site, the formatters and the other
 * commands read it: the definitions (parsed, validated, resolved, prioritized) and, when the
 * data was recomputed, the engine's result and the lock it would write. Types only; the API
 * computes them (api/check.ts).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SeverityCounts } from "../diagnostics/count-by-severity.ts";
import type { PriorityRow, WeightCheck } from "../engine/prioritize.ts";
import type { EngineResult } from "../engine/run-engine.ts";
import type { Quadrant, Sensitivity } from "../engine/sensitivity.ts";
import type { Expr } from "../expr/ast.ts";
import type { LockChange } from "../lock/compare-lock.ts";
import type { Lock } from "../lock/lock.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { Workspace } from "../workspace/workspace.ts";
import type { SuppressedFinding } from "./suppress-findings.ts";

export interface DefinitionsResult {
  root: string;
  asOf: string;
  /** Today's date (YYYY-MM-DD), what freshness and review cadence are measured against. */
  today: string;
  workspace: Workspace;
  diagnostics: Diagnostic[];
  catalog: ReadonlyMap<string, CatalogEntry>;
  /** Segment file path → parsed where expression. */
  expressions: ReadonlyMap<string, Expr>;
  weights: WeightCheck | undefined;
  priorities: PriorityRow[];
}

export interface DataResult {
  engine: EngineResult;
  /** The lock this recompute would write. */
  lock: Lock;
  stored: { status: "missing" } | { status: "invalid"; message: string } | { status: "ok"; lock: Lock; changes: LockChange[] };
  sensitivity: Sensitivity | undefined;
  quadrants: Record<string, Quadrant>;
  /** Prioritization with scores derived from data filled in. */
  priorities: PriorityRow[];
}

export interface CheckResult extends DefinitionsResult {
  counts: SeverityCounts;
  /** Findings hidden by inline seg-disable directives or by seg-suppressions.json (not in `diagnostics` or `counts`). */
  suppressed: SuppressedFinding[];
  /** Present when the data was recomputed (no definition errors, data not disabled). */
  data: DataResult | undefined;
}
