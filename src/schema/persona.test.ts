import { describe, expect, it } from "vitest";
import { issuesOf, parsed } from "../../test/support/zod-issues.ts";
import { personaSchema } from "./persona.ts";

const enterprise = {
  id: "scaling-sarah",
  name: "Scaling Sarah",
  kind: "enterprise",
  segments: ["power-users"],
  context: "A 200-person SaaS company growing fast.",
  goals: ["Ship faster"],
  frustrations: ["Manual reporting"],
};

const buyer = { ...enterprise, id: "analytical-ana", name: "Analytical Ana", kind: "buyer", buying_role: "champion", role: "Head of Analytics" };

const withPersona = (base: Record<string, unknown>, patch: Record<string, unknown>) => ({ ...base, ...patch });

describe("personaSchema", () => {
  describe("valid", () => {
    it.each([
      ["an enterprise persona without a buying role", enterprise],
      ["a buyer persona with a buying role and a job title", buyer],
      ["a consumer persona (B2C) without a buying role or job title", withPersona(enterprise, { kind: "consumer", context: "Student in a shared flat, pays monthly by card." })],
      ["a household persona (B2C)", withPersona(enterprise, { kind: "household", context: "Two adults and two children on one family plan." })],
      ["a household persona naming who decides", withPersona(enterprise, { kind: "household", buying_role: "decision-maker" })],
      ["a persona tied to a segment by scheme/id", withPersona(enterprise, { segments: ["lifecycle/power-users", "market/smb"] })],
      [
        "a persona with evidence and research questions",
        withPersona(enterprise, {
          evidence: { interviews: 12, sources: ["interviews", "CRM"], from: "2026-01-10", to: "2026-09-30" },
          research_questions: { new: ["What triggers a switch?"], "at-risk": ["What changed?"] },
          quote: "I need numbers I can trust.",
          informs: ["Messaging"],
          last_reviewed: "2026-10-01",
        }),
      ],
    ])("accepts %s", (_case, persona) => {
      expect(issuesOf(personaSchema, persona)).toEqual([]);
    });

    it("trims prose fields", () => {
      expect(parsed(personaSchema, withPersona(enterprise, { context: "  Mid-size company  " })).context).toBe("Mid-size company");
    });
  });

  describe("invalid", () => {
    it("refuses a buyer persona without a buying_role, naming the roles", () => {
      const { buying_role: _dropped, ...noRole } = buyer;
      expect(issuesOf(personaSchema, noRole)).toEqual([
        { path: "buying_role", code: "custom", message: "a buyer persona needs a buying_role (decision-maker, champion, influencer, user or blocker)" },
      ]);
    });

    it("refuses a buyer persona without a job title", () => {
      const { role: _dropped, ...noTitle } = buyer;
      expect(issuesOf(personaSchema, noTitle)).toEqual([{ path: "role", code: "custom", message: "a buyer persona needs a role (job title)" }]);
    });

    it.each([
      ["an unknown kind", withPersona(enterprise, { kind: "user" }), [{ path: "kind", code: "invalid_value" }]],
      ["an unknown buying role", withPersona(buyer, { buying_role: "sponsor" }), [{ path: "buying_role", code: "invalid_value" }]],
      ["no segments", withPersona(enterprise, { segments: [] }), [{ path: "segments", code: "too_small" }]],
      ["segments given as one string", withPersona(enterprise, { segments: "power-users" }), [{ path: "segments", code: "invalid_type" }]],
      ["no goals", withPersona(enterprise, { goals: [] }), [{ path: "goals", code: "too_small" }]],
      ["a missing context", withPersona(enterprise, { context: undefined }), [{ path: "context", code: "invalid_type" }]],
      ["a negative interview count", withPersona(enterprise, { evidence: { interviews: -1 } }), [{ path: "evidence.interviews", code: "too_small" }]],
      ["a misspelt key", withPersona(enterprise, { frustration: ["x"] }), [{ path: "", code: "unrecognized_keys" }]],
      ["an id that is not kebab-case", withPersona(enterprise, { id: "ScalingSarah" }), [{ path: "id", code: "invalid_format" }]],
    ])("refuses %s", (_case, persona, expected) => {
      expect(issuesOf(personaSchema, persona)).toMatchObject(expected);
    });
  });
});
