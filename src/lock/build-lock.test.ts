import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "../api/check.ts";
import type { EngineResult } from "../engine/run-engine.ts";
import { buildLock } from "./build-lock.ts";

const { workspace } = checkDefinitions({ root: resolve(import.meta.dirname, "../.."), today: "2026-11-23" });

/** A recompute's result with these sources and nothing else. */
function engineWith(sources: EngineResult["sources"]): EngineResult {
  return { sources, members: 0, schemes: [], hypotheses: [], idsaa: {}, normalization: [], coverage: [], clustering: undefined, impact: undefined, diagnostics: [] };
}

const lockOf = (engine: EngineResult) => buildLock({ config: workspace.config!.value, segments: workspace.segments, asOf: "2026-11-01", engine, priorities: [], weights: undefined });

describe("buildLock", () => {
  const recorded = { table: "analytics.orders", rowsRead: 3, rows: 3, newest: null, oldest: null };
  const table = { name: "orders", ...recorded };

  it("records each source's digest", () => {
    expect(lockOf(engineWith([{ ...table, sha256: "a".repeat(64) }])).inputs).toEqual({ orders: { ...recorded, sha256: "a".repeat(64) } });
  });

  it("refuses a source whose digest a run without the digest output left out, rather than record another value", () => {
    expect(() => lockOf(engineWith([table]))).toThrow('No lock can be built: the digest of source "orders" was not computed (the recompute ran without the "digest" output).');
  });
});
