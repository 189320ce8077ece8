/**
 * `seg dev` as a subprocess: it serves the playbook from Astro's dev server and
 * keeps it in step with the workspace through the edits real tools make (a
 * file replaced by rename, as sed -i, editors and os.replace do, again and
 * again; a plain append; a folder made after the start); on the example, a
 * segment's new name shows on the served page and in an open browser page,
 * an invalid edit is reported at its file, line and column while the last
 * good playbook stays served, and a definition edit after name edits (whose
 * figures are reused) shows the segment's new size. It refuses a busy port before it checks, and
 * takes build's data and engine options.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg, SEG_BIN } from "../../support/run-seg.ts";
import { segDevEnv } from "../../support/run-seg-dev.ts";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace } from "../../support/temp-workspace.ts";
import { launchChromium, skipReason } from "../site/support/chromium.ts";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The first check and Astro's start take seconds, more on a busy machine. */
const BUILD_TIMEOUT_MS = 90_000;

/** The segment with its summary last, as a block, so an appended indented line extends the summary. */
const segment = (summary: string) => `${BASE_SEGMENT.replace(/^summary: .*\n/m, "")}summary: |-\n  ${summary}\n`;

interface DevServer {
  url: string;
  output(): string;
}

/** Start seg dev on a free port and wait until it serves; it is stopped after the test. */
async function startDev(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<DevServer> {
  const child: ChildProcess = spawn(process.execPath, [SEG_BIN, "dev", "--port", "0", ...args], { cwd, env: segDevEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  });
  const output = () => `${stdout}${stderr ? `\n[stderr]\n${stderr}` : ""}`;
  const url = await poll(async () => /Serving the playbook at (http:\/\/\S+) /.exec(stdout)?.[1] ?? (child.exitCode !== null ? fail(output()) : undefined), output);
  return { url, output };
}

/** The example workspace (the repository root) copied to a temporary folder, with its lock. */
function exampleCopy(): string {
  const example = resolve(import.meta.dirname, "../../..");
  const root = mkdtempSync(join(tmpdir(), "seg-dev-example-"));
  for (const entry of ["segmentation.yaml", "segments.lock.json", "segments", "personas", "hypotheses", "reviews", "data"]) cpSync(join(example, entry), join(root, entry), { recursive: true });
  return root;
}

function fail(output: string): never {
  throw new Error(`seg dev exited:\n${output}`);
}

/** Poll until `get` returns a value, or fail after BUILD_TIMEOUT_MS showing seg dev's output. */
async function poll<T>(get: () => Promise<T | undefined>, output: () => string): Promise<T> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out; seg dev printed:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Wait until the page at `path` contains `text`. */
async function served(dev: DevServer, path: string, text: string): Promise<string> {
  return poll(async () => {
    const response = await fetch(new URL(path, dev.url)).catch(() => undefined);
    const html = response?.ok ? await response.text() : "";
    return html.includes(text) ? html : undefined;
  }, () => `${dev.output()}\n(waiting for "${text}" on ${path})`);
}

/** The "Changed: …" lines seg dev printed so far. */
const changes = (dev: DevServer) => dev.output().split("\n").filter((line) => line.startsWith("Changed:"));

/** Replace a file the way sed -i, editors' safe write and os.replace do: write a temporary file beside it, rename it over. */
function replaceByRename(file: string, text: string, tempName: string): void {
  const temp = join(file, "..", tempName);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

describe("seg dev", () => {
  it("updates after every rename-replacement of a file, a plain append, files in a folder made after the start, and a data edit", async () => {
    const ws = tempWorkspace({ "segments/usage/heavy.yaml": segment("Accounts active most days.") });
    cleanups.push(ws.remove);
    expect(runSeg(["lock"], { cwd: ws.root }).status).toBe(0);
    const dev = await startDev(["--root", ws.root], ws.root);
    const file = join(ws.root, "segments/usage/heavy.yaml");
    await served(dev, "segments/heavy/", "Accounts active most days.");

    // sed -i's way, then the backup and swap file an editor keeps: the log names the segment, never the others.
    replaceByRename(file, segment("First replacement."), "sedAb12Cd");
    writeFileSync(`${file}~`, segment("Accounts active most days."));
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(join(ws.root, "segments/usage/.heavy.yaml.swp"), "vim swap");
    await served(dev, "segments/heavy/", "First replacement.");
    expect(changes(dev)).toEqual(["Changed: segments/usage/heavy.yaml. Updating…"]);
    replaceByRename(file, segment("Second replacement."), "heavy.yaml.tmp");
    await served(dev, "segments/heavy/", "Second replacement.");
    appendFileSync(file, "  Appended line.\n");
    await served(dev, "segments/heavy/", "Appended line.");
    expect(changes(dev)).toEqual(Array(3).fill("Changed: segments/usage/heavy.yaml. Updating…"));

    mkdirSync(join(ws.root, "reviews"));
    writeFileSync(join(ws.root, "reviews/2026-10-20-dev-check.md"), "---\ndate: 2026-10-20\ntitle: Watcher check\nauthor: Ana\n---\n\nA note.\n");
    await served(dev, "reviews/", "Watcher check");
    writeFileSync(join(ws.root, "reviews/2026-10-20-dev-check.md"), "---\ndate: 2026-10-20\ntitle: Watcher check, revised\nauthor: Ana\n---\n\nA note.\n");
    await served(dev, "reviews/", "Watcher check, revised");
    expect(changes(dev).slice(3)).toEqual(Array(2).fill("Changed: reviews/2026-10-20-dev-check.md. Updating…"));

    // A data edit: the events source gains two rows. The lock no longer matches the data, an error, so the
    // page keeps its numbers until seg lock records them; then the Data page counts them.
    await served(dev, "data/", "<dt>Rows</dt><dd>1</dd>");
    appendFileSync(join(ws.root, "data/events.csv"), "A1,2026-10-02 10:00:00,login\nA2,2026-10-03 10:00:00,login\n");
    await poll(async () => (/Not updated/.test(dev.output()) ? true : undefined), dev.output);
    expect(dev.output()).toMatch(/segments\.lock\.json is out of date: data file data\/events\.csv of source "events" changed \(rows 1 → 3\)/);
    await served(dev, "data/", "<dt>Rows</dt><dd>1</dd>");
    expect(runSeg(["lock"], { cwd: ws.root }).status).toBe(0);
    await served(dev, "data/", "<dt>Rows</dt><dd>3</dd>");
    expect(changes(dev).slice(5)).toEqual(["Changed: data/events.csv. Updating…", "Changed: segments.lock.json. Updating…"]);
    expect(dev.output()).not.toMatch(/sedAb12Cd|heavy\.yaml(\.tmp|\.swp|~)|Update failed/);
    expect(dev.output().match(/Not updated/g)).toHaveLength(1);
  }, 600_000);

  it("shows a segment's new name on the served page and in an open browser page; an invalid edit is reported at its line and column, and the last good page stays", async () => {
    const root = exampleCopy();
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    // Under a base path, as on GitHub Pages, and with NODE_ENV=production in the shell: seg dev still updates.
    const dev = await startDev(["--root", root, "--base", "/playbook"], root, { NODE_ENV: "production" });
    expect(dev.url).toMatch(/\/playbook\/$/);
    const file = join(root, "segments/lifecycle/power-users.yaml");
    const original = readFileSync(file, "utf8");
    expect(original).toMatch(/^name: Power Users$/m);
    await served(dev, "segments/power-users/", "Power Users");

    // The browser holds the page open: the reload script (allowed by the page's CSP by its hash) reloads it.
    // The CSP refuses the scripts Astro's dev server adds (Vite's client, a stylesheet's module; the style itself is inline).
    const browser = skipReason() === undefined ? await launchChromium() : undefined;
    cleanups.push(async () => browser?.close());
    const page = await browser?.newPage();
    const refused: string[] = [];
    page?.on("response", (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    });
    page?.on("console", (message) => {
      const devServerScript = /^Loading the script '[^']*\/(?:@vite\/client|@fs\/[^']*\.css)' violates the following Content Security Policy directive/;
      if (message.type() === "error" && !devServerScript.test(message.text())) refused.push(message.text());
    });
    await page?.goto(new URL("segments/power-users/", dev.url).href);
    if (page) expect(await page.textContent("h1")).toContain("Power Users");

    writeFileSync(file, original.replace(/^name: Power Users$/m, "name: Power Squad"));
    await served(dev, "segments/power-users/", "Power Squad");
    // A name feeds no figure: the last recompute is reused.
    await poll(async () => (/^Updated in [\d.]+ s \(figures reused: the edit changes none\)\.$/m.test(dev.output()) ? true : undefined), dev.output);
    await served(dev, "segments/", "Power Squad");
    if (page) await poll(async () => ((await page.textContent("h1").catch(() => "")) ?? "").includes("Power Squad") || undefined, dev.output);
    expect(refused).toEqual([]);

    // Invalid: an unknown status. Reported with the file and the value's line and column; the last good page stays.
    writeFileSync(file, original.replace(/^name: Power Users$/m, "name: Power Crew").replace(/^status: active$/m, "status: sideways"));
    const line = original.split("\n").findIndex((l) => l === "status: active") + 1;
    await poll(async () => (dev.output().includes("Not updated") ? true : undefined), dev.output);
    expect(dev.output()).toMatch(new RegExp(`segments/lifecycle/power-users\\.yaml\\n(?:\\s+.*\\n)*?\\s+${line}:9\\s+error\\s`));
    const kept = await (await fetch(new URL("segments/power-users/", dev.url))).text();
    expect(kept).toContain("Power Squad");
    expect(kept).not.toContain("Power Crew");

    // Fixed again: served again.
    writeFileSync(file, original.replace(/^name: Power Users$/m, "name: Power Crew"));
    await served(dev, "segments/power-users/", "Power Crew");

    // After name edits, whose figures seg dev reuses, a definition edit is recomputed: once seg lock records the
    // new figures (until then the stale lock is an error and the last good page stays), the page shows the new size.
    const lock = () => JSON.parse(readFileSync(join(root, "segments.lock.json"), "utf8")) as { schemes: Record<string, { segments: Record<string, { count: number }> }> };
    const members = async () => /Members<\/p>\s*<p class="value">([\d,]+)</.exec(await (await fetch(new URL("segments/power-users/", dev.url))).text())?.[1];
    const before = lock().schemes.lifecycle!.segments["power-users"]!.count;
    expect(await members()).toBe(before.toLocaleString("en-US"));
    writeFileSync(file, original.replace(/^name: Power Users$/m, "name: Power Crew").replace("where: active_days_90d >= 40 and", "where: active_days_90d >= 60 and"));
    await poll(async () => (dev.output().match(/Not updated/g)?.length === 2 ? true : undefined), dev.output);
    expect(runSeg(["lock"], { cwd: root }).status).toBe(0);
    const after = lock().schemes.lifecycle!.segments["power-users"]!.count;
    expect(after).toBeLessThan(before);
    await poll(async () => ((await members()) === after.toLocaleString("en-US") ? true : undefined), dev.output);
    expect(dev.output()).not.toMatch(/Update failed/);
  }, 600_000);

  it("serves the prioritization page once an edit adds a prioritization: section, and 404 once one removes it, without a restart", async () => {
    const without = BASE_CONFIG.replace(/^prioritization:\n(?: .*\n)+/m, "");
    const unscored = BASE_SEGMENT.replace(/^scores: .*\n/m, "");
    expect(without).not.toContain("prioritization:");
    const ws = tempWorkspace({ "segmentation.yaml": without, "segments/usage/heavy.yaml": unscored });
    cleanups.push(ws.remove);
    expect(runSeg(["lock"], { cwd: ws.root }).status).toBe(0);
    const dev = await startDev(["--root", ws.root], ws.root);
    const status = async (path: string) => (await fetch(new URL(path, dev.url))).status;
    expect(await status("prioritization/")).toBe(404);

    ws.write("segmentation.yaml", BASE_CONFIG);
    ws.write("segments/usage/heavy.yaml", BASE_SEGMENT);
    expect(runSeg(["lock"], { cwd: ws.root }).status).toBe(0);
    await served(dev, "prioritization/", "<h1>Prioritization");

    // Taken away again: the page is gone (it was a server error on a model without a prioritization).
    ws.write("segmentation.yaml", without);
    ws.write("segments/usage/heavy.yaml", unscored);
    expect(runSeg(["lock"], { cwd: ws.root }).status).toBe(0);
    await poll(async () => ((await status("prioritization/")) === 404 ? true : undefined), dev.output);
    expect(dev.output()).not.toMatch(/Update failed|Internal server error|TypeError/);
  }, 600_000);

  it("refuses a port in use before it builds, saying what to do", async () => {
    // A workspace that would build, so nothing but the port stops seg dev.
    const ws = tempWorkspace();
    cleanups.push(ws.remove);
    expect(runSeg(["lock"], { cwd: ws.root }).status).toBe(0);
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const port = (other.address() as { port: number }).port;

    const run = runSeg(["dev", "--port", String(port)], { cwd: ws.root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`seg dev: port ${port} on 127.0.0.1 is in use. Stop the other server or pick another port with --port (0 picks a free one).\n`);
    expect(run.stdout).toBe("");
  });

  it("checks --threads and --memory-limit as seg build does, before it builds", () => {
    const ws = tempWorkspace();
    cleanups.push(ws.remove);
    const threads = runSeg(["dev", "--port", "0", "--threads", "0"], { cwd: ws.root });
    expect(threads.status).toBe(2);
    expect(threads.stderr).toBe("seg dev: --threads needs a whole number of 1 or more, not 0.\n");
    const memory = runSeg(["dev", "--port", "0", "--memory-limit", "lots"], { cwd: ws.root });
    expect(memory.status).toBe(2);
    expect(memory.stderr).toMatch(/^seg dev: --memory-limit needs a size such as 4GB/);
    expect(`${threads.stdout}${memory.stdout}`).toBe("");
  });

  it("reads the data from --data-dir and passes --threads, --memory-limit and --no-cache to the build", async () => {
    const ws = tempWorkspace();
    cleanups.push(ws.remove);
    const dataDir = mkdtempSync(join(tmpdir(), "seg-dev-data-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    renameSync(join(ws.root, "data"), join(dataDir, "data"));
    expect(runSeg(["lock", "--data-dir", dataDir], { cwd: ws.root }).status).toBe(0);

    const dev = await startDev(["--data-dir", dataDir, "--threads", "1", "--memory-limit", "512MB", "--no-cache"], ws.root);
    await served(dev, "", "Test segmentation");
    expect(dev.output()).not.toMatch(/does not exist|Update failed/);
  }, 300_000);
});
