/**
 * The pull-request comment: a hidden marker the workflow finds it by, a summary
 * table of what moved, then one collapsed section per scheme with its sizes,
 * definition changes and migration matrix. However large the change, the text
 * stays under GitHub's 65,536-character comment limit: tables are cut with
 * "… N more", shorter at each attempt, and sections that still do not fit are
 * named instead of shown.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { clustersChanged } from "../cluster-diff.ts";
import type { DocumentChange, FieldChange } from "../definition-diff.ts";
import type { DiffResult, DiffSide, SchemeDiff } from "../diff-result.ts";
import { metricsChanged, type SegmentMetricChange } from "../metric-diff.ts";
import type { PopulationMetricChange } from "../population-metric-diff.ts";
import { NOT_IN_DATA, topMovers, type MigrationCell } from "../migration-matrix.ts";
import { plural } from "../../text/plural.ts";
import { code, details, escapeText, table } from "./markdown-text.ts";
import { formatAmount, formatCount, formatPercent } from "../../text/number-format.ts";
import { beforeAfter, formatFieldValue, formatPoints, formatSignedCount } from "./numbers.ts";

/** Finds the comment to update. */
export const MARKER = "<!-- seg-diff -->";
/** Present when there is nothing to report: the workflow deletes the comment. */
export const EMPTY_MARKER = "<!-- seg-diff:empty -->";
export const MAX_COMMENT_BYTES = 64_000;
/** The largest matrix shown in full; bigger schemes show their top movers only. */
const MAX_MATRIX = 8;

export function formatMarkdown(result: DiffResult, options: { maxBytes?: number } = {}): string {
  const max = options.maxBytes ?? MAX_COMMENT_BYTES;
  if (!result.changed) {
    return `${MARKER}\n${EMPTY_MARKER}\n### Seg diff: ${sideTitle(result.base)} → ${sideTitle(result.head)}\n\nNo changes to segment definitions, sizes, memberships or findings.\n`;
  }
  const prepared = prepare(result);
  let text = "";
  for (const rows of [60, 30, 15, 8, 4, 2]) {
    const { text: attempt, omitted } = assemble(blocks(result, prepared, rows), max);
    text = attempt;
    if (omitted === 0) break;
  }
  return text;
}

/** Render blocks in order until the budget is spent; name what is left out without rendering it. */
function assemble(parts: readonly (() => string | undefined)[], max: number): { text: string; omitted: number } {
  const size = (s: string) => Buffer.byteLength(s, "utf8");
  const reserve = 200;
  let text = "";
  let used = 0;
  for (let i = 0; i < parts.length; i++) {
    const block = parts[i]!();
    if (block === undefined) continue;
    const next = `${block}\n\n`;
    if (used + size(next) + reserve > max) {
      const omitted = parts.length - i;
      return { text: `${text}_… up to ${plural(omitted, "more section")} left out to fit a comment; run \`seg diff --format markdown\` locally for the full report._\n`, omitted };
    }
    text += next;
    used += size(next);
  }
  return { text: text.replace(/\n+$/, "\n"), omitted: 0 };
}

interface Prepared {
  /** Segments whose figures or definition changed, across schemes. */
  changed: { scheme: string; m: SegmentMetricChange }[];
  definitions: Map<string, DocumentChange[]>;
  movers: Map<string, MigrationCell[]>;
}

/** What every attempt at the comment needs, computed once. */
function prepare(result: DiffResult): Prepared {
  const definitions = new Map<string, DocumentChange[]>();
  for (const c of result.definitions.segments) {
    const list = definitions.get(c.scheme ?? "");
    if (list) list.push(c);
    else definitions.set(c.scheme ?? "", [c]);
  }
  const redefined = new Set(result.definitions.segments.map((c) => `${c.scheme}/${c.id}`));
  const changed = result.schemes.flatMap((s) => s.segments.filter((m) => metricsChanged(m) || redefined.has(`${s.scheme}/${m.segment}`)).map((m) => ({ scheme: s.scheme, m })));
  const movers = new Map(result.schemes.map((s) => [s.scheme, s.migration?.exclusive ? topMovers(s.migration) : []]));
  return { changed, definitions, movers };
}

/** The comment's blocks, rendered only when reached. */
function blocks(result: DiffResult, prepared: Prepared, rows: number): (() => string | undefined)[] {
  const out: (() => string | undefined)[] = [
    () => `${MARKER}\n### Seg diff: ${sideTitle(result.base)} → ${sideTitle(result.head)}`,
    () => summary(result),
    ...blocked(result).map((note) => () => note),
  ];
  if (prepared.changed.length > 0) {
    out.push(() => table(["Segment", "Customers", "Share", "Value share", "Rank"], prepared.changed, ({ scheme, m }) => [`${escapeText(m.name)} ${code(`${scheme}/${m.segment}`)}`, ...figureCells(m)], { limit: rows, align: "lrrrr" }));
  }
  const population = result.population ?? [];
  if (population.length > 0) out.push(() => populationTable(population));
  if (result.findings.added.length > 0) out.push(() => `**New findings**\n\n${findingsTable(result.findings.added, rows)}`);
  const verdicts = result.hypotheses ?? [];
  if (verdicts.length > 0) {
    out.push(() => `**Hypothesis verdicts**\n\n${table(["Hypothesis", "Base", "Head", "Numbers (head)"], verdicts, (v) => [code(v.id), v.base ?? "—", v.head ?? "—", escapeText(v.summary)], { limit: rows, align: "llll" })}`);
  }
  for (const scheme of result.schemes) out.push(() => schemeSection(scheme, prepared.definitions.get(scheme.scheme) ?? [], prepared.movers.get(scheme.scheme) ?? [], rows));
  const config = result.definitions.config;
  if (config.length > 0) out.push(() => details(`<code>segmentation.yaml</code>: ${plural(config.length, "field")} changed`, fieldTable(config, rows)));
  const documents = [...result.definitions.personas, ...result.definitions.hypotheses];
  if (documents.length > 0) out.push(() => details(`Personas and hypotheses: ${plural(documents.length, "change")}`, documentsList(documents, rows)));
  if (clustersChanged(result.clusters)) out.push(() => clusterSection(result, rows));
  if (result.findings.fixed.length > 0) out.push(() => details(`Fixed findings: ${result.findings.fixed.length}`, findingsTable(result.findings.fixed, rows)));
  out.push(() => `<sub>${dataNote(result)} Generated by <code>seg diff</code>.</sub>`);
  return out;
}

function summary(result: DiffResult): string {
  const lines: string[] = [];
  const d = result.definitions;
  const kinds = (changes: readonly DocumentChange[]) =>
    (["added", "changed", "retired", "reactivated", "removed"] as const)
      .map((k) => [k, changes.filter((c) => c.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
  const definitionParts = [
    d.segments.length > 0 ? `${plural(d.segments.length, "segment")} (${kinds(d.segments)})` : "",
    d.config.length > 0 ? `segmentation.yaml (${plural(d.config.length, "field")})` : "",
    d.personas.length > 0 ? plural(d.personas.length, "persona") : "",
    d.hypotheses.length > 0 ? plural(d.hypotheses.length, "hypothesis", "hypotheses") : "",
  ].filter(Boolean);
  lines.push(`- **Definitions:** ${definitionParts.length > 0 ? definitionParts.join("; ") : "unchanged"}`);
  const moves = result.schemes
    .filter((s) => s.migration && s.migration.moved + s.migration.added + s.migration.removed > 0)
    .map((s) => `${formatCount(s.migration!.moved)} of ${formatCount(s.migration!.members)} in ${code(s.scheme)}${s.migration!.added + s.migration!.removed > 0 ? ` (+${formatCount(s.migration!.added)} / −${formatCount(s.migration!.removed)} in the data)` : ""}`);
  if (moves.length > 0) lines.push(`- **Customers moved:** ${moves.join("; ")}`);
  const { added, fixed } = result.findings;
  const errors = added.filter((f) => f.severity === "error").length;
  lines.push(`- **Findings:** ${added.length} new${errors > 0 ? ` (${plural(errors, "error")})` : ""}, ${fixed.length} fixed; head has ${plural(result.head.counts.error, "error")}, ${plural(result.head.counts.warning, "warning")}`);
  return lines.join("\n");
}

function blocked(result: DiffResult): string[] {
  const notes = result.base.exists ? [] : [`> [!NOTE]\n> The workspace does not exist at ${sideTitle(result.base)}: everything is new.`];
  return notes.concat((["base", "head"] as const)
    .filter((side) => result[side].exists && !result[side].recomputed)
    .map((side) => {
      const first = result[side].blocking[0];
      const why = first ? `: ${escapeText(first.message)} (${code(`${first.file}:${first.line}`)})${result[side].blocking.length > 1 ? ` and ${result[side].blocking.length - 1} more` : ""}` : "";
      return `> [!WARNING]\n> The ${side} could not be recomputed${why}. Its sizes and memberships are not compared.`;
    }));
}

function figureCells(m: SegmentMetricChange): string[] {
  const b = m.base;
  const h = m.head;
  const count = beforeAfter(b ? formatCount(b.count) : null, h ? formatCount(h.count) : null) + (b && h && b.count !== h.count ? ` (${formatSignedCount(h.count - b.count)})` : "");
  const share = beforeAfter(b ? formatPercent(b.share) : null, h ? formatPercent(h.share) : null) + (b && h && b.count !== h.count ? ` (${formatPoints(m.delta.share)})` : "");
  const valueShare = beforeAfter(b?.valueShare != null ? formatPercent(b.valueShare) : null, h?.valueShare != null ? formatPercent(h.valueShare) : null);
  const rank = beforeAfter(b?.rank != null ? `#${b.rank}` : null, h?.rank != null ? `#${h.rank}` : null);
  const total = b?.total != null && h?.total != null && Math.abs(b.total - h.total) > 1e-9 ? ` (score ${b.total.toFixed(2)} → ${h.total.toFixed(2)})` : "";
  return [count, share, valueShare, rank + total];
}

function schemeSection(scheme: SchemeDiff, definitions: readonly DocumentChange[], movers: readonly MigrationCell[], rows: number): string | undefined {
  const migration = scheme.migration;
  const moved = migration ? migration.moved + migration.added + migration.removed : 0;
  if (definitions.length === 0 && moved === 0 && !scheme.segments.some(metricsChanged)) return undefined;
  const parts: string[] = [];
  parts.push(table(["Segment", "Customers", "Share", "Value share", "Rank"], scheme.segments, (m) => [`${escapeText(m.name)} ${code(m.segment)}`, ...figureCells(m)], { limit: rows, align: "lrrrr" }));
  for (const change of definitions.slice(0, rows)) {
    parts.push(`**${escapeText(change.name)}** ${code(change.id)}: ${change.kind} · ${code(change.file)}${change.fields.length > 0 ? `\n\n${fieldTable(change.fields, Math.min(rows, 20))}` : ""}`);
  }
  if (definitions.length > rows) parts.push(`… ${plural(definitions.length - rows, "more changed segment")}`);
  if (migration && moved > 0) {
    if (migration.exclusive) {
      const matrix = migrationTable(scheme);
      if (matrix) parts.push(`**Migration** (rows: base, columns: head)\n\n${matrix}`);
      parts.push(
        `**Top movers**\n\n${table(["From", "To", "Customers"], movers, (c) => [code(c.from), code(c.to), formatCount(c.count)], { limit: Math.min(rows, 10), align: "llr" })}`,
      );
    } else {
      parts.push(
        `**Flows** (segments overlap: a customer can enter one segment and stay in another)\n\n${table(
          ["Segment", "Base", "Head", "Stayed", "Entered", "Left"],
          migration.flows,
          (f) => [code(f.segment), formatCount(f.base), formatCount(f.head), formatCount(f.stayed), formatCount(f.entered), formatCount(f.left)],
          { limit: rows, align: "lrrrrr" },
        )}`,
      );
    }
  }
  const headline = [
    migration ? `${formatCount(migration.moved)} ${migration.moved === 1 ? "customer" : "customers"} moved` : "",
    definitions.length > 0 ? plural(definitions.length, "definition") + " changed" : "",
  ].filter(Boolean);
  return details(`<strong>${escapeText(scheme.label)}</strong> ${code(scheme.scheme)}: ${headline.join(" · ") || "sizes changed"}`, parts.join("\n\n"));
}

function migrationTable(scheme: SchemeDiff): string | undefined {
  const migration = scheme.migration!;
  // Flows list every segment and unassigned; members joining or leaving the data add one label.
  const labels = [...migration.flows.map((f) => f.segment), ...(migration.added + migration.removed > 0 ? [NOT_IN_DATA] : [])];
  if (labels.length > MAX_MATRIX) return undefined;
  const count = new Map(migration.cells.map((c) => [`${c.from}\u0000${c.to}`, c.count]));
  const cell = (from: string, to: string) => {
    const n = count.get(`${from}\u0000${to}`) ?? 0;
    return n === 0 ? "·" : from === to ? formatCount(n) : `**${formatCount(n)}**`;
  };
  return table(["base ↓ head →", ...labels.map((l) => code(l))], labels, (from) => [code(from), ...labels.map((to) => cell(from, to))], { limit: labels.length, align: `l${"r".repeat(labels.length)}` });
}

function fieldTable(fields: readonly FieldChange[], rows: number): string {
  const side = (f: FieldChange, key: "before" | "after") => (key in f ? code(formatFieldValue(f[key])) : "before" in f || "after" in f ? "—" : "changed");
  return table(["Field", "Base", "Head"], fields, (f) => [code(f.path), side(f, "before"), side(f, "after")], { limit: rows });
}

function documentsList(changes: readonly DocumentChange[], rows: number): string {
  const lines = changes.slice(0, rows).map((c) => `- ${escapeText(c.name)} ${code(c.file)}: ${c.kind}${c.fields.length > 0 ? ` (${c.fields.map((f) => code(f.path)).slice(0, 8).join(", ")})` : ""}`);
  if (changes.length > rows) lines.push(`- … ${changes.length - rows} more`);
  return lines.join("\n");
}

function clusterSection(result: DiffResult, rows: number): string {
  const c = result.clusters!;
  const lines = [`k: ${beforeAfter(c.k.base === null ? null : String(c.k.base), c.k.head === null ? null : String(c.k.head))}`];
  if (c.ari.base !== c.ari.head) lines.push(`agreement with the rule segments (ARI): ${beforeAfter(c.ari.base === null ? null : c.ari.base.toFixed(2), c.ari.head === null ? null : c.ari.head.toFixed(2))}`);
  if (c.features.added.length + c.features.removed.length > 0) lines.push(`features: ${[...c.features.added.map((f) => `+${f}`), ...c.features.removed.map((f) => `−${f}`)].map((f) => code(f)).join(", ")}`);
  const body = table(
    ["Cluster", "Name", "Size", "Centroid shift"],
    c.clusters,
    (x) => [code(x.id), escapeText(beforeAfter(x.base?.name ?? null, x.head?.name ?? null)), beforeAfter(x.base ? formatCount(x.base.size) : null, x.head ? formatCount(x.head.size) : null), x.shift === null ? "—" : x.shift.toFixed(3)],
    { limit: rows, align: "llrr" },
  );
  return details(`Clusters: k ${c.k.base ?? "—"} → ${c.k.head ?? "—"}`, `${lines.join(" · ")}\n\n${body}`);
}

function findingsTable(findings: readonly Diagnostic[], rows: number): string {
  return table(
    ["", "Rule", "Where", "Message"],
    findings,
    (d) => [d.severity === "error" ? "❌" : d.severity === "warning" ? "⚠️" : "ℹ️", code(d.ruleId), code(`${d.file}:${d.line}`), escapeText(d.message)],
    { limit: rows },
  );
}

function sideTitle(side: DiffSide): string {
  return side.commit ? `${code(side.label, 80)} (${side.commit.slice(0, 7)})` : escapeText(side.label);
}

function dataNote(result: DiffResult): string {
  const asOf = result.head.asOf === result.base.asOf || !result.base.asOf ? `as of ${result.head.asOf}` : `as of ${result.base.asOf} → ${result.head.asOf}`;
  const data =
    result.head.data === "data-dir"
      ? "Both sides read the data folder given with --data-dir"
      : result.data === "each"
        ? "Each side recomputed on its own data"
        : `Both sides recomputed on the ${result.base.data === "base" ? "base" : "head"}'s data`;
  return `${data}, ${asOf}.`;
}

/** Declared metrics over everyone, next to the segment figures: what each segment's change is read against. */
function populationTable(population: readonly PopulationMetricChange[]): string {
  const show = (m: PopulationMetricChange, x: number | null) => (x === null ? null : m.format === "percent" ? formatPercent(x) : formatAmount(x));
  const delta = (m: PopulationMetricChange) =>
    m.base === null || m.head === null || Math.abs(m.head - m.base) < 1e-9 ? "" : m.format === "percent" ? ` (${formatPoints(m.head - m.base)})` : ` (${m.head > m.base ? "+" : "−"}${formatAmount(Math.abs(m.head - m.base))})`;
  return `**Population** (declared metrics over everyone)\n\n${table(["Metric", "Base", "Head"], population, (m) => [`${escapeText(m.label)} ${code(m.name)}`, show(m, m.base) ?? "—", `${show(m, m.head) ?? "—"}${delta(m)}`], { limit: population.length, align: "lrr" })}`;
}
