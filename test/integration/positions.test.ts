/**
 * Every kind of mistake lands on the exact line and column of the node at
 * fault, with a message that says what is wrong and a hint that says what to do.
 * Each case shows the text it checks, so the expected position can be read off.
 */
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

async function run(files: Record<string, string | null>): Promise<Diagnostic[]> {
  ws = tempWorkspace(files);
  const result = await check({ root: ws.root, today: "2026-11-01", data: false });
  return result.diagnostics.filter((d) => d.severity === "error");
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  if (diagnostics.length !== 1) {
    throw new Error(`expected one error, got ${diagnostics.length}:\n${diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`).join("\n")}`);
  }
  return diagnostics[0]!;
}

const segment = (text: string) => ({ "segments/usage/heavy.yaml": text });

describe("positions of mistakes", () => {
  it("the workspace base is valid", async () => {
    expect(await run({})).toEqual([]);
  });

  it("YAML syntax: an unclosed flow sequence", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("scores: { size: 5, fit: 5 }", "scores: { size: 5, fit: 5 }\nneeds: [speed, focus\n"))));
    expect(d).toMatchObject({ ruleId: "yaml/syntax", file: "segments/usage/heavy.yaml", line: 9, column: 8 });
    expect(d.message).toBe("This list is never closed with ']'.");
    expect(d.hint).toBeTruthy();
  });

  it("duplicate key, at the second occurrence", async () => {
    const d = only(await run(segment(`${BASE_SEGMENT}name: Heavy again\n`)));
    expect(d).toMatchObject({ ruleId: "yaml/duplicate-key", line: 9, column: 1, message: 'Duplicate key "name".' });
  });

  it("unknown key with a did-you-mean", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("summary:", "sumary:"))));
    expect(d).toMatchObject({ ruleId: "schema/unknown-key", line: 3, column: 1, endColumn: 7, hint: 'Did you mean "summary"?' });
  });

  it("unknown key nested in segmentation.yaml", async () => {
    const d = (await run({ "segmentation.yaml": BASE_CONFIG.replace("    kind: events\n", "    kind: events\n    timestmap: occurred_at\n") })).find((x) => x.ruleId === "schema/unknown-key")!;
    expect(d).toMatchObject({ line: 24, column: 5, hint: 'Did you mean "timestamp"?' });
    expect(d.message).toContain('"sources.events"');
  });

  it("wrong type: a quoted number", async () => {
    const d = only(await run({ "segmentation.yaml": BASE_CONFIG.replace("weight: 60", 'weight: "60"') }));
    expect(d).toMatchObject({ ruleId: "schema/wrong-type", file: "segmentation.yaml", line: 43, column: 34 });
    expect(d.message).toBe('"prioritization.factors.size.weight" must be a number, but is the text "60".');
    expect(d.hint).toBe("Write the number without quotes or units.");
  });

  it("enum value with a did-you-mean", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("status: active", "status: activ"))));
    expect(d).toMatchObject({ ruleId: "schema/invalid-value", line: 4, column: 9, hint: 'Did you mean "active"?' });
  });

  it("missing required key, at the mapping that lacks it", async () => {
    const d = only(await run({ "segmentation.yaml": BASE_CONFIG.replace("  objective: account-attack\n", "") }));
    expect(d).toMatchObject({ ruleId: "schema/missing-key", line: 3, column: 1 });
    expect(d.message).toBe('"goals" is missing the required key "objective".');
  });

  it("a date that does not exist", async () => {
    const d = only(await run(segment(`${BASE_SEGMENT}last_reviewed: 2026-02-30\n`)));
    expect(d).toMatchObject({ ruleId: "schema/invalid-value", line: 9, column: 16 });
    expect(d.message).toContain("is not a real calendar date");
  });

  it("expression syntax error, at the column inside the expression", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("active_days_90d >= 40", "active_days_90d => 40"))));
    expect(d).toMatchObject({ ruleId: "expr/syntax", line: 7, column: 26, endColumn: 28 });
  });

  it("unknown feature in an expression, with a did-you-mean", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("active_days_90d >= 40", "employees > 5 and active_day_90d >= 40"))));
    expect(d).toMatchObject({ ruleId: "unknown-reference", line: 7, column: 28, endColumn: 42 });
    expect(d.hint).toContain("active_days_90d");
  });

  it("expression error inside a quoted scalar", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("where: active_days_90d >= 40", `where: "plan = 'pro' and (employees > 5"`))));
    expect(d.ruleId).toBe("expr/syntax");
    expect(d.line).toBe(7);
    expect(d.column).toBeGreaterThanOrEqual(27);
  });

  it("expression error on the second line of a block scalar", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("where: active_days_90d >= 40", "where: >-\n    active_days_90d >= 40\n    and plann = 'pro'"))));
    expect(d).toMatchObject({ ruleId: "unknown-reference", line: 9, column: 9 });
  });

  it("definition with a misspelt key", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("  where:", "  wher:"))));
    expect(d).toMatchObject({ ruleId: "schema/unknown-key", line: 7, column: 3, hint: 'Did you mean "where"?' });
  });

  it("persona pointing at a segment that does not exist", async () => {
    const persona = `---\nid: ana\nname: Analytical Ana\nkind: buyer\nbuying_role: champion\nrole: Analyst\nsegments: [heavy, havy-users]\ncontext: Mid-size company\ngoals: [Ship]\nfrustrations: [Slowness]\n---\nBody\n`;
    const d = only(await run({ "personas/ana.mdx": persona }));
    expect(d).toMatchObject({ ruleId: "unknown-reference", file: "personas/ana.mdx", line: 7, column: 19 });
    expect(d.message).toBe('Unknown segment "havy-users".');
  });

  it("weights that do not sum to 100", async () => {
    const d = only(await run({ "segmentation.yaml": BASE_CONFIG.replace("weight: 40", "weight: 50") }));
    expect(d).toMatchObject({ ruleId: "weights-sum", line: 42, column: 3 });
    expect(d.message).toBe("The prioritization weights sum to 110, not 100 (size 60 + fit 50).");
  });

  it("a stated total that disagrees with the recomputed one, naming both and the scores", async () => {
    const d = only(await run(segment(`${BASE_SEGMENT}stated_total: 6\n`)));
    expect(d).toMatchObject({ ruleId: "stated-total-mismatch", line: 9, column: 15 });
    expect(d.message).toBe("Heavy users states a total of 6, but its scores give 5 (size 5×60 + fit 5×40, ÷ 100).");
  });

  it("a __proto__ key", async () => {
    const d = only(await run(segment(`${BASE_SEGMENT}__proto__: { polluted: true }\n`)));
    expect(d).toMatchObject({ ruleId: "yaml/forbidden-key", line: 9, column: 1 });
  });

  it("an id that differs from the file name", async () => {
    const d = only(await run(segment(BASE_SEGMENT.replace("id: heavy", "id: heavy-users"))));
    expect(d).toMatchObject({ ruleId: "schema/id-mismatch", line: 1, column: 5 });
  });

  it("a data path that leaves the workspace", async () => {
    const d = only(await run({ "segmentation.yaml": BASE_CONFIG.replace("path: data/events.csv", "path: ../../etc/passwd") }));
    expect(d).toMatchObject({ ruleId: "source/path", line: 22, column: 11 });
    expect(d.message).toContain("leaves the workspace");
  });

  it("an unknown rule in the rules configuration", async () => {
    const d = only(await run({ "segmentation.yaml": `${BASE_CONFIG}rules:\n  stale-reviews: warn\n` }));
    expect(d).toMatchObject({ ruleId: "unknown-reference", line: 46, column: 3 });
  });

  it("a segment folder that is not a declared scheme", async () => {
    const d = only(await run({ "segments/usage/heavy.yaml": null, "segments/usag/heavy.yaml": BASE_SEGMENT }));
    expect(d).toMatchObject({ ruleId: "unknown-reference", file: "segments/usag/heavy.yaml", line: 1 });
    expect(d.hint).toBe('Did you mean "usage"?');
  });

  it("an alias bomb", async () => {
    const bomb = `${BASE_SEGMENT}needs: &a [x, x, x, x, x, x, x, x, x, x]\nbehaviors: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\ny: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const d = only(await run(segment(bomb)));
    expect(d.ruleId).toBe("yaml/alias-limit");
  });
});
