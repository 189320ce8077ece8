/**
 * What changed in the definitions between two workspaces, field by field: each
 * segment (added, removed, retired, reactivated or changed), segmentation.yaml,
 * personas and hypotheses. Expressions compare and show in canonical form, so
 * re-spacing a `where:` is not a change.
 */
import { formatExpression } from "../expr/format.ts";
import { parseExpression } from "../expr/parser.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { flattenFields } from "./flatten-fields.ts";

export interface FieldChange {
  /** Dotted path, e.g. definition.where, scores.fit, prioritization.factors.size.weight. */
  path: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

export type ChangeKind = "added" | "removed" | "retired" | "reactivated" | "changed";

export interface DocumentChange {
  kind: ChangeKind;
  /** Workspace-relative path (the head's, or the base's when removed). */
  file: string;
  id: string;
  name: string;
  /** Segments only. */
  scheme?: string;
  fields: FieldChange[];
}

export interface DefinitionDiff {
  segments: DocumentChange[];
  config: FieldChange[];
  personas: DocumentChange[];
  hypotheses: DocumentChange[];
}

const IGNORED = new Set(["$schema"]);

export function diffDefinitions(base: Workspace | undefined, head: Workspace): DefinitionDiff {
  const segmentKey = (s: Workspace["segments"][number]) => `${s.scheme}/${s.value.id}`;
  return {
    segments: diffDocuments(base?.segments ?? [], head.segments, segmentKey, (s) => ({ scheme: s.scheme })),
    // Without a base every field would be "added": the report says the workspace is new instead.
    config: base ? diffFields(base.config?.value ?? {}, head.config?.value ?? {}) : [],
    personas: diffDocuments(base?.personas ?? [], head.personas, (p) => p.value.id),
    hypotheses: diffDocuments(base?.hypotheses ?? [], head.hypotheses, (h) => h.value.id),
  };
}

type Named = { id: string; name?: string; statement?: string; status?: string };

function diffDocuments<D extends LoadedDocument<Named>>(base: readonly D[], head: readonly D[], key: (d: D) => string, extra: (d: D) => { scheme?: string } = () => ({})): DocumentChange[] {
  const before = new Map(base.map((d) => [key(d), d]));
  const changes: DocumentChange[] = [];
  const describe = (d: D, kind: ChangeKind, fields: FieldChange[]): DocumentChange => ({
    kind,
    file: d.file.path,
    id: d.value.id,
    name: d.value.name ?? d.value.statement ?? d.value.id,
    ...extra(d),
    fields,
  });
  for (const d of head) {
    const old = before.get(key(d));
    before.delete(key(d));
    if (!old) {
      changes.push(describe(d, "added", []));
      continue;
    }
    const fields = diffFields(old.value, d.value);
    if (old.body?.text !== d.body?.text) fields.push({ path: "(prose)" });
    if (fields.length === 0) continue;
    const kind = d.value.status === "retired" && old.value.status !== "retired" ? "retired" : old.value.status === "retired" && d.value.status !== "retired" ? "reactivated" : "changed";
    changes.push(describe(d, kind, fields));
  }
  for (const d of before.values()) changes.push(describe(d, "removed", []));
  return changes.sort((a, b) => ((a.scheme ?? "") + "/" + a.id < (b.scheme ?? "") + "/" + b.id ? -1 : 1));
}

/** Field-by-field differences of two values; `where` expressions in canonical form. */
export function diffFields(base: unknown, head: unknown): FieldChange[] {
  const before = canonical(flattenFields(base));
  const after = canonical(flattenFields(head));
  const changes: FieldChange[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (IGNORED.has(path)) continue;
    const b = before.get(path);
    const a = after.get(path);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes.push({ path, ...(before.has(path) ? { before: b } : {}), ...(after.has(path) ? { after: a } : {}) });
  }
  return changes;
}

function canonical(fields: Map<string, unknown>): Map<string, unknown> {
  for (const [path, value] of fields) {
    if (typeof value === "string" && isExpressionPath(path)) {
      fields.set(path, canonicalExpression(value));
    }
  }
  return fields;
}

function isExpressionPath(path: string): boolean {
  const last = path.slice(path.lastIndexOf(".") + 1);
  return ["where", "filter", "expression"].includes(last) || path.startsWith("rfm.groups.");
}

/** The canonical text of an expression, or the text as written when it does not parse. */
export function canonicalExpression(text: string): string {
  const parsed = parseExpression(text);
  return parsed.ok ? formatExpression(parsed.ast) : text;
}
