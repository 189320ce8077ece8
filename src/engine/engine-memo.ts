/**
 * Reuse of the last recompute while the engine's inputs stay the same (seg dev,
 * where most edits are to words: a segment's name, summary, sales playbook, a
 * persona's text). The fingerprint is a hash of exactly what runEngine reads:
 * segmentation.yaml's text (its values, and the places its findings point at),
 * each segment's fields the engine reads (everything but the display fields
 * listed below, which nothing under engine/ reads), the hypotheses and the
 * segments they resolve to, the feature catalog and compiled expressions, the
 * run's options and the bytes of every data file. Personas, reviews and
 * suppressions feed no figure. Segment names feed only the labels of
 * hypothesis results; a kept result is labelled again with the current names.
 *
 * The memo lives in memory, one per process: nothing is kept on disk. A run on
 * a warehouse (its tables may change with no file changing) or one that keeps
 * its database open is never reused.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import type { Expr } from "../expr/ast.ts";
import type { Segment } from "../schema/segment.ts";
import { checkDataFile } from "../workspace/data-file.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { hypothesisSegments, labelHypothesis } from "./hypotheses.ts";
import { runEngine, type EngineOptions, type EngineResult } from "./run-engine.ts";

/**
 * Segment fields no engine step reads (name aside: see labelHypothesis). A field not named here is part of the
 * fingerprint, so a field added to the schema later makes the engine recompute until it is listed.
 */
const DISPLAY_FIELDS = [
  "$schema",
  "name",
  "summary",
  "approach",
  "needs",
  "behaviors",
  "value",
  "evidence",
  "product",
  "sales_playbook",
  "research_questions",
  "scores",
  "stated_total",
  "stated_share",
  "phase",
  "last_reviewed",
] as const satisfies readonly (keyof Segment)[];

/** gtm fields no engine step reads; the IDSAA verdict reads channels, owner, KPIs and how many tactics there are. */
const DISPLAY_GTM_FIELDS = ["objectives", "messaging"] as const;

/** The last recompute and what it was computed from. */
export class EngineMemo {
  private last: { fingerprint: string; result: EngineResult } | undefined;
  /** How many runs reused the last result (for tests and the dev log). */
  hits = 0;

  /** runEngine, or the last result when the engine's inputs are the same as then. */
  async run(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>, expressions: ReadonlyMap<string, Expr>, options: EngineOptions): Promise<EngineResult> {
    const fingerprint = engineInputsFingerprint(workspace, catalog, expressions, options);
    if (fingerprint !== undefined && this.last?.fingerprint === fingerprint) {
      this.hits++;
      return relabel(structuredClone(this.last.result), workspace);
    }
    this.last = undefined;
    const result = await runEngine(workspace, catalog, expressions, options);
    // A copy: whoever reads the result may change it, the kept one must stay as the engine made it.
    if (fingerprint !== undefined && result.db === undefined) this.last = { fingerprint, result: structuredClone(result) };
    return result;
  }
}

/** A hash of what runEngine reads, or undefined when the run must never be reused. */
export function engineInputsFingerprint(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>, expressions: ReadonlyMap<string, Expr>, options: EngineOptions): string | undefined {
  const config = workspace.config;
  if (!config || options.warehouse || options.keepDatabase) return undefined;
  const resolve = hypothesisSegments(workspace);
  const inputs = {
    config: { path: config.file.path, text: config.file.text, base: config.base },
    segments: workspace.segments.map((s) => ({ path: s.file.path, scheme: s.scheme, value: engineFields(s.value) })),
    hypotheses: workspace.hypotheses.map((h) => ({ value: h.value, segments: h.value.segments.map((ref) => resolve(ref)).map((r) => (r ? [r.scheme, r.id] : null)) })),
    catalog: [...catalog],
    expressions: [...expressions],
    options: {
      dataRoot: options.dataRoot,
      asOf: options.asOf,
      today: options.today ?? null,
      previousClusters: options.previousClusters ?? null,
      threads: options.threads ?? null,
      memoryLimit: options.memoryLimit ?? null,
      outputs: options.outputs ? [...options.outputs].sort() : null,
      writableDirectories: options.writableDirectories ?? null,
    },
    data: Object.entries(config.value.sources).map(([name, source]) => [name, source.path === undefined ? "no local file" : dataIdentity(options.dataRoot, source.path)] as const),
  };
  if (inputs.data.some(([, identity]) => identity === undefined)) return undefined;
  return createHash("sha256").update(canonicalJson(inputs)).digest("hex");
}

function engineFields(segment: Segment): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...segment };
  for (const field of DISPLAY_FIELDS) delete fields[field];
  // The IDSAA verdict reads only whether there is a value proposition, and how many tactics there are.
  fields.value_proposition = segment.value_proposition !== undefined && segment.value_proposition !== "";
  if (segment.gtm) {
    const gtm: Record<string, unknown> = { ...segment.gtm };
    for (const field of DISPLAY_GTM_FIELDS) delete gtm[field];
    gtm.tactics = segment.gtm.tactics?.length ?? null;
    fields.gtm = gtm;
  }
  return fields;
}

/**
 * The file's bytes as a hash, or why the engine refuses it (it reports the same), or undefined when it cannot
 * be read now: then nothing says the bytes are the ones of the last run.
 */
function dataIdentity(dataRoot: string, path: string): string | undefined {
  const checked = checkDataFile(dataRoot, path);
  if (!checked.ok) return `${checked.problem}: ${checked.message}`;
  const hash = createHash("sha256");
  const buffer = Buffer.alloc(1 << 20);
  let fd: number | undefined;
  try {
    fd = openSync(checked.realPath, "r");
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
    return hash.digest("hex");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function relabel(result: EngineResult, workspace: Workspace): EngineResult {
  const resolve = hypothesisSegments(workspace);
  const hypotheses = result.hypotheses.map((r) => {
    const h = workspace.hypotheses.find((x) => x.value.id === r.id)!.value;
    const [a, b] = h.segments.map(resolve);
    return labelHypothesis(r, h, a!, b);
  });
  return { ...result, hypotheses };
}

/** JSON with object keys sorted, Maps and Sets as arrays, undefined as null: the same value, the same text. */
function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Map) return canonicalJson([...value]);
  if (value instanceof Set) return canonicalJson([...value]);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return JSON.stringify(String(value));
  return JSON.stringify(value);
}
