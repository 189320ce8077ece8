import { afterEach, describe, expect, it } from "vitest";
import { tempWorkspace, type TempWorkspace } from "../../test/support/temp-workspace.ts";
import { readWorkspace } from "./read-workspace.ts";

const made: TempWorkspace[] = [];
afterEach(() => {
  for (const ws of made.splice(0)) ws.remove();
});

describe("segment files outside a scheme's folder", () => {
  it("are named in a workspace/ignored-file warning instead of being skipped silently", () => {
    const ws = tempWorkspace({ "segments/heavy.yaml": "id: heavy\n", "segments/usage/old/light.yml": "id: light\n" });
    made.push(ws);
    const found = readWorkspace(ws.root).diagnostics.filter((d) => d.ruleId === "workspace/ignored-file");
    expect(found.map((d) => [d.file, d.severity, d.line, d.column])).toEqual([
      ["segments/heavy.yaml", "warning", 1, 1],
      ["segments/usage/old/light.yml", "warning", 1, 1],
    ]);
    expect(found[0]!.message).toBe("segments/heavy.yaml is not read: a segment file belongs in the folder of its scheme, segments/<scheme>/<id>.yaml.");
    expect(found[0]!.hint).toMatch(/^Move it into its scheme's folder/);
  });

  it("leave a workspace whose segment files are in scheme folders without the warning", () => {
    const ws = tempWorkspace({ "segments/README.md": "# Segments\n" });
    made.push(ws);
    expect(readWorkspace(ws.root).diagnostics.filter((d) => d.ruleId === "workspace/ignored-file")).toEqual([]);
  });
});
