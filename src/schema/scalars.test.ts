import { describe, expect, it } from "vitest";
import { issuesOf } from "../../test/support/zod-issues.ts";
import { idSchema, isoDateSchema, nameSchema, researchQuestionsSchema, scoreSchema, shareSchema, textListSchema, textSchema } from "./scalars.ts";

describe("idSchema", () => {
  it.each(["power-users", "smb", "tier-2", "a1-b2-c3"])("accepts the kebab-case id %s", (id) => {
    expect(idSchema.parse(id)).toBe(id);
  });

  it.each([
    ["capitals", "Power-Users"],
    ["underscores", "power_users"],
    ["a double dash", "power--users"],
    ["a leading dash", "-power"],
    ["a trailing dash", "power-"],
    ["spaces", "power users"],
    ["the empty string", ""],
  ])("refuses %s with the kebab-case message", (_name, id) => {
    expect(issuesOf(idSchema, id)).toEqual([
      { path: "", code: "invalid_format", message: "must be kebab-case: lowercase letters, digits and single dashes (e.g. power-users)" },
    ]);
  });

  it("refuses ids longer than 64 characters", () => {
    expect(issuesOf(idSchema, "a".repeat(65))).toMatchObject([{ code: "too_big" }]);
    expect(issuesOf(idSchema, "a".repeat(64))).toEqual([]);
  });
});

describe("nameSchema", () => {
  it.each(["active_days_90d", "_private", "Plan", "x"])("accepts the expression name %s", (name) => {
    expect(nameSchema.parse(name)).toBe(name);
  });

  it.each([
    ["a leading digit", "90d_active"],
    ["a dash", "active-days"],
    ["a dot", "accounts.plan"],
    ["a space", "active days"],
  ])("refuses a name with %s", (_case, name) => {
    expect(issuesOf(nameSchema, name)).toEqual([
      { path: "", code: "invalid_format", message: "must start with a letter or underscore and contain only letters, digits and underscores" },
    ]);
  });
});

describe("isoDateSchema", () => {
  it.each(["2026-11-01", "2024-02-29", "1999-12-31"])("accepts the calendar date %s", (date) => {
    expect(isoDateSchema.parse(date)).toBe(date);
  });

  it.each([
    ["February 30th", "2026-02-30"],
    ["a 13th month", "2026-13-01"],
    ["February 29th in a common year", "2026-02-29"],
    ["day zero", "2026-01-00"],
  ])("refuses %s as not a real date", (_case, date) => {
    expect(issuesOf(isoDateSchema, date)).toEqual([{ path: "", code: "custom", message: "is not a real calendar date" }]);
  });

  it.each([
    ["unpadded parts", "2026-2-3"],
    ["a day-first date", "01-11-2026"],
    ["a timestamp", "2026-11-01T10:00:00Z"],
    ["words", "yesterday"],
  ])("refuses %s with the format message only", (_case, date) => {
    expect(issuesOf(isoDateSchema, date)).toEqual([{ path: "", code: "invalid_format", message: "must be a date written YYYY-MM-DD" }]);
  });
});

describe("shareSchema", () => {
  it.each([
    [0.15, 0.15],
    [0, 0],
    [1, 1],
    ["15%", 0.15],
    ["12.5%", 0.125],
    ["100%", 1],
    ["0%", 0],
    ["15 %", 0.15],
  ])("reads %j as the fraction %d", (input, fraction) => {
    expect(shareSchema.parse(input)).toBeCloseTo(fraction, 12);
  });

  it.each([
    ["a percentage over 100", "150%", { code: "too_big", message: "must not exceed 100%" }],
    ["a fraction over 1", 1.5, { code: "too_big" }],
    ["a negative fraction", -0.1, { code: "too_small" }],
  ])("refuses %s", (_case, input, issue) => {
    expect(issuesOf(shareSchema, input)).toMatchObject([{ path: "", ...issue }]);
  });

  it.each([
    ["text without a percent sign", "15"],
    ["words", "about a third"],
    ["a negative percentage", "-5%"],
  ])("refuses %s as neither a fraction nor a percentage", (_case, input) => {
    // Both union branches fail; the string branch explains the accepted forms.
    const result = shareSchema.safeParse(input);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.flatMap((i) => (i.code === "invalid_union" ? i.errors.flat().map((e) => e.message) : [i.message]));
    expect(messages).toContain('must be a fraction like 0.15 or a percentage like "15%"');
  });
});

describe("scoreSchema", () => {
  it.each([1, 5.5, 10])("accepts the score %d", (score) => {
    expect(scoreSchema.parse(score)).toBe(score);
  });

  it.each([
    [0, "too_small"],
    [11, "too_big"],
    ["7", "invalid_type"],
  ])("refuses %j (%s)", (score, code) => {
    expect(issuesOf(scoreSchema, score)).toMatchObject([{ path: "", code }]);
  });
});

describe("textSchema", () => {
  it("trims surrounding whitespace", () => {
    expect(textSchema.parse("  Accounts active most days.  ")).toBe("Accounts active most days.");
  });

  it.each([
    ["the empty string", ""],
    ["only spaces", "   "],
    ["only a newline", "\n"],
  ])("refuses %s as empty", (_case, text) => {
    expect(issuesOf(textSchema, text)).toEqual([{ path: "", code: "too_small", message: "must not be empty" }]);
  });

  it("accepts markup as plain text; escaping is the site's job", () => {
    expect(textSchema.parse("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it("refuses text over 4000 characters", () => {
    expect(issuesOf(textSchema, "x".repeat(4001))).toMatchObject([{ code: "too_big" }]);
  });
});

describe("textListSchema", () => {
  it("accepts up to 50 statements", () => {
    expect(textListSchema.parse(Array.from({ length: 50 }, (_, i) => `need ${i}`))).toHaveLength(50);
    expect(issuesOf(textListSchema, Array.from({ length: 51 }, (_, i) => `need ${i}`))).toMatchObject([{ code: "too_big" }]);
  });

  it("points at the item that is not text", () => {
    // An unquoted "Minimal effort: things..." in YAML arrives as a mapping.
    expect(issuesOf(textListSchema, ["fine", { "Minimal effort": "things that keep running" }])).toMatchObject([{ path: "[1]", code: "invalid_type" }]);
  });
});

describe("researchQuestionsSchema", () => {
  it("accepts questions for the three stages", () => {
    const questions = { new: ["What job do they hire us for?"], existing: ["Where do they get stuck?"], "at-risk": ["What changed?"] };
    expect(researchQuestionsSchema.parse(questions)).toEqual(questions);
  });

  it("refuses a stage that does not exist", () => {
    expect(issuesOf(researchQuestionsSchema, { churned: ["Why?"] })).toMatchObject([{ path: "", code: "unrecognized_keys" }]);
  });
});
