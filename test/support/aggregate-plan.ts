/**
 * An aggregate feature's plan over the test table `s` (customer, ts), with no
 * column, filter, window or fallback unless a test names them.
 */
import type { AggregatePlan } from "../../src/compile/plan.ts";

export const aggregatePlan = (name: string, aggregate: AggregatePlan["aggregate"], extra: Partial<AggregatePlan> = {}): AggregatePlan => ({
  kind: "aggregate",
  name,
  source: "s",
  customer: "customer",
  aggregate,
  column: undefined,
  timestamp: "ts",
  where: undefined,
  windowStart: undefined,
  fallback: null,
  ...extra,
});
