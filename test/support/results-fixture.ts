/**
 * The shared check result every formatter is snapshot-tested against
 * (test/fixtures/results/findings.json): errors, warnings and info across four
 * files, text that needs escaping in every format, and source text for
 * fingerprints. The workspace sits in the folder "playbook" of its repository.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { FormatInput, FormatOptions } from "../../src/formatters/formatter.ts";

export const RESULTS_DIR = "test/fixtures/results";

export const findings: FormatInput = JSON.parse(readFileSync(resolve(import.meta.dirname, "../fixtures/results/findings.json"), "utf8")) as FormatInput;

export const fixtureOptions: FormatOptions = { color: false, pathPrefix: "playbook" };

/** `n` findings of each severity in one file, for limit tests. */
export function manyFindings(n: number, text = "Finding number {i} in a long series."): FormatInput {
  const diagnostics = (["error", "warning", "info"] as const).flatMap((severity) =>
    Array.from({ length: n }, (_, i) => ({
      ruleId: "stale-review",
      severity,
      message: text.replace("{i}", String(i + 1)),
      file: `segments/market/s${String(i).padStart(5, "0")}.yaml`,
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 5,
      hint: "Review it with its owner.",
    })),
  );
  return { root: "/work/acme", asOf: "2026-11-01", diagnostics, counts: { error: n, warning: n, info: n } };
}
