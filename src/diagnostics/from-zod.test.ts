/**
 * What a zod complaint becomes for the user: a rule id, one sentence in YAML
 * terms, and a hint. Positions come from the caller's locator (tested in
 * test/integration/positions.test.ts); here a stub records which path was asked.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { featureSchema } from "../schema/feature.ts";
import { personaSchema } from "../schema/persona.ts";
import { segmentSchema } from "../schema/segment.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { diagnosticsFromZod, type PathLocator } from "./from-zod.ts";

const locator: PathLocator = {
  file: "test.yaml",
  spanOf: (path) => ({ line: path.length + 1, column: 1, endLine: path.length + 1, endColumn: 2 }),
  keySpanOf: () => undefined,
};

function diagnose(schema: z.ZodType, value: unknown): Pick<Diagnostic, "ruleId" | "message" | "hint">[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected the value to be invalid");
  return diagnosticsFromZod(result.error.issues, schema, value, locator).map(({ ruleId, message, hint }) => ({ ruleId, message, hint }));
}

const segment = {
  id: "heavy",
  name: "Heavy users",
  summary: "Accounts active most days.",
  status: "active",
  approach: "behavioral",
  definition: { where: "active_days_90d >= 40" },
};
const features = z.record(z.string(), featureSchema);
const buyer = {
  id: "ana",
  name: "Analytical Ana",
  kind: "buyer",
  segments: ["heavy"],
  buying_role: "champion",
  role: "Analyst",
  context: "Mid-size company",
  goals: ["Ship"],
  frustrations: ["Slowness"],
};

describe("diagnosticsFromZod", () => {
  it.each([
    [
      "a misspelt key, suggesting the right one and dropping the missing-key echo",
      segmentSchema,
      { ...segment, summary: undefined, sumary: "x" },
      [{ ruleId: "schema/unknown-key", message: 'Unknown key "sumary" in the file.', hint: 'Did you mean "summary"?' }],
    ],
    [
      "a misspelt enum value, suggesting the right one",
      segmentSchema,
      { ...segment, status: "activ" },
      [{ ruleId: "schema/invalid-value", message: '"status" must be one of active, proposed, deprioritized, retired, but is the text "activ".', hint: 'Did you mean "active"?' }],
    ],
    [
      "a quoted number",
      segmentSchema,
      { ...segment, scores: { size: "7" } },
      [{ ruleId: "schema/wrong-type", message: '"scores.size" must be a number, but is the text "7".', hint: "Write the number without quotes or units." }],
    ],
    [
      "a missing key, naming what to add",
      segmentSchema,
      { ...segment, status: undefined },
      [{ ruleId: "schema/missing-key", message: 'The file is missing the required key "status".', hint: "Add status: (active | proposed | deprioritized | retired)." }],
    ],
    [
      "text with an unquoted ': ', which YAML reads as a mapping",
      segmentSchema,
      { ...segment, needs: [{ "Minimal effort": "things that keep running" }] },
      [
        {
          ruleId: "schema/wrong-type",
          message: '"needs[0]" must be text, but is a mapping.',
          hint: `A ': ' inside unquoted text starts a key and value; put the text in quotes: "Minimal effort: things that keep running".`,
        },
      ],
    ],
    [
      "a schema's own wording for a bound",
      segmentSchema,
      { ...segment, stated_share: "150%" },
      [{ ruleId: "schema/invalid-value", message: '"stated_share" must not exceed 100% (got the text "150%").', hint: undefined }],
    ],
    [
      "a share written as a whole percentage, naming both accepted forms",
      segmentSchema,
      { ...segment, stated_share: 42 },
      [{ ruleId: "schema/invalid-value", message: '"stated_share" must be a fraction from 0 to 1, such as 0.42, or a percentage in quotes, such as "42%" (got the number 42).', hint: undefined }],
    ],
    [
      "a record key that breaks the key's pattern",
      segmentSchema,
      { ...segment, scores: { "market-size": 5 } },
      [
        {
          ruleId: "schema/invalid-key",
          message: 'The name "market-size" in "scores" must start with a letter or underscore and contain only letters, digits and underscores.',
          hint: "Rename the key.",
        },
      ],
    ],
    [
      "a definition with two ways of choosing members",
      segmentSchema,
      { ...segment, definition: { where: "x > 1", cluster: "c" } },
      [
        {
          ruleId: "schema/invalid-shape",
          message: '"definition" takes exactly one of cluster, rfm_group, where, but has where and cluster.',
          hint: 'Write "definition" with exactly one of cluster, rfm_group, where.',
        },
      ],
    ],
    [
      "a missing text key, in plain words",
      segmentSchema,
      { ...segment, summary: undefined },
      [{ ruleId: "schema/missing-key", message: 'The file is missing the required key "summary".', hint: "Add summary: (text)." }],
    ],
    [
      "a list given as text once, as a wrong type (not also as too long)",
      segmentSchema,
      { ...segment, needs: "Workflows that keep working when a connected app changes its API" },
      [{ ruleId: "schema/wrong-type", message: '"needs" must be a list, but is the text "Workflows that keep working when a conne…".', hint: "Write a list: one '- item' per line, or [a, b]." }],
    ],
    [
      "a key a refinement requires, as a missing key with the schema's sentence",
      personaSchema,
      { ...buyer, buying_role: undefined },
      [
        {
          ruleId: "schema/missing-key",
          message: "A buyer persona needs a buying_role (decision-maker, champion, influencer, user or blocker).",
          hint: "Add buying_role: (decision-maker | champion | influencer | user | blocker).",
        },
      ],
    ],
    [
      "a misspelt key a refinement requires, once, as the unknown key",
      personaSchema,
      { ...buyer, buying_role: undefined, buyer_role: "champion" },
      [{ ruleId: "schema/unknown-key", message: 'Unknown key "buyer_role" in the file.', hint: 'Did you mean "buying_role"?' }],
    ],
  ])("reports %s", (_case, schema, value, expected) => {
    expect(diagnose(schema, value)).toEqual(expected);
  });

  describe("unions whose branches share keys (features)", () => {
    it("judges a value by the one branch that has all its keys, not as an unknown key", () => {
      const [d, ...rest] = diagnose(features, { f: { source: "events", aggregate: "median", column: "at" } });
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ ruleId: "schema/invalid-value", hint: expect.stringContaining("count_distinct_days") });
      expect(d!.message).toMatch(/^"f.aggregate" must be one of count, .* but is the text "median"\.$/);
    });

    it("reports keys of two different shapes as a combination, listing the shapes", () => {
      expect(diagnose(features, { f: { source: "events", aggregate: "count", expression: "x > 1" } })).toEqual([
        {
          ruleId: "schema/invalid-shape",
          message: 'The key "expression" cannot be combined with source and aggregate in "f".',
          hint: "Use one of these forms: source + aggregate; source + column; expression.",
        },
      ]);
    });

    it("still calls a key unknown when no shape has it", () => {
      expect(diagnose(features, { f: { source: "events", aggregate: "count", windows_days: 30 } })).toEqual([
        expect.objectContaining({ ruleId: "schema/unknown-key", message: 'Unknown key "windows_days" in "f".', hint: 'Did you mean "window_days"?' }),
      ]);
    });
  });
});
