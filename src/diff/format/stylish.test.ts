import { describe, expect, it } from "vitest";
import type { DiffResult, DiffSide } from "../diff-result.ts";
import { formatStylish } from "./stylish.ts";

const side = (label: string, commit: string | null): DiffSide => ({ label, commit, exists: true, asOf: "2026-11-01", data: "head", recomputed: true, counts: { error: 0, warning: 0, info: 0 }, blocking: [] });

const result = (population: DiffResult["population"]): DiffResult => ({
  base: side("main", "0123456789abcdef0123456789abcdef01234567"),
  head: side("working tree", null),
  data: "each",
  definitions: { segments: [], config: [], personas: [], hypotheses: [] },
  schemes: [],
  clusters: null,
  findings: { added: [], fixed: [] },
  population,
  changed: true,
});

describe("formatStylish", () => {
  it("lists the declared metrics whose population figure moved, and only those", () => {
    const text = formatStylish(
      result([
        { name: "average_nps", label: "Average NPS", format: "number", base: 7.0176, head: 7.0176 },
        { name: "churn_rate", label: "Churn rate", format: "percent", base: 0.0603, head: 0.0712 },
      ]),
      { color: false },
    );
    expect(text).toContain("\nPopulation\n  Churn rate (churn_rate)  6.0% → 7.1%\n");
    expect(text).not.toContain("Average NPS");
  });
});
