import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "../../api/check.ts";
import type { CheckResult } from "../../lint/check-result.ts";
import { buildPersonas } from "./persona-pages.ts";
import { truncateWords } from "../../text/truncate-text.ts";
import { BRIEF_LIST_ITEMS, buildBrief, type SegmentBrief } from "./segment-brief.ts";
import { buildSegments, type SiteSegment } from "./segment-pages.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../..");

function definitionsOnly(): CheckResult {
  const definitions = checkDefinitions({ root: EXAMPLE, today: "2026-11-01" });
  return { ...definitions, counts: { error: 0, warning: 0, info: 0 }, suppressed: [], data: undefined };
}

/**
 * A text as the brief shows it: whole, or when the brief had to be cut to fit one page, cut to its text room.
 * Without data a brief also asks for a KPI measured from the data, which takes room, so some are cut here.
 */
const shown = (brief: SegmentBrief, text: string) => (brief.textRoom === null ? text : truncateWords(text, brief.textRoom));

describe("buildBrief on the example's definitions (no data)", () => {
  const result = definitionsOnly();
  const segments = buildSegments(result);
  const personas = buildPersonas(result);
  const segment = (id: string) => segments.find((s) => s.id === id)!;
  const without = (s: SiteSegment, patch: Partial<SiteSegment["segment"]>): SiteSegment => ({ ...s, segment: { ...s.segment, ...patch } });

  it("cuts each list to its first items and counts the rest", () => {
    const s = segment("power-users");
    const brief = buildBrief(s, personas, "accounts");
    expect(brief.spot.triggers.items).toEqual(s.segment.sales_playbook!.triggers!.slice(0, BRIEF_LIST_ITEMS).map((t) => shown(brief, t)));
    expect(brief.spot.triggers.more).toBe(s.segment.sales_playbook!.triggers!.length - BRIEF_LIST_ITEMS);
    expect(brief.say.message).toBe(shown(brief, s.segment.gtm!.messaging!));
    expect(brief.url).toBe("/segments/power-users/brief/");
    expect(brief.personas.map((p) => p.name)).toEqual(personas.filter((p) => s.personas.includes(p.id)).map((p) => p.persona.name));
  });

  it("says a number was not computed without data, and asks for nothing the file already has", () => {
    const brief = buildBrief(segment("smb"), personas, "accounts");
    expect(brief.numbers.map((n) => [n.kind, n.value, n.note])).toEqual([
      ["members", "—", "not computed"],
      ["value-share", "—", null],
    ]);
    // Without data no KPI has a value now; everything written is not asked for.
    expect(brief.missing).toEqual([{ topic: "A KPI measured from the data", field: "gtm.kpis with a metric" }]);
  });

  it("names the field to add for every part a segment file leaves out", () => {
    const bare = without(segment("smb"), { sales_playbook: undefined, gtm: undefined, value_proposition: undefined });
    const brief = buildBrief(bare, personas, "accounts");
    expect(brief.missing.map((m) => m.field)).toEqual([
      "sales_playbook.signals",
      "gtm.messaging (or value_proposition)",
      "sales_playbook.talking_points",
      "sales_playbook.objections (objection and response)",
      "sales_playbook.proof_points",
      "gtm.kpis with a metric",
    ]);
    expect(brief.say.message).toBeNull();
    expect(brief.objections.items).toEqual([]);
  });

  it("falls back to the value proposition when there is no messaging", () => {
    const s = segment("smb");
    const brief = buildBrief(without(s, { gtm: { ...s.segment.gtm, messaging: undefined } }), personas, "accounts");
    expect(brief.say.message).toBe(shown(brief, s.segment.value_proposition!));
  });

  it("asks a segment that is not served only for its signals", () => {
    const hobbyists = segment("hobbyists");
    expect(hobbyists.segment.status).toBe("deprioritized");
    const brief = buildBrief(without(hobbyists, { sales_playbook: undefined, gtm: undefined }), personas, "accounts");
    expect(brief.notServed).toBe(true);
    expect(brief.missing).toEqual([{ topic: "How to spot them in a conversation", field: "sales_playbook.signals" }]);
  });

  it("cuts the longest texts of a brief too long for one page to one length, at a word with an ellipsis, the same way each time", () => {
    const s = segment("power-users");
    const long = (what: string) => `${what} ${"and then it goes on, ".repeat(40)}`;
    const playbook = s.segment.sales_playbook!;
    const verbose = without(s, {
      summary: long("Summary"),
      gtm: { ...s.segment.gtm, messaging: long("Message") },
      sales_playbook: { ...playbook, signals: [long("Signal"), "Short signal"], objections: [{ objection: long("Objection"), response: long("Response") }] },
    });
    const brief = buildBrief(verbose, personas, "accounts");
    const room = brief.textRoom!;
    expect(room).toBeGreaterThan(40);
    const cut: [string, string][] = [
      [brief.summary, "Summary"],
      [brief.say.message!, "Message"],
      [brief.spot.signals.items[0]!, "Signal"],
      [brief.objections.items[0]!.objection, "Objection"],
      [brief.objections.items[0]!.response, "Response"],
    ];
    for (const [text, start] of cut) {
      expect(text.length, start).toBeLessThanOrEqual(room);
      // A start of the text ending at a whole word, then "…".
      const kept = text.slice(0, -1);
      expect([long(start).startsWith(kept), /^[ ,]/.test(long(start).slice(kept.length)), text.endsWith("…")], start).toEqual([true, true, true]);
    }
    expect(brief.spot.signals.items[1]).toBe("Short signal");
    expect(brief.spot.triggers.items).toEqual(playbook.triggers!.slice(0, BRIEF_LIST_ITEMS).map((t) => (t.length <= room ? t : expect.stringMatching(/…$/))));
    expect(buildBrief(verbose, personas, "accounts")).toEqual(brief);
  });
});
