import { describe, expect, it } from "vitest";
import { issuesOf, parsed } from "../../test/support/zod-issues.ts";
import { hypothesisSchema } from "./hypothesis.ts";

const minimal = {
  id: "power-users-promote",
  statement: "Power users recommend us more than other accounts.",
  metric: "nps",
  segments: ["power-users"],
  test: { kind: "difference-of-means" },
};

const withHypothesis = (patch: Record<string, unknown>) => ({ ...minimal, ...patch });

describe("hypothesisSchema", () => {
  describe("valid", () => {
    it("fills in a two-sided test at alpha 0.05", () => {
      expect(parsed(hypothesisSchema, minimal).test).toEqual({ kind: "difference-of-means", alternative: "two-sided", alpha: 0.05 });
    });

    it("compares two segments with a one-sided test", () => {
      const hypothesis = parsed(hypothesisSchema, withHypothesis({ segments: ["power-users", "lifecycle/occasional"], test: { kind: "difference-of-proportions", alternative: "greater", alpha: 0.01 } }));
      expect(hypothesis.segments).toEqual(["power-users", "lifecycle/occasional"]);
      expect(hypothesis.test.alternative).toBe("greater");
    });

    it("accepts a rationale, owner and creation date", () => {
      expect(issuesOf(hypothesisSchema, withHypothesis({ rationale: "Interviews.", owner: "Ana", created: "2026-10-01" }))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it.each([
      ["no segment", withHypothesis({ segments: [] }), [{ path: "segments", code: "too_small" }]],
      ["three segments", withHypothesis({ segments: ["a", "b", "c"] }), [{ path: "segments", code: "too_big" }]],
      ["an unknown test kind", withHypothesis({ test: { kind: "t-test" } }), [{ path: "test.kind", code: "invalid_value" }]],
      ["an unknown alternative", withHypothesis({ test: { kind: "difference-of-means", alternative: "higher" } }), [{ path: "test.alternative", code: "invalid_value" }]],
      ["an alpha of 0", withHypothesis({ test: { kind: "difference-of-means", alpha: 0 } }), [{ path: "test.alpha", code: "too_small" }]],
      ["a metric that is not a name", withHypothesis({ metric: "net promoter score" }), [{ path: "metric", code: "invalid_format" }]],
      ["a missing test", withHypothesis({ test: undefined }), [{ path: "test", code: "invalid_type" }]],
      ["an unknown key in the test", withHypothesis({ test: { kind: "difference-of-means", tails: 2 } }), [{ path: "test", code: "unrecognized_keys" }]],
      ["a creation date in another format", withHypothesis({ created: "01/10/2026" }), [{ path: "created", message: "must be a date written YYYY-MM-DD" }]],
    ])("refuses %s", (_case, hypothesis, expected) => {
      expect(issuesOf(hypothesisSchema, hypothesis)).toMatchObject(expected);
    });
  });
});
