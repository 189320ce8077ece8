/**
 * Which sums the features relation adds exactly (Dialect.exactAggregate): the `sum` and `avg`
 * features and RFM's monetary over a column that holds doubles (declared `number`). Sums of
 * whole numbers are exact as they are and keep their plain aggregate and type. The engine scans
 * the bounds of those columns first (summedDoubles, sum-bounds.ts) and passes the fixed point
 * each allows, which DuckDB's exact sum needs; without one DuckDB adds in ascending order.
 */
import type { FixedPoint } from "../../expr/dialects/fixed-point-sum.ts";
import type { FeaturesPlan } from "../plan.ts";

export interface ExactSums {
  /** Whether `column` of `source` holds doubles, so its sums are exact ones. */
  holdsDoubles(source: string, column: string): boolean;
  /** The fixed point the column's bounds allow (engine only), or undefined. */
  point(source: string, column: string): FixedPoint | undefined;
}

/** No exact sums: every sum is the dialect's ordered aggregate (queries outside the features relation). */
export const ORDERED_SUMS: ExactSums = { holdsDoubles: () => false, point: () => undefined };

/** The key of a source's column in a map of fixed points. */
export function sumKey(source: string, column: string): string {
  return JSON.stringify([source, column]);
}

/** The plan's exact sums: over the columns typed `number`, with the fixed points `points` gives (sumKey). */
export function exactSums(plan: Pick<FeaturesPlan, "sources">, points: ReadonlyMap<string, FixedPoint> = new Map()): ExactSums {
  const doubles = new Set(plan.sources.flatMap((s) => [...s.columns, ...s.derived].filter((c) => c.type === "number").map((c) => sumKey(s.name, c.name))));
  return { holdsDoubles: (source, column) => doubles.has(sumKey(source, column)), point: (source, column) => points.get(sumKey(source, column)) };
}

/** Per source, the double columns the plan sums (sum and avg features, RFM's amount): what the engine scans bounds of. */
export function summedDoubles(plan: FeaturesPlan): Map<string, string[]> {
  const sums = exactSums(plan);
  const out = new Map<string, string[]>();
  const add = (source: string, column: string | undefined) => {
    if (column === undefined || !sums.holdsDoubles(source, column)) return;
    const list = out.get(source) ?? [];
    if (!list.includes(column)) list.push(column);
    out.set(source, list);
  };
  for (const f of plan.features) if (f.kind === "aggregate" && (f.aggregate === "sum" || f.aggregate === "avg")) add(f.source, f.column);
  if (plan.rfm) add(plan.rfm.source, plan.rfm.amount);
  return out;
}
