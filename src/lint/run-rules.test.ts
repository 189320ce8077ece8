import { afterEach, describe, expect, it } from "vitest";
import { check } from "../api/check.ts";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../test/support/temp-workspace.ts";

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

const CONFIG = `${BASE_CONFIG.replace("schemes:\n  usage:\n    label: Usage\n", "schemes:\n  usage:\n    label: Usage\n  market:\n    label: Market\n")}rules:
  stale-review: [warn, { days: 30 }]
overrides:
  - files: [segments/usage/*.yaml]
    rules:
      stale-review: [error, { days: 365 }]
`;

/** A segment last reviewed on `date`, in `scheme`. */
function segment(id: string, date: string): string {
  return `${BASE_SEGMENT.replace("id: heavy", `id: ${id}`).replace("scores: { size: 5, fit: 5 }\n", "")}last_reviewed: ${date}\n`;
}

describe("runRules", () => {
  it("resolves a rule's options per file: an override's options change the finding, not just its severity", async () => {
    ws = tempWorkspace({
      "segmentation.yaml": CONFIG,
      "segments/usage/heavy.yaml": `${segment("heavy", "2025-10-01")}scores: { size: 5, fit: 5 }\n`,
      "segments/usage/light.yaml": `${segment("light", "2026-08-01")}scores: { size: 5, fit: 5 }\n`,
      "segments/market/smb.yaml": segment("smb", "2026-08-01"),
    });
    const result = await check({ root: ws.root, today: "2026-11-01", data: false });
    const stale = result.diagnostics.filter((d) => d.ruleId === "stale-review").map((d) => ({ file: d.file, severity: d.severity, message: d.message }));
    expect(stale).toEqual([
      { file: "segments/market/smb.yaml", severity: "warning", message: "Heavy users was last reviewed on 2026-08-01, 92 days before today (2026-11-01); the review cadence is 30 days." },
      // 396 days against the override's 365; light.yaml (92 days) is within it, though past the 30 of rules:.
      { file: "segments/usage/heavy.yaml", severity: "error", message: "Heavy users was last reviewed on 2025-10-01, 396 days before today (2026-11-01); the review cadence is 365 days." },
    ]);
  });

  it("validates an override's options with the rule's schema, at the option's node", async () => {
    ws = tempWorkspace({ "segmentation.yaml": CONFIG.replace("[error, { days: 365 }]", "[error, { days: -3 }]") });
    const result = await check({ root: ws.root, today: "2026-11-01", data: false });
    const invalid = result.diagnostics.filter((d) => d.message.startsWith("Rule stale-review:"));
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ ruleId: "schema/invalid-value", file: "segmentation.yaml", line: CONFIG.split("\n").findIndex((l) => l.includes("[error, { days: 365 }]")) + 1, path: ["overrides", 0, "rules", "stale-review", 1, "days"] });
  });
});
