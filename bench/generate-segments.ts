/**
 * A workspace with many segments for the `seg check` benchmark: the example
 * workspace at the repository root (config, data, personas, hypotheses) with
 * `count` more segments spread over its two schemes, each a rule over the
 * example's features. Written to a temporary folder; returns its path.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO = resolve(import.meta.dirname, "..");
/** The market scheme is prioritized: its segments need a score per factor. */
const SCORES = "scores: { market_size: 5, revenue_potential: 5, fit: 5, ease_of_acquisition: 5, strategic_value: 5 }\n";

export function generateSegmentsWorkspace(count: number): string {
  const root = mkdtempSync(join(tmpdir(), `seg-bench-${count}-segments-`));
  for (const entry of ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "data"]) {
    cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
  const schemes = ["lifecycle", "market"];
  for (let i = 0; i < count; i++) {
    const scheme = schemes[i % schemes.length]!;
    const id = `generated-${String(i + 1).padStart(4, "0")}`;
    const where =
      scheme === "lifecycle"
        ? `active_days_90d >= ${i % 60} and workflow_runs_90d < ${10 + (i % 90)} and tickets_90d <= ${i % 7}`
        : `employees >= ${(i * 7) % 2000} and plan != 'free' and industry in ('software', 'agency', 'commerce')`;
    mkdirSync(join(root, "segments", scheme), { recursive: true });
    writeFileSync(
      join(root, "segments", scheme, `${id}.yaml`),
      `id: ${id}\nname: Generated segment ${i + 1}\nsummary: A generated rule segment for the check benchmark.\nstatus: proposed\napproach: behavioral\norder: ${100 + i}\ndefinition:\n  where: ${where}\n${scheme === "market" ? SCORES : ""}`,
    );
  }
  return root;
}
