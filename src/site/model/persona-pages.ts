/**
 * Page data for personas: each persona with the segments it represents, and
 * the personas index grouped by segment and buying-team role (so a gap in a
 * segment's buying team is visible at a glance).
 */
import type { CheckResult } from "../../lint/check-result.ts";
import type { Persona } from "../../schema/persona.ts";
import { indexSegments } from "../../workspace/segment-index.ts";
import { BUYING_ROLE_LABELS, BUYING_ROLES } from "./labels.ts";
import { daysBetween } from "../../text/days-between.ts";
import type { SiteSegment } from "./segment-pages.ts";
import { toFinding, type SiteFinding } from "./site-finding.ts";

export interface SitePersona {
  id: string;
  file: string;
  url: string;
  persona: Persona;
  /** "Enterprise" or the buying role. */
  roleLabel: string;
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
  /** Buying roles with no persona for this segment. */
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
        roleLabel: p.value.kind === "enterprise" ? "Enterprise" : (BUYING_ROLE_LABELS[p.value.buying_role ?? ""] ?? "Buyer"),
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
  const roles = [{ role: "enterprise", label: "Enterprise" }, ...BUYING_ROLES.map((role) => ({ role, label: BUYING_ROLE_LABELS[role]! }))];
  const roleOf = (p: SitePersona) => (p.persona.kind === "enterprise" ? "enterprise" : (p.persona.buying_role ?? "user"));
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
        missingRoles: members.length > 0 ? BUYING_ROLES.filter((role) => !members.some((p) => roleOf(p) === role)).map((role) => BUYING_ROLE_LABELS[role]!) : [],
      };
    });
}
