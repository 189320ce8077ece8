import { describe, expect, it } from "vitest";
import { expectFileSnapshot } from "../../test/support/file-snapshot.ts";
import { findings, fixtureOptions, RESULTS_DIR } from "../../test/support/results-fixture.ts";
import { stylish } from "./stylish.ts";

describe("stylish formatter", () => {
  it("matches the snapshot of the shared results", () => {
    expectFileSnapshot(stylish(findings, fixtureOptions), `${RESULTS_DIR}/findings.stylish.txt`);
  });

  it("shows how many findings are suppressed", () => {
    expect(stylish(findings, fixtureOptions).trimEnd().split("\n").at(-1)).toBe("✖ 8 problems (3 errors, 4 warnings, 1 info) · 3 suppressed");
    expect(stylish({ root: "/w", asOf: "2026-11-01", diagnostics: [], counts: { error: 0, warning: 0, info: 0 }, suppressed: 3 }, { color: false })).toBe("✔ No problems (as of 2026-11-01; 3 suppressed).\n");
  });
});
