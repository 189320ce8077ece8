import { afterEach, describe, expect, it } from "vitest";
import { checkDefinitions } from "../api/check.ts";
import { BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../test/support/temp-workspace.ts";

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

function typeErrors(where: string) {
  ws = tempWorkspace({ "segments/usage/heavy.yaml": BASE_SEGMENT.replace("where: active_days_90d >= 40", `where: ${where}`) });
  return checkDefinitions({ root: ws.root, today: "2026-11-01" }).diagnostics.filter((d) => d.ruleId === "expr/type");
}

describe("checkExpressions", () => {
  it("names the features a type error is about, from the operation that holds it, as data", () => {
    const [error] = typeErrors("active_days_90d >= 40 and employees >= 'many'");
    expect(error).toMatchObject({ messageId: "problem", path: ["definition", "where"], data: { names: ["employees"] } });
  });

  it("names every feature of an expression that is not a condition", () => {
    const [error] = typeErrors("employees + active_days_90d");
    expect(error).toMatchObject({ message: expect.stringMatching(/must be a condition/), data: { names: ["active_days_90d", "employees"] } });
  });
});
