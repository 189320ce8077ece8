/**
 * Page data for a segment's sales brief: one printed A4 page for a
 * salesperson, built from the segment page's data. Who they are, how to spot
 * them, what to say, objections and proof points come from the segment file;
 * the three numbers (members, value share, and a KPI or the feature that sets
 * the segment apart most) are the engine's. Lists are cut to their first
 * items so the page fits, with a count of the rest; when the texts are still
 * too long for one page (brief-fit.ts), the longest are cut to the same
 * length with "…", and the segment page shows every text in full. Anything
 * not written yet is named with the field to add instead of an empty heading.
 */
import { formatAmount, formatCount, formatFixed, formatPercent } from "../../text/number-format.ts";
import { truncateWords } from "../../text/truncate-text.ts";
import { briefFits, briefTextRoom, type BriefLayout, type BriefLayoutList } from "./brief-fit.ts";
import type { SitePersona } from "./persona-pages.ts";
import type { SiteSegment } from "./segment-pages.ts";

/** At most this many items of a list, and of objections, fit on the page. */
export const BRIEF_LIST_ITEMS = 3;
export const BRIEF_OBJECTIONS = 3;
export const BRIEF_PERSONAS = 3;

/** The most characters of a name, owner or figure label: one line of the head or of a number's box. */
export const BRIEF_LABEL_TEXT = { name: 80, owner: 80, label: 60 } as const;

/** Said under the title of a brief whose texts were cut. */
export const BRIEF_CUT_NOTE = "texts ending in … are cut to fit one page; the segment page has them whole";

const clip = (text: string, kind: keyof typeof BRIEF_LABEL_TEXT): string => truncateWords(text, BRIEF_LABEL_TEXT[kind]);

export interface BriefList {
  items: string[];
  /** Items left out to keep the page to one sheet; they are on the segment page. */
  more: number;
}

export interface BriefNumber {
  label: string;
  value: string;
  note: string | null;
  /** Where the figure comes from: members and value share from the data, a KPI's metric, or the feature that differs most. */
  kind: "members" | "value-share" | "kpi" | "feature";
}

export interface SegmentBrief {
  id: string;
  name: string;
  schemeLabel: string;
  url: string;
  segmentUrl: string;
  file: string;
  status: string;
  summary: string;
  /** Deprioritized or retired: the brief says not to pursue it. */
  notServed: boolean;
  owner: string | null;
  personas: { name: string; who: string; url: string }[];
  /** Personas left out to keep the page to one sheet. */
  morePersonas: number;
  numbers: BriefNumber[];
  spot: { definition: string; signals: BriefList; triggers: BriefList };
  say: { message: string | null; points: BriefList; questions: BriefList };
  objections: { items: { objection: string; response: string }[]; more: number };
  proofPoints: BriefList;
  /** What the segment file does not say yet, each with the field that would say it. */
  missing: { topic: string; field: string }[];
  /** The characters each text kept when the brief had to be cut to fit one page; null when nothing was cut. */
  textRoom: number | null;
}

export function buildBrief(s: SiteSegment, personas: readonly SitePersona[], unit: string): SegmentBrief {
  const seg = s.segment;
  const playbook = seg.sales_playbook;
  const message = seg.gtm?.messaging ?? seg.value_proposition ?? null;
  const missing: SegmentBrief["missing"] = [];
  const notServed = seg.status === "deprioritized" || seg.status === "retired";
  // A segment the team does not serve needs only what tells its members apart; nothing to pitch.
  const need = (present: boolean, topic: string, field: string, whenNotServed = false) => (present || (notServed && !whenNotServed) ? undefined : missing.push({ topic, field }));
  const signals = cut(playbook?.signals);
  const points = cut(playbook?.talking_points);
  const objections = playbook?.objections ?? [];
  const proofPoints = cut(playbook?.proof_points);
  const owner = seg.gtm?.owner ?? seg.owner;
  const shownPersonas = personas.filter((p) => s.personas.includes(p.id));
  const numbers = briefNumbers(s, unit);
  need(signals.items.length > 0, "How to spot them in a conversation", "sales_playbook.signals", true);
  need(message !== null, "The message", "gtm.messaging (or value_proposition)");
  need(points.items.length > 0, "Talking points", "sales_playbook.talking_points");
  need(objections.length > 0, "Objections and answers", "sales_playbook.objections (objection and response)");
  need(proofPoints.items.length > 0, "Proof points", "sales_playbook.proof_points");
  need(numbers.some((n) => n.kind === "kpi"), "A KPI measured from the data", "gtm.kpis with a metric");
  return fitToPage({
    id: s.id,
    name: clip(seg.name, "name"),
    schemeLabel: s.schemeLabel,
    url: `${s.url}brief/`,
    segmentUrl: s.url,
    file: s.file,
    status: seg.status,
    summary: seg.summary,
    notServed,
    owner: owner === undefined ? null : clip(owner, "owner"),
    personas: shownPersonas.slice(0, BRIEF_PERSONAS).map((p) => ({
      name: clip(p.persona.name, "label"),
      who: p.persona.kind === "buyer" ? `${p.roleLabel}, ${p.who}` : p.who,
      url: p.url,
    })),
    morePersonas: Math.max(0, shownPersonas.length - BRIEF_PERSONAS),
    numbers,
    spot: { definition: s.definition.prose, signals, triggers: cut(playbook?.triggers) },
    say: { message, points, questions: cut(playbook?.discovery_questions) },
    objections: { items: objections.slice(0, BRIEF_OBJECTIONS), more: Math.max(0, objections.length - BRIEF_OBJECTIONS) },
    proofPoints,
    missing,
    textRoom: null,
  });
}

/** The brief as the estimate lays it out on paper. */
function layout(b: SegmentBrief, cut: boolean): BriefLayout {
  const list = (l: BriefList, labelled: boolean): BriefLayoutList => ({ items: l.items, more: l.more > 0, labelled });
  return {
    name: b.name,
    meta: `${b.schemeLabel} · ${b.status} · owner ${b.owner ?? ""} · data as of 2026-01-01${cut ? ` · ${BRIEF_CUT_NOTE}` : ""}`,
    missing: b.missing.length,
    who: { summary: b.summary, personas: b.personas.map((p) => `${p.name} — ${p.who}`), more: b.morePersonas > 0 },
    spot: { definition: `In the data: ${b.spot.definition}`, lists: [list(b.spot.signals, true), list(b.spot.triggers, true)] },
    say: { message: b.say.message, lists: [list(b.say.points, false), list(b.say.questions, true)] },
    objections: { items: b.objections.items.map((o) => ({ objection: `“${o.objection}”`, response: o.response })), more: b.objections.more > 0 },
    proof: list(b.proofPoints, false),
  };
}

/** The brief whole when it fits one page; otherwise with its longest texts cut to the longest length that fits. */
function fitToPage(b: SegmentBrief): SegmentBrief {
  if (briefFits(layout(b, false))) return b;
  const room = briefTextRoom(layout(b, true));
  const cut = (text: string) => truncateWords(text, room);
  const list = (l: BriefList): BriefList => ({ ...l, items: l.items.map(cut) });
  return {
    ...b,
    summary: cut(b.summary),
    personas: b.personas.map((p) => ({ ...p, who: cut(p.who) })),
    spot: { definition: cut(b.spot.definition), signals: list(b.spot.signals), triggers: list(b.spot.triggers) },
    say: { message: b.say.message === null ? null : cut(b.say.message), points: list(b.say.points), questions: list(b.say.questions) },
    objections: { ...b.objections, items: b.objections.items.map((o) => ({ objection: cut(o.objection), response: cut(o.response) })) },
    proofPoints: list(b.proofPoints),
    textRoom: room,
  };
}

function cut(items: readonly string[] | undefined, n = BRIEF_LIST_ITEMS): BriefList {
  const all = items ?? [];
  return { items: all.slice(0, n), more: Math.max(0, all.length - n) };
}

/**
 * The three numbers: members (with their share), value share (with the total),
 * and the first KPI the data measures; without one, the feature whose mean
 * differs most from everyone else's (largest significant effect size).
 */
export function briefNumbers(s: SiteSegment, unit: string): BriefNumber[] {
  const size = s.size;
  const numbers: BriefNumber[] = [
    { kind: "members", label: "Members", value: formatCount(size?.count), note: size ? `${formatPercent(size.share)} of ${unit}` : "not computed" },
    { kind: "value-share", label: "Value share", value: formatPercent(size?.valueShare), note: size?.value !== null && size?.value !== undefined ? `of all value; ${formatAmount(size.value)} in total` : null },
  ];
  const kpi = s.kpis.find((k) => k.current !== null);
  if (kpi) {
    numbers.push({ kind: "kpi", label: clip(kpi.name, "label"), value: kpi.current!, note: kpi.target !== null ? clip(`target ${kpi.target}`, "label") : null });
    return numbers;
  }
  const distinct = s.profile
    .filter((p) => p.significant && p.d !== null && p.segmentMean !== null)
    .sort((a, b) => Math.abs(b.d!) - Math.abs(a.d!) || a.feature.localeCompare(b.feature))[0];
  if (distinct) {
    const show = (x: number | null) => (distinct.share ? formatPercent(x) : formatFixed(x));
    numbers.push({ kind: "feature", label: clip(distinct.label, "label"), value: show(distinct.segmentMean), note: `everyone else ${show(distinct.restMean)}` });
  }
  return numbers;
}
