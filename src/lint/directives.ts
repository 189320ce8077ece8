/**
 * Inline directives in YAML comments (segment files, segmentation.yaml,
 * hypotheses, and the frontmatter of personas and reviews):
 *
 *   # seg-disable-next-line stale-review, segment-count -- owner on leave until March
 *   last_reviewed: 2025-01-10
 *   summary: …  # seg-disable-line demographics-only -- firmographic by design
 *   # seg-disable-file convenience-segment -- territory split agreed with sales
 *
 * `next-line` covers the next line that is neither blank nor only a comment,
 * `line` its own line, `file` the whole file. Every directive needs a reason
 * after ` -- `; one without is reported, and so is a rule id that suppressed
 * nothing or names no rule.
 */
import { directivesInvalid, directivesMissingReason, directivesUnknownRule, directivesUnused } from "../checks/directives.ts";
import { report } from "../checks/report.ts";
import { visit, type Document } from "yaml";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { spanAt, type SourceFile } from "../workspace/source-file.ts";

export type DirectiveKind = "next-line" | "line" | "file";

export interface Directive {
  kind: DirectiveKind;
  file: string;
  /** The comment. */
  span: Span;
  /** The line whose findings it covers: undefined for a whole file, -1 when no line follows a next-line directive. */
  target: number | undefined;
  rules: { id: string; span: Span }[];
  reason: string | undefined;
}

export interface DirectiveOutcome {
  reported: Diagnostic[];
  suppressed: Diagnostic[];
  /** Problems with the directives themselves. */
  diagnostics: Diagnostic[];
}


const DIRECTIVE = /^#\s*seg-disable-(next-line|line|file)(?=\s|$)(.*)$/;

/** Offsets of every scalar in the document: a `#` inside one is text, not a comment. */
function scalarRanges(doc: Document | undefined, base: number): [number, number][] {
  const ranges: [number, number][] = [];
  if (!doc) return ranges;
  visit(doc, {
    Scalar(_key, node) {
      if (node.range) ranges.push([base + node.range[0], base + node.range[1]]);
    },
  });
  return ranges;
}

/** The offset where the comment on this line starts, or -1. */
function commentStart(text: string, from: number, to: number, scalars: readonly [number, number][]): number {
  for (let i = text.indexOf("#", from); i !== -1 && i < to; i = text.indexOf("#", i + 1)) {
    const before = i === from ? " " : text[i - 1]!;
    if (!/\s/.test(before)) continue;
    if (scalars.some(([a, b]) => i >= a && i < b)) continue;
    return i;
  }
  return -1;
}

function isContentLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== "" && !trimmed.startsWith("#");
}

/** The directives in the YAML part of one loaded document. */
export function parseDirectives(document: LoadedDocument<unknown>): Directive[] {
  const file: SourceFile = document.file;
  if (!file.text.includes("seg-disable")) return [];
  const end = document.body ? document.body.start : file.text.length;
  const scalars = scalarRanges(document.doc, document.base);
  const out: Directive[] = [];
  const lines = file.lineStarts;
  for (let index = 0; index < lines.length; index++) {
    const from = lines[index]!;
    if (from < document.base || from >= end) continue;
    const to = (lines[index + 1] ?? file.text.length + 1) - 1;
    if (!file.text.slice(from, to).includes("seg-disable")) continue;
    const start = commentStart(file.text, from, to, scalars);
    if (start === -1) continue;
    const comment = file.text.slice(start, to).replace(/\r$/, "");
    const match = DIRECTIVE.exec(comment);
    if (!match) continue;
    const kind = match[1] as DirectiveKind;
    const rest = match[2]!;
    const dashes = rest.search(/(^|\s)--(\s|$)/);
    const list = dashes === -1 ? rest : rest.slice(0, dashes);
    const reason = dashes === -1 ? undefined : rest.slice(dashes).replace(/^\s*--/, "").trim() || undefined;
    const listStart = start + comment.length - rest.length;
    const rules = [...list.matchAll(/[^\s,]+/g)].map((m) => ({ id: m[0], span: spanAt(file, listStart + m.index, listStart + m.index + m[0].length) }));
    let target: number | undefined = kind === "line" ? index + 1 : undefined;
    if (kind === "next-line") {
      for (let next = index + 1; next < lines.length && target === undefined; next++) {
        const text = file.text.slice(lines[next]!, (lines[next + 1] ?? file.text.length + 1) - 1);
        if (isContentLine(text)) target = next + 1;
      }
      target ??= -1;
    }
    out.push({ kind, file: file.path, span: spanAt(file, start, start + comment.length), target, rules, reason });
  }
  return out;
}

function covers(directive: Directive, d: Diagnostic): boolean {
  if (d.file !== directive.file) return false;
  return directive.kind === "file" || d.line === directive.target;
}

/**
 * Hide the findings that directives cover, and report directives without a
 * reason, naming no rule or an unknown one, or suppressing nothing.
 * `ruleIds` are the ids a directive may name (the suppressible rules);
 * `fixOnly` maps the rules no directive may name to the hint of each;
 * `complete: false` says some rules may not have run (no data), so nothing is
 * reported unused.
 */
export function applyDirectives(documents: readonly LoadedDocument<unknown>[], findings: readonly Diagnostic[], ruleIds: readonly string[], options: { complete?: boolean; fixOnly?: ReadonlyMap<string, string> } = {}): DirectiveOutcome {
  const directives = documents.flatMap(parseDirectives);
  const known = new Set(ruleIds);
  const used = new Set<string>();
  const reported: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of findings) {
    const directive = known.has(d.ruleId) ? directives.find((x) => covers(x, d) && x.rules.some((r) => r.id === d.ruleId)) : undefined;
    if (!directive) {
      reported.push(d);
      continue;
    }
    suppressed.push(d);
    used.add(`${directives.indexOf(directive)}:${d.ruleId}`);
  }
  const diagnostics: Diagnostic[] = [];
  directives.forEach((directive, i) => {
    const name = `seg-disable-${directive.kind}`;
    const at = (span: Span) => ({ file: directive.file, span });
    const words = { directive: name };
    if (directive.rules.length === 0) diagnostics.push(report({ check: directivesInvalid, messageId: "noRule", words, at: at(directive.span) }));
    if (directive.reason === undefined) {
      diagnostics.push(report({ check: directivesMissingReason, messageId: "noReason", words: { ...words, rules: directive.rules.map((r) => r.id).join(", ") || "<rule>" }, at: at(directive.span) }));
    }
    for (const rule of directive.rules) {
      const fixOnly = options.fixOnly?.get(rule.id);
      const ruleWords = { ...words, rule: rule.id };
      if (fixOnly !== undefined) {
        diagnostics.push(report({ check: directivesUnknownRule, messageId: "fixOnly", words: ruleWords, hint: fixOnly, at: at(rule.span) }));
      } else if (!known.has(rule.id)) {
        const suggestion = didYouMean(rule.id, known);
        diagnostics.push(report({ check: directivesUnknownRule, messageId: "unknown", words: ruleWords, ...(suggestion ? { hint: `Did you mean "${suggestion}"?` } : {}), at: at(rule.span) }));
      } else if (options.complete !== false && !used.has(`${i}:${rule.id}`)) {
        const scope = directive.kind === "file" ? "in this file" : directive.target === -1 ? "(no line follows it)" : `on line ${directive.target}`;
        diagnostics.push(report({ check: directivesUnused, messageId: "unused", words: { ...ruleWords, scope }, at: at(rule.span) }));
      }
    }
  });
  return { reported, suppressed, diagnostics };
}
