import { describe, expect, it } from "vitest";
import { expectFileSnapshot } from "../../test/support/file-snapshot.ts";
import { findings, fixtureOptions, RESULTS_DIR } from "../../test/support/results-fixture.ts";
import { json } from "./json.ts";

describe("json formatter", () => {
  it("matches the snapshot of the shared results", () => {
    expectFileSnapshot(json(findings, fixtureOptions), `${RESULTS_DIR}/findings.json-format.json`);
  });

  it("describes every rule that fired, built-in checks from the checks registry", () => {
    const out = JSON.parse(json(findings, fixtureOptions)) as { rules: Record<string, { description: string; defaultSeverity: string }> };
    expect(Object.keys(out.rules)).toEqual(["schema/unknown-key", "segment-count", "stale-review", "stated-total-mismatch", "suppressions/unused", "weights-sum"]);
    expect(out.rules["schema/unknown-key"]).toMatchObject({ description: "Files use only the keys their schema declares", defaultSeverity: "error", hint: "Remove the key, or correct its spelling." });
  });
});
