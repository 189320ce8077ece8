/**
 * The example workspace (the repository root), copied to a temporary folder
 * with three additions a reader of the example would not want but the tests
 * need: a persona sentence binding a number with <Metric/>, HTML in a
 * segment's summary (it must show as text), and a fresh lock; the site is
 * built under a base path as on GitHub Pages. Built once per test file.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, type BuildResult } from "../../../../src/api/build.ts";
import { lock } from "../../../../src/api/lock.ts";

export const EXAMPLE_ROOT = resolve(import.meta.dirname, "../../../..");
export const BASE = "/playbook";
export const HOSTILE_SUMMARY = `<script>window.__segInjected = true</script><b>not bold</b> & "quoted"`;
export const METRIC_SENTENCE = 'Sarah\'s segment is <Metric segment="power-users" metric="share" expected="15%" tolerance="2pt" /> of all accounts.';

const COPY = ["segmentation.yaml", "segments.lock.json", "segments", "personas", "hypotheses", "reviews", "data"];

export interface ExampleSite {
  root: string;
  outDir: string;
  result: BuildResult;
  remove(): void;
}

/** `edit` changes the copy (before the lock and the build) for one test file's needs. */
export async function buildExampleSite(edit?: (root: string) => void): Promise<ExampleSite> {
  process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
  const root = mkdtempSync(join(tmpdir(), "seg-site-"));
  for (const entry of COPY) {
    if (existsSync(join(EXAMPLE_ROOT, entry))) cpSync(join(EXAMPLE_ROOT, entry), join(root, entry), { recursive: true });
  }
  const persona = join(root, "personas/scaling-sarah.mdx");
  writeFileSync(persona, `${readFileSync(persona, "utf8").trimEnd()}\n\n## By the numbers\n\n${METRIC_SENTENCE}\n`);
  const segment = join(root, "segments/lifecycle/power-users.yaml");
  writeFileSync(segment, readFileSync(segment, "utf8").replace(/^summary: >-\n/m, `summary: >-\n  ${HOSTILE_SUMMARY.replaceAll("\\", "\\\\")}\n`));
  edit?.(root);
  // The site, not the lock, is under test: record this copy's own results first.
  await lock({ root, today: "2026-11-01" });
  const outDir = join(root, "dist");
  const result = await build({ root, outDir, base: BASE, site: "https://example.github.io", today: "2026-11-01", logLevel: "error" });
  // SEG_KEEP_SITE=1 keeps the built site for a look after the tests.
  return { root, outDir, result, remove: () => (process.env.SEG_KEEP_SITE ? undefined : rmSync(root, { recursive: true, force: true })) };
}
