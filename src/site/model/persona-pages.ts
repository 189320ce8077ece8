/**
 * Page data for personas: each persona with the segments it represents, and
 * the personas index grouped by segment and role: enterprise and the buying
 * team's roles for B2B (so a gap in a segment's buying team is visible at a
 * glance), consumer and household for B2C.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import type { Persona } from "../../schema/persona.ts";
import { indexSegments } from "../../workspace/segment-index.ts";
import { BUYING_ROLE_LABELS, BUYING_ROLES, PERSONA_KIND_LABELS, PERSONA_ROLE_LABELS, PERSONA_ROLE_ORDER } from "./labels.ts";
import { daysBetween } from "../../text/days-between.ts";
import type { SiteSegment } from "./segment-pages.ts";
import { toFinding, type SiteFinding } from "./site-finding.ts";

export interface SitePersona {
  id: string;
  file: string;
  url: string;
  persona: Persona;
  /** "Enterprise", "Consumer", "Household" or the buying role. */
  roleLabel: string;
  /** "Enterprise persona", "Buyer persona", "Consumer persona" or "Household persona". */
  kindLabel: string;
  /** The job title, or what the persona stands for when it has none ("The account as a whole"). */
  who: string;
  segments: { id: string; name: string; url: string }[];
  review: { lastReviewed: string; age: number; cadence: number; overdue: boolean } | undefined;
  /** Whether the body has prose to render. */
  hasBody: boolean;
  findings: SiteFinding[];
}

export interface PersonaGroup {
  segment: string;
  name: string;
  url: string;
  schemeLabel: string;
  roles: { role: string; label: string; personas: string[] }[];
  /** Buying roles with no persona for this segment (B2B personas only: a consumer has no buying team). */
  missingRoles: string[];
}

export function buildPersonas(result: CheckResult): SitePersona[] {
  const index = indexSegments(result.workspace);
  const cadence = result.workspace.config?.value.review.cadence_days ?? 90;
  return result.workspace.personas
    .map((p) => {
      const last = p.value.last_reviewed;
      const age = last ? daysBetween(last, result.today) : 0;
      return {
        id: p.value.id,
        file: p.file.path,
        url: `/personas/${p.value.id}/`,
        persona: p.value,
        roleLabel: p.value.kind === "buyer" ? (BUYING_ROLE_LABELS[p.value.buying_role ?? ""] ?? "Buyer") : PERSONA_KIND_LABELS[p.value.kind]!.label,
        kindLabel: PERSONA_KIND_LABELS[p.value.kind]!.persona,
        who: p.value.role ?? PERSONA_KIND_LABELS[p.value.kind]!.who,
        segments: p.value.segments.flatMap((ref) => {
          const s = index.resolve(ref);
          return s ? [{ id: s.value.id, name: s.value.name, url: `/segments/${s.value.id}/` }] : [];
        }),
        review: last ? { lastReviewed: last, age, cadence, overdue: age > cadence } : undefined,
        hasBody: (p.body?.text.trim() ?? "") !== "",
        findings: result.diagnostics.filter((d) => d.file === p.file.path).map(toFinding),
      };
    })
    .sort((a, b) => a.persona.name.localeCompare(b.persona.name));
}

export function groupPersonas(segments: readonly SiteSegment[], personas: readonly SitePersona[]): PersonaGroup[] {
  const roles = PERSONA_ROLE_ORDER.map((role) => ({ role, label: PERSONA_ROLE_LABELS[role]! }));
  return segments
    .filter((s) => s.segment.status !== "retired")
    .map((s) => {
      const members = personas.filter((p) => p.segments.some((x) => x.id === s.id));
      return {
        segment: s.id,
        name: s.segment.name,
        url: s.url,
        schemeLabel: s.schemeLabel,
        roles: roles.map((r) => ({ ...r, personas: members.filter((p) => roleOf(p) === r.role).map((p) => p.id) })).filter((r) => r.personas.length > 0),
        missingRoles: members.some(isB2b) ? BUYING_ROLES.filter((role) => !members.some((p) => roleOf(p) === role)).map((role) => BUYING_ROLE_LABELS[role]!) : [],
      };
    });
}

/** The persona's column in the matrix: its kind, or its buying role in the buying team. */
export function roleOf(p: SitePersona): string {
  return p.persona.kind === "buyer" ? (p.persona.buying_role ?? "user") : p.persona.kind;
}

/** An account or a person in its buying team, as opposed to a consumer or a household. */
export function isB2b(p: SitePersona): boolean {
  return p.persona.kind === "enterprise" || p.persona.kind === "buyer";
}

/** How many personas of each kind the playbook has, kinds in order, absent kinds left out: "5 buyer, 2 enterprise". */
export function personaKindCounts(personas: readonly SitePersona[]): string {
  const order = ["buyer", "enterprise", "consumer", "household"] as const;
  return order
    .map((kind) => [kind, personas.filter((p) => p.persona.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
}

/** The matrix's columns: the buying team when any persona is B2B, consumer and household when any persona is one. */
export function personaColumns(personas: readonly SitePersona[]): { role: string; label: string }[] {
  const b2b = personas.length === 0 || personas.some(isB2b);
  const kinds = new Set(personas.map((p) => p.persona.kind));
  return PERSONA_ROLE_ORDER.filter((role) => (role === "consumer" || role === "household" ? kinds.has(role) : b2b)).map((role) => ({ role, label: PERSONA_ROLE_LABELS[role]! }));
}
