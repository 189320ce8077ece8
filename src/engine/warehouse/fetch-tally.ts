/**
 * Rows a warehouse brought back, by step: what `EngineResult.warehouse.fetched`
 * reports, so a run says where its rows came from (a few rows of counts per
 * source, one row per member, or every row of a table). The rows of data are
 * the rest: a table's rows, feature rows.
 */

/** Steps that bring back a row of aggregates per source, not rows of data. */
const AGGREGATE_STEPS: ReadonlySet<string> = new Set(["checks", "digest", "aggregates"]);

export interface FetchTally {
  add(step: string, rows: number): void;
  /** Rows by step, in the order the steps first ran. */
  bySteps(): Record<string, number>;
  /** Rows of data brought back: every step's but the aggregates'. */
  dataRows(): number;
}

export function fetchTally(): FetchTally {
  const rows = new Map<string, number>();
  return {
    add: (step, n) => void rows.set(step, (rows.get(step) ?? 0) + n),
    bySteps: () => Object.fromEntries(rows),
    dataRows: () => [...rows].reduce((total, [step, n]) => (AGGREGATE_STEPS.has(step) ? total : total + n), 0),
  };
}
