/**
 * `seg dev` as a library call: check the workspace and serve its playbook
 * from Astro's dev server, then `refresh` after each workspace edit. A refresh
 * checks the workspace again (the engine's caches keep unchanged sources and
 * results, so only what an edit touched is recomputed, and an edit to what the
 * engine does not read reuses the last recompute: engine/engine-memo.ts), and when it has no
 * errors swaps the new site model into the running server, restages the
 * persona and review files that changed and reloads open pages; when it has
 * errors, the last good playbook stays served.
 *
 * The dev server keeps every property of `seg build`'s Astro run (api/build.ts):
 * Astro's root is a stage outside the workspace holding only validated files,
 * with Seg's own configuration (no astro.config.*, vite.config.*, .env), the
 * seg-workspace-guard refusing any module from elsewhere, Vite serving files
 * only from the stage, its cache and Seg's own folders, and the pages'
 * Content-Security-Policy (site/live-playbook.ts adds only its reload script).
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockHistory } from "../diff/history.ts";
import type { CheckResult } from "../lint/check-result.ts";
import { playbookConfig } from "../site/astro-config.ts";
import { LivePlaybook } from "../site/live-playbook.ts";
import { ChartCache } from "../site/model/render-site-charts.ts";
import { buildSiteModel } from "../site/model/site-model.ts";
import { registerDocuments } from "../site/playbook-documents.ts";
import { restagePlaybook, stagePlaybook } from "../site/stage.ts";
import { playbookCacheDir, sitePathBase } from "./build.ts";
import { check, type CheckOptions } from "./check.ts";
import { playbookStage } from "./playbook-stage.ts";

export interface DevOptions extends CheckOptions {
  /** Base path, e.g. /playbook (else site.base in segmentation.yaml). */
  base?: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
}

export interface DevServer {
  /** The playbook's URL, base included, with a trailing slash. */
  url: string;
  /**
   * Check the workspace again and, when it has no errors, serve what it makes now. `reused`: the edit left the
   * engine's inputs as they were, so the figures are the last recompute's (engine/engine-memo.ts).
   */
  refresh(): Promise<{ check: CheckResult; reused: boolean }>;
  close(): Promise<void>;
}

export type DevStart = { check: CheckResult; server: DevServer } | { check: CheckResult; server: undefined };

export async function startDev(devOptions: DevOptions): Promise<DevStart> {
  // An edit to words only (a name, a summary, a persona) leaves the engine's inputs as they were: its figures are reused.
  const memo = new (await import("../engine/engine-memo.ts")).EngineMemo();
  const options: DevOptions = { ...devOptions, engineMemo: memo };
  const first = await check(options);
  if (first.counts.error > 0) return { check: first, server: undefined };
  const base = options.base ?? sitePathBase(first.workspace.config?.value.site?.base);
  const history = lockHistory(first.root);
  const charts = new ChartCache();
  const live = new LivePlaybook(await buildSiteModel(first, { base, history, charts }), base);
  let staged = playbookStage(first);
  const stageParent = mkdtempSync(join(tmpdir(), "seg-dev-"));
  const stage = stagePlaybook(stageParent, staged.input);
  // Registering again after an edit replaces the documents; withdrawing removes whatever is registered then.
  const withdraw = registerDocuments(stage, staged.documents);
  const { dev } = await import("astro");
  let astro;
  const before = signalListeners();
  try {
    astro = await dev(
      playbookConfig({
        stage,
        workspace: first.root,
        outDir: join(stageParent, "dist"),
        // Apart from seg build's: a build run while seg dev serves must not share Astro's content store.
        cacheDir: `${playbookCacheDir(first.root)}-dev`,
        model: live.model,
        base,
        logLevel: options.logLevel,
        live,
        host: options.host,
        port: options.port,
      }),
    );
  } catch (error) {
    withdraw();
    rmSync(stageParent, { recursive: true, force: true });
    throw error;
  }
  // Vite stops the process on SIGTERM (and when stdin ends) once its server is closed, which would skip
  // removing the stage; the caller stops the server instead, with close().
  for (const [emitter, event, listeners] of signalListeners()) {
    for (const listener of listeners) if (!before.some(([e, v, known]) => e === emitter && v === event && known.includes(listener))) emitter.off(event, listener);
  }
  const server = astro;
  const refresh = async (): Promise<{ check: CheckResult; reused: boolean }> => {
    const hits = memo.hits;
    const result = await check(options);
    if (result.counts.error > 0) return { check: result, reused: memo.hits > hits };
    const next = playbookStage(result);
    restagePlaybook(stage, staged.input, next.input);
    // The content collections are synced again only when a persona or review changed.
    const documentsChanged = JSON.stringify(next.documents) !== JSON.stringify(staged.documents);
    staged = next;
    registerDocuments(stage, staged.documents);
    await live.update(await buildSiteModel(result, { base, history, charts }), { documentsChanged });
    return { check: result, reused: memo.hits > hits };
  };
  const close = async () => {
    live.close();
    await server.stop();
    withdraw();
    rmSync(stageParent, { recursive: true, force: true });
  };
  return { check: first, server: { url: urlOf(server.address, base), refresh, close } };
}

type Listener = (...args: unknown[]) => void;

function signalListeners(): [NodeJS.EventEmitter, string, Listener[]][] {
  return [
    [process, "SIGTERM", process.listeners("SIGTERM") as Listener[]],
    [process.stdin, "end", process.stdin.listeners("end") as Listener[]],
  ];
}

function urlOf(address: AddressInfo, base: string | undefined): string {
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}${base ?? ""}/`;
}
