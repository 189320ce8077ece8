/**
 * Take the README's screenshots of the playbook: build the example workspace
 * (a temporary copy of the repository root, locked first so a stale lock does
 * not stop it), serve it, and capture the overview and a persona page with the
 * system Chromium into docs/screenshots/. Run by hand:
 *
 *   node scripts/take-screenshots.ts [--persona scaling-sarah] [--scheme light|dark]
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { build } from "../src/api/build.ts";
import { lock } from "../src/api/lock.ts";
import { serveStatic } from "../src/site/serve-static.ts";

const REPO = resolve(import.meta.dirname, "..");
const OUT = join(REPO, "docs/screenshots");
const CHROMIUM = "/usr/bin/chromium";

const { values } = parseArgs({ options: { persona: { type: "string", default: "scaling-sarah" }, scheme: { type: "string", default: "light" } } });
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`${CHROMIUM} is missing; install the chromium package first.\n`);
  process.exit(2);
}
process.env.ASTRO_TELEMETRY_DISABLED ??= "1";

const root = mkdtempSync(join(tmpdir(), "seg-screenshots-"));
try {
  for (const entry of ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "data"]) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  await lock({ root, today: "2026-11-01" });
  const result = await build({ root, outDir: join(root, "dist"), today: "2026-11-01", logLevel: "error" });
  if (!result.outDir) {
    process.stderr.write(`The example does not build:\n${result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join("\n")}\n`);
    process.exit(1);
  }
  const server = await serveStatic({ dir: result.outDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1, colorScheme: values.scheme === "dark" ? "dark" : "light" });
    const page = await context.newPage();
    mkdirSync(OUT, { recursive: true });
    for (const [name, path] of [["overview", ""], ["persona", `personas/${values.persona}/`]] as const) {
      await page.goto(new URL(path, server.url).href, { waitUntil: "networkidle" });
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      process.stdout.write(`Wrote docs/screenshots/${name}.png\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
