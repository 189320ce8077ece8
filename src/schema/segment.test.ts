import { describe, expect, it } from "vitest";
import { issuesOf, parsed } from "../../test/support/zod-issues.ts";
import { definitionSchema, segmentSchema, type SegmentInput } from "./segment.ts";

const minimal: SegmentInput = {
  id: "power-users",
  name: "Power Users",
  summary: "Accounts active most days.",
  status: "active",
  approach: "behavioral",
  definition: { where: "active_days_90d >= 40" },
};

const withSegment = (patch: Record<string, unknown>) => ({ ...minimal, ...patch });

describe("segmentSchema", () => {
  describe("valid", () => {
    it("accepts the minimal segment unchanged", () => {
      expect(parsed(segmentSchema, minimal)).toEqual(minimal);
    });

    it("accepts a segment with every section filled in", () => {
      const full = withSegment({
        $schema: "../../schemas/segment.schema.json",
        order: 1,
        stated_share: 0.12,
        needs: ["Speed"],
        behaviors: ["Logs in daily"],
        value: { ltv: "high", support_cost: "low", notes: "Expands every year." },
        value_proposition: "Fewer clicks.",
        evidence: { identifiable: "Usage logs", substantial: "12% of accounts", accessible: "In-app", differentiable: "Daily use", actionable: "Upsell" },
        gtm: { objectives: ["Expand"], tactics: ["Seat offers"], channels: ["In-app"], messaging: "Go faster.", owner: "Growth", kpis: [{ name: "NRR", metric: "nrr", target: 1.1 }] },
        product: { priorities: ["Bulk edit"], gaps: ["API limits"] },
        sales_playbook: { signals: ["Asks about SSO on the first call"], triggers: ["Seat cap reached"], talking_points: ["Roll back any workflow in one click"], discovery_questions: ["Who else uses it?"], objections: [{ objection: "Too pricey", response: "Per-seat savings" }], proof_points: ["Case study"] },
        research_questions: { existing: ["Where do they get stuck?"] },
        scores: { size: 5, fit: 8 },
        stated_total: 6.2,
        phase: "beachhead",
        owner: "Ana",
        last_reviewed: "2026-10-01",
      });
      expect(issuesOf(segmentSchema, full)).toEqual([]);
    });

    it('reads a stated share of "15%" as 0.15', () => {
      expect(parsed(segmentSchema, withSegment({ stated_share: "15%" })).stated_share).toBe(0.15);
    });

    it.each([
      ["a where expression", { where: "plan = 'pro'" }],
      ["a cluster", { cluster: "cluster-2" }],
      ["an RFM group", { rfm_group: "champions" }],
    ])("accepts a definition by %s", (_case, definition) => {
      expect(parsed(definitionSchema, definition)).toEqual(definition);
    });

    it("keeps markup in prose as text", () => {
      expect(parsed(segmentSchema, withSegment({ summary: "<script>alert(1)</script>" })).summary).toBe("<script>alert(1)</script>");
    });
  });

  describe("invalid", () => {
    it.each([
      ["a misspelt key", withSegment({ sumary: "x" }), [{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "sumary"' }]],
      ["a missing summary", withSegment({ summary: undefined }), [{ path: "summary", code: "invalid_type" }]],
      ["an empty name", withSegment({ name: "  " }), [{ path: "name", code: "too_small", message: "must not be empty" }]],
      ["an id that is not kebab-case", withSegment({ id: "Power_Users" }), [{ path: "id", code: "invalid_format" }]],
      ["an unknown status", withSegment({ status: "activ" }), [{ path: "status", code: "invalid_value" }]],
      ["an unknown approach", withSegment({ approach: "psychographic" }), [{ path: "approach", code: "invalid_value" }]],
      ["a fractional order", withSegment({ order: 1.5 }), [{ path: "order", code: "invalid_type" }]],
      ["a stated share over 100%", withSegment({ stated_share: "120%" }), [{ path: "stated_share", code: "too_big", message: "must not exceed 100%" }]],
      ["a score of 11", withSegment({ scores: { size: 11 } }), [{ path: "scores.size", code: "too_big" }]],
      ["a score written as text", withSegment({ scores: { size: "high" } }), [{ path: "scores.size", code: "invalid_type" }]],
      ["a factor name with a dash", withSegment({ scores: { "market-size": 5 } }), [{ path: "scores.market-size", code: "invalid_key" }]],
      ["a stated total over 10", withSegment({ stated_total: 12 }), [{ path: "stated_total", code: "too_big" }]],
      ["an unknown phase", withSegment({ phase: "launch" }), [{ path: "phase", code: "invalid_value" }]],
      ["a needs list given as text", withSegment({ needs: "Speed" }), [{ path: "needs", code: "invalid_type" }]],
      ["an unknown IDSAA criterion", withSegment({ evidence: { measurable: "yes" } }), [{ path: "evidence", code: "unrecognized_keys" }]],
      ["an objection without a response", withSegment({ sales_playbook: { objections: [{ objection: "Too pricey" }] } }), [{ path: "sales_playbook.objections[0].response", code: "invalid_type" }]],
      ["a review date that does not exist", withSegment({ last_reviewed: "2026-02-30" }), [{ path: "last_reviewed", message: "is not a real calendar date" }]],
    ])("refuses %s", (_case, segment, expected) => {
      expect(issuesOf(segmentSchema, segment)).toMatchObject(expected);
    });

    it.each([
      ["a where and a cluster", { where: "x > 1", cluster: "c" }],
      ["no way of choosing members", {}],
      ["a misspelt where", { wher: "x > 1" }],
    ])("refuses a definition with %s", (_case, definition) => {
      expect(issuesOf(segmentSchema, withSegment({ definition }))).toMatchObject([{ path: "definition", code: "invalid_union" }]);
    });

    it.each([
      ["empty", "", "too_small"],
      ["longer than 10,000 characters", "x".repeat(10_001), "too_big"],
    ])("refuses a where expression that is %s, at the where key", (_case, where, code) => {
      expect(issuesOf(definitionSchema, { where })).toMatchObject([{ path: "where", code }]);
    });
  });
});
