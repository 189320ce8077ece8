/** The terminal report: what changed, sizes that moved, top movers and findings, in color on a terminal. */
import type { DocumentChange } from "../definition-diff.ts";
import type { DiffResult, DiffSide } from "../diff-result.ts";
import { clustersChanged } from "../cluster-diff.ts";
import { metricsChanged, type SegmentMetricChange } from "../metric-diff.ts";
import { topMovers } from "../migration-matrix.ts";
import { populationMetricChanged } from "../population-metric-diff.ts";
import { formatAmount, formatCount, formatPercent } from "../../text/number-format.ts";
import { beforeAfter, formatFieldValue, formatPoints, formatSignedCount } from "./numbers.ts";

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1, underline: 4 } as const;
const TOP_MOVERS = 5;

export function formatStylish(result: DiffResult, options: { color: boolean }): string {
  const paint = (style: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const lines = [paint("bold", `seg diff ${side(result.base)} → ${side(result.head)}`)];
  if (!result.changed) return `${lines[0]}\n${paint("green", "✔")} No changes to segment definitions, sizes, memberships or findings.\n`;
  if (!result.base.exists) lines.push(paint("dim", "The workspace does not exist at the base: everything is new."));
  for (const s of [result.base, result.head]) {
    if (s.exists && !s.recomputed) lines.push(paint("yellow", `${s === result.base ? "base" : "head"} could not be recomputed${s.blocking[0] ? `: ${s.blocking[0].message} (${s.blocking[0].file}:${s.blocking[0].line})` : ""}`));
  }
  const d = result.definitions;
  const documents = [...d.segments, ...d.personas, ...d.hypotheses];
  if (documents.length + d.config.length > 0) lines.push("", paint("underline", "Definitions"));
  const kindColor = (c: DocumentChange) => (c.kind === "added" || c.kind === "reactivated" ? "green" : c.kind === "changed" ? "yellow" : "red");
  for (const c of documents) {
    lines.push(`  ${c.file}  ${paint(kindColor(c), c.kind)}`);
    for (const f of c.fields) lines.push(`    ${paint("dim", f.path)}  ${fieldChange(f)}`);
  }
  if (d.config.length > 0) {
    lines.push(`  segmentation.yaml  ${paint("yellow", "changed")}`);
    for (const f of d.config) lines.push(`    ${paint("dim", f.path)}  ${fieldChange(f)}`);
  }
  for (const scheme of result.schemes) {
    const changed = scheme.segments.filter(metricsChanged);
    const m = scheme.migration;
    if (changed.length === 0 && !(m && m.moved + m.added + m.removed > 0)) continue;
    lines.push("", `${paint("underline", scheme.label)} ${paint("dim", `(${scheme.scheme}${m ? `: ${formatCount(m.moved)} of ${formatCount(m.members)} customers moved` : ""})`)}`);
    const rows = changed.map((s) => [s.segment, ...cells(s)]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) lines.push(`  ${r.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join("  ").trimEnd()}`);
    if (m?.exclusive) {
      const movers = topMovers(m).slice(0, TOP_MOVERS);
      if (movers.length > 0) lines.push(`  ${paint("dim", "top movers:")} ${movers.map((c) => `${c.from} → ${c.to} ${formatCount(c.count)}`).join(", ")}`);
    } else if (m) {
      for (const f of m.flows.filter((f) => f.entered + f.left > 0)) lines.push(`  ${f.segment}: ${formatCount(f.entered)} entered, ${formatCount(f.left)} left`);
    }
  }
  const population = (result.population ?? []).filter(populationMetricChanged);
  if (population.length > 0) lines.push("", paint("underline", "Population"));
  for (const p of population) {
    const show = (x: number | null) => (x === null ? null : p.format === "percent" ? formatPercent(x) : formatAmount(x));
    lines.push(`  ${p.label} ${paint("dim", `(${p.name})`)}  ${beforeAfter(show(p.base), show(p.head))}`);
  }
  if (clustersChanged(result.clusters)) {
    const c = result.clusters!;
    lines.push("", paint("underline", "Clusters"), `  k ${c.k.base ?? "—"} → ${c.k.head ?? "—"}${c.ari.base !== c.ari.head ? `, ARI ${c.ari.base?.toFixed(2) ?? "—"} → ${c.ari.head?.toFixed(2) ?? "—"}` : ""}`);
    for (const x of c.clusters) {
      lines.push(`  ${x.id}  ${beforeAfter(x.base?.name ?? null, x.head?.name ?? null)}  ${beforeAfter(x.base ? formatCount(x.base.size) : null, x.head ? formatCount(x.head.size) : null)}${x.shift ? `  centroid moved ${x.shift.toFixed(3)}` : ""}`);
    }
  }
  const { added, fixed } = result.findings;
  lines.push("", paint("underline", `Findings: ${added.length} new, ${fixed.length} fixed`));
  for (const f of added) lines.push(`  ${paint(f.severity === "error" ? "red" : "yellow", `+ ${f.severity}`)}  ${f.file}:${f.line}:${f.column}  ${f.message}  ${paint("dim", f.ruleId)}`);
  for (const f of fixed) lines.push(`  ${paint("green", `− ${f.severity}`)}  ${f.file}  ${f.message}  ${paint("dim", f.ruleId)}`);
  return `${lines.join("\n")}\n`;
}

function cells(s: SegmentMetricChange): string[] {
  const b = s.base;
  const h = s.head;
  const count = beforeAfter(b ? formatCount(b.count) : null, h ? formatCount(h.count) : null) + (b && h && b.count !== h.count ? ` (${formatSignedCount(h.count - b.count)})` : "");
  const share = beforeAfter(b ? formatPercent(b.share) : null, h ? formatPercent(h.share) : null) + (b && h && b.count !== h.count ? ` (${formatPoints(s.delta.share)})` : "");
  const total = b?.total != null && h?.total != null && Math.abs(b.total - h.total) > 1e-9 ? ` (score ${b.total.toFixed(2)} → ${h.total.toFixed(2)})` : "";
  const rank = b?.rank != null || h?.rank != null ? `rank ${beforeAfter(b?.rank != null ? String(b.rank) : null, h?.rank != null ? String(h.rank) : null)}${total}` : "";
  return [count, share, rank];
}

function fieldChange(f: { before?: unknown; after?: unknown }): string {
  if (!("before" in f) && !("after" in f)) return "changed";
  return `${"before" in f ? formatFieldValue(f.before) : "(none)"} → ${"after" in f ? formatFieldValue(f.after) : "(none)"}`;
}

function side(s: DiffSide): string {
  return s.commit ? `${s.label} (${s.commit.slice(0, 7)})` : s.label;
}
