import { afterEach, describe, expect, it } from "vitest";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../test/support/temp-workspace.ts";
import { readWorkspace } from "../workspace/read-workspace.ts";
import { canonicalExpression, diffDefinitions } from "./definition-diff.ts";

const created: TempWorkspace[] = [];
function workspace(files: Record<string, string | null>) {
  const w = tempWorkspace(files);
  created.push(w);
  return readWorkspace(w.root).workspace;
}
afterEach(() => created.splice(0).forEach((w) => w.remove()));

describe("diffDefinitions", () => {
  it("reports nothing for the same files, nor for a where written differently with the same meaning", () => {
    const base = workspace({});
    const head = workspace({ "segments/usage/heavy.yaml": BASE_SEGMENT.replace("active_days_90d >= 40", "(ACTIVE_DAYS_90D>=40)".toLowerCase()) });
    expect(diffDefinitions(base, head)).toEqual({ segments: [], config: [], personas: [], hypotheses: [] });
  });

  it("reports a changed segment field by field, expressions in canonical form", () => {
    const base = workspace({});
    const head = workspace({
      "segments/usage/heavy.yaml": BASE_SEGMENT.replace("active_days_90d >= 40", "active_days_90d>=30   AND   plan <> 'free'").replace("fit: 5", "fit: 7") + "owner: Ana\n",
    });
    expect(diffDefinitions(base, head).segments).toEqual([
      {
        kind: "changed",
        file: "segments/usage/heavy.yaml",
        id: "heavy",
        name: "Heavy users",
        scheme: "usage",
        fields: [
          { path: "definition.where", before: "active_days_90d >= 40", after: "active_days_90d >= 30 and plan != 'free'" },
          { path: "owner", after: "Ana" },
          { path: "scores.fit", before: 5, after: 7 },
        ],
      },
    ]);
  });

  it("tells added, removed, retired and reactivated segments apart", () => {
    const light = (status: string) => BASE_SEGMENT.replace("id: heavy", "id: light").replace("Heavy users", "Light users").replace("status: active", `status: ${status}`);
    const base = workspace({ "segments/usage/light.yaml": light("retired"), "segments/usage/gone.yaml": BASE_SEGMENT.replace("id: heavy", "id: gone") });
    const head = workspace({ "segments/usage/heavy.yaml": BASE_SEGMENT.replace("status: active", "status: retired"), "segments/usage/light.yaml": light("active"), "segments/usage/new.yaml": BASE_SEGMENT.replace("id: heavy", "id: new") });
    expect(diffDefinitions(base, head).segments.map((c) => [c.kind, c.id])).toEqual([
      ["removed", "gone"],
      ["retired", "heavy"],
      ["reactivated", "light"],
      ["added", "new"],
    ]);
  });

  it("reports segmentation.yaml changes as dotted paths", () => {
    const base = workspace({});
    const head = workspace({ "segmentation.yaml": BASE_CONFIG.replace("weight: 60", "weight: 50").replace("weight: 40", "weight: 50").replace("window_days: 90", "window_days: 60") });
    expect(diffDefinitions(base, head).config).toEqual([
      { path: "features.active_days_90d.window_days", before: 90, after: 60 },
      { path: "prioritization.factors.fit.weight", before: 40, after: 50 },
      { path: "prioritization.factors.size.weight", before: 60, after: 50 },
    ]);
  });

  it("treats every segment as added when there is no base, without listing every setting", () => {
    const diff = diffDefinitions(undefined, workspace({}));
    expect(diff.segments.map((c) => c.kind)).toEqual(["added"]);
    expect(diff.config).toEqual([]);
  });
});

describe("canonicalExpression", () => {
  it("keeps text that does not parse as written", () => {
    expect(canonicalExpression("seats >=")).toBe("seats >=");
  });
});
