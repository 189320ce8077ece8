/**
 * What a recompute on a warehouse says of where it ran (seg lock's text
 * output): whether the warehouse computed the features and the aggregates,
 * the rows each step brought back, and why rows or every member's features
 * came back when they did, so no fallback is silent.
 */
import type { EngineResult } from "../engine/run-engine.ts";

export function warehouseReport(engine: string, warehouse: NonNullable<EngineResult["warehouse"]>): string[] {
  const steps = Object.entries(warehouse.fetched).map(([step, rows]) => `${step} ${rows}`);
  const lines = [`On ${engine}: ${warehouse.inWarehouse ? "computed in the warehouse" : "rows read from the warehouse, computed in DuckDB"}; rows brought back by step: ${steps.join(", ") || "none"}.`];
  if (warehouse.rowsBecause !== undefined) lines.push(`  The rows were read: ${warehouse.rowsBecause}.`);
  if (warehouse.perMember !== undefined) lines.push(`  Every member's features came back: ${warehouse.perMember}.`);
  return lines;
}
