/**
 * The site search index: one entry per page, segment (and its sales brief), persona, hypothesis,
 * review note, data source and feature, written to /search.json at build time. The client script
 * filters it in the browser; there is no search service.
 */
import type { SiteModel } from "../model/site-model.ts";

export interface SearchEntry {
  /** Title. */
  t: string;
  /** Site path (without the base). */
  u: string;
  /** Kind: Segment, Persona, Hypothesis, Review, Feature, Data source, Page. */
  k: string;
  /** One-line summary shown under the title. */
  s: string;
  /** Further searchable text, lowercased. */
  x: string;
}

const MAX_TEXT = 4000;

export function buildSearchIndex(model: SiteModel, bodies: ReadonlyMap<string, string>): SearchEntry[] {
  const entry = (t: string, u: string, k: string, s: string, parts: (string | null | undefined)[]): SearchEntry => ({
    t,
    u,
    k,
    s: clip(s, 200),
    x: clip(parts.filter(Boolean).join(" ").replace(/\s+/g, " ").toLowerCase(), MAX_TEXT),
  });
  const out: SearchEntry[] = model.pages.map((p) => entry(p.title, p.url, "Page", p.description, []));
  for (const s of model.segmentOrder.map((id) => model.segments[id]!)) {
    const g = s.segment;
    out.push(
      entry(g.name, s.url, `Segment · ${s.schemeLabel}`, g.summary, [
        s.id,
        s.definition.prose,
        g.value_proposition,
        ...(g.needs ?? []),
        ...(g.behaviors ?? []),
        g.gtm?.messaging,
        ...(g.gtm?.tactics ?? []),
        ...(g.gtm?.channels ?? []),
        ...(g.sales_playbook?.triggers ?? []),
        ...(g.sales_playbook?.discovery_questions ?? []),
        g.owner,
      ]),
    );
    const brief = model.briefs[s.id];
    if (brief) {
      out.push(
        entry(`${g.name}: sales brief`, brief.url, "Segment · Sales brief", "One printable page for sales: who they are, how to spot them, what to say, objections, proof points and the numbers that matter.", [
          "sales brief one-pager",
          ...(g.sales_playbook?.signals ?? []),
          ...(g.sales_playbook?.talking_points ?? []),
          ...(g.sales_playbook?.objections ?? []).flatMap((o) => [o.objection, o.response]),
          ...(g.sales_playbook?.proof_points ?? []),
        ]),
      );
    }
  }
  for (const p of model.personas) {
    const q = p.persona;
    out.push(
      entry(q.name, p.url, `Persona · ${p.roleLabel}`, q.role ? `${q.role} — ${q.context}` : q.context, [
        p.id,
        ...p.segments.map((s) => s.name),
        q.quote,
        ...q.goals,
        ...q.frustrations,
        ...(q.behaviors ?? []),
        ...(q.informs ?? []),
        bodies.get(p.file),
      ]),
    );
  }
  for (const h of model.hypotheses) out.push(entry(h.statement, `/hypotheses/#${h.id}`, "Hypothesis", h.summary ?? h.statement, [h.id, h.metric, h.rationale, ...h.segments.map((s) => s.name)]));
  for (const s of model.dictionary.sources) out.push(entry(s.name, `/data/#${s.anchor}`, "Data source", s.description ?? s.path, [s.path, s.kind, ...s.columns.flatMap((c) => [c.name, c.description])]));
  for (const f of model.dictionary.features) out.push(entry(f.label, `/data/#${f.anchor}`, "Feature", f.description ?? f.formula, [f.name, f.formula]));
  for (const r of model.reviews) out.push(entry(r.title, `/reviews/#${r.entry}`, `Review · ${r.date}`, r.decisions[0] ?? `${r.author}, ${r.date}`, [r.author, ...r.decisions, bodies.get(r.file)]));
  return out;
}

/** Markdown to searchable words: no syntax, no components. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
