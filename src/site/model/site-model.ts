/**
 * The playbook's page data, computed once from a check result. Components only
 * render it. Plain JSON: it crosses into Astro through a virtual module.
 */
import type { CheckResult } from "../../api/check.ts";
import { describeExpression, formatExpression } from "../../expr/format.ts";
import type { Config } from "../../schema/config.ts";
import type { Persona } from "../../schema/persona.ts";
import type { Segment } from "../../schema/segment.ts";

export interface SiteSegment {
  id: string;
  scheme: string;
  file: string;
  order: number;
  segment: Segment;
  /** The definition as canonical text and as prose. */
  definitionText: string;
  definitionProse: string;
  priority: { total: number; totalRounded: number; rank: number; lenses: Record<string, number> } | undefined;
  personas: string[];
  findings: { severity: string; message: string; ruleId: string; line: number }[];
}

export interface SitePersona {
  id: string;
  file: string;
  persona: Persona;
  segments: { id: string; name: string }[];
  body: string;
}

export interface SiteModel {
  title: string;
  description: string | undefined;
  asOf: string;
  goals: Config["goals"] | undefined;
  schemes: { id: string; label: string; description: string | undefined; exclusive: boolean; segments: string[] }[];
  segments: Record<string, SiteSegment>;
  personas: SitePersona[];
  factors: { name: string; label: string; weight: number; lens: string }[];
  health: { errors: number; warnings: number; infos: number };
}

export function buildSiteModel(result: CheckResult): SiteModel {
  const config = result.workspace.config?.value;
  const priority = new Map(result.priorities.map((p) => [`${p.scheme}/${p.id}`, p]));
  const segments: Record<string, SiteSegment> = {};
  const bySchemeOrder = [...result.workspace.segments].sort((a, b) => a.scheme.localeCompare(b.scheme) || (a.value.order ?? 1e9) - (b.value.order ?? 1e9) || a.value.id.localeCompare(b.value.id));
  bySchemeOrder.forEach((s, i) => {
    const definition = s.value.definition;
    const parsed = "where" in definition ? result.expressions.get(s.file.path) : undefined;
    const p = priority.get(`${s.scheme}/${s.value.id}`);
    segments[s.value.id] = {
      id: s.value.id,
      scheme: s.scheme,
      file: s.file.path,
      order: i,
      segment: s.value,
      definitionText: "where" in definition ? (parsed ? formatExpression(parsed) : definition.where) : "cluster" in definition ? `cluster ${definition.cluster}` : `RFM group ${definition.rfm_group}`,
      definitionProse: "where" in definition ? (parsed ? describeExpression(parsed) : definition.where) : "cluster" in definition ? `Members of the computed cluster “${definition.cluster}”.` : `Members of the RFM group “${definition.rfm_group}”.`,
      priority: p && !Number.isNaN(p.total) ? { total: p.total, totalRounded: p.totalRounded, rank: p.rank, lenses: p.lenses } : undefined,
      personas: result.workspace.personas.filter((pe) => pe.value.segments.some((ref) => ref === s.value.id || ref === `${s.scheme}/${s.value.id}`)).map((pe) => pe.value.id),
      findings: result.diagnostics.filter((d) => d.file === s.file.path).map((d) => ({ severity: d.severity, message: d.message, ruleId: d.ruleId, line: d.line })),
    };
  });
  const nameOf = (ref: string) => {
    const id = ref.includes("/") ? ref.split("/")[1]! : ref;
    return { id, name: segments[id]?.segment.name ?? id };
  };
  return {
    title: config?.name ?? "Segmentation playbook",
    description: config?.description,
    asOf: result.asOf,
    goals: config?.goals,
    schemes: Object.entries(config?.schemes ?? {}).map(([id, scheme]) => ({
      id,
      label: scheme.label,
      description: scheme.description,
      exclusive: scheme.exclusive,
      segments: Object.values(segments).filter((s) => s.scheme === id).map((s) => s.id),
    })),
    segments,
    personas: result.workspace.personas.map((p) => ({ id: p.value.id, file: p.file.path, persona: p.value, segments: p.value.segments.map(nameOf), body: p.body?.text ?? "" })),
    factors: Object.entries(config?.prioritization?.factors ?? {}).map(([name, f]) => ({ name, label: f.label, weight: f.weight, lens: f.lens })),
    health: { errors: result.counts.error, warnings: result.counts.warning, infos: result.counts.info },
  };
}
