import { appendFileSync, copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempWorkspace } from "../../test/support/temp-workspace.ts";
import { watchWorkspace, type WorkspaceWatcher } from "./watch-workspace.ts";

const SEGMENT = "segments/usage/heavy.yaml";
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A temp workspace under watch; `until(path)` gathers reported files until a report names `path`. */
function watched(options: { ignore?: (root: string) => string[] } = {}) {
  const ws = tempWorkspace();
  const reports: string[][] = [];
  let wake: (() => void) | undefined;
  const watcher: WorkspaceWatcher = watchWorkspace(ws.root, {
    debounceMs: 50,
    ignore: options.ignore?.(ws.root) ?? [],
    onChange: (files) => {
      reports.push(files);
      wake?.();
    },
  });
  cleanups.push(() => {
    watcher.close();
    ws.remove();
  });
  const file = (path: string) => join(ws.root, path);
  async function until(path: string, timeoutMs = 10_000): Promise<string[]> {
    const seen = new Set<string>();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const report of reports.splice(0)) for (const f of report) seen.add(f);
      if (seen.has(path)) return [...seen].sort();
      if (Date.now() > deadline) throw new Error(`no report named ${path}; got ${JSON.stringify([...seen])}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  }
  /** Replace a file the way sed -i and safe-writing editors do: write a temporary copy, rename it over. */
  const replace = (path: string, text: string, temp: string) => {
    writeFileSync(file(temp), text);
    renameSync(file(temp), file(path));
  };
  return { root: ws.root, watcher, file, until, replace };
}

describe("watchWorkspace", () => {
  it("keeps reporting a file replaced by rename, each time and for plain writes after", async () => {
    const ws = watched();
    ws.replace(SEGMENT, "id: heavy\n# one\n", "segments/usage/sedAb12Cd");
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
    ws.replace(SEGMENT, "id: heavy\n# two\n", "segments/usage/heavy.yaml.tmp");
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
    appendFileSync(ws.file(SEGMENT), "# three\n");
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
    writeFileSync(ws.file("other.yaml"), "id: heavy\n# four\n");
    copyFileSync(ws.file("other.yaml"), ws.file(SEGMENT));
    expect(await ws.until(SEGMENT)).toEqual(["other.yaml", SEGMENT]);
  });

  it("watches folders made after the start, with the files put in them", async () => {
    const ws = watched();
    mkdirSync(ws.file("reviews/2026"), { recursive: true });
    writeFileSync(ws.file("reviews/2026/note.md"), "---\ntitle: A\n---\n");
    expect(await ws.until("reviews/2026/note.md")).toEqual(["reviews/2026/note.md"]);
    appendFileSync(ws.file("reviews/2026/note.md"), "More.\n");
    expect(await ws.until("reviews/2026/note.md")).toEqual(["reviews/2026/note.md"]);
  });

  it("reports removed files, and the files of a removed folder", async () => {
    const ws = watched();
    rmSync(ws.file("data/events.csv"));
    expect(await ws.until("data/events.csv")).toEqual(["data/events.csv"]);
    rmSync(ws.file("segments"), { recursive: true });
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
  });

  it("follows a renamed folder under its new name, and a folder made again under an old one", async () => {
    const ws = watched();
    renameSync(ws.file("segments/usage"), ws.file("segments/lifecycle"));
    expect(await ws.until("segments/lifecycle/heavy.yaml")).toEqual(["segments/lifecycle/heavy.yaml", SEGMENT]);
    appendFileSync(ws.file("segments/lifecycle/heavy.yaml"), "# moved\n");
    expect(await ws.until("segments/lifecycle/heavy.yaml")).toEqual(["segments/lifecycle/heavy.yaml"]);
    mkdirSync(ws.file("segments/usage"));
    writeFileSync(ws.file(SEGMENT), "id: heavy\n");
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
    appendFileSync(ws.file(SEGMENT), "# again\n");
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
  });

  it("never reports editor temporary files, nor a file that came and went between reports", async () => {
    const ws = watched();
    for (const temp of ["segments/usage/.heavy.yaml.swp", "segments/usage/4913", "segments/usage/heavy.yaml~", "segments/usage/#heavy.yaml#"]) {
      writeFileSync(ws.file(temp), "x");
    }
    writeFileSync(ws.file("segments/usage/heavy.yaml.saving"), "id: heavy\n");
    renameSync(ws.file("segments/usage/heavy.yaml.saving"), ws.file(SEGMENT));
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
  });

  it("ignores what builds and tools write: dist/, node_modules, hidden folders and the folders it is told to", async () => {
    const ws = watched({ ignore: (root) => [join(root, "preview")] });
    for (const path of ["dist/index.html", "node_modules/.vite/deps.json", ".astro/data-store.json", ".git/index", "preview/index.html", "preview/pages/a.html"]) {
      mkdirSync(dirname(ws.file(path)), { recursive: true });
      writeFileSync(ws.file(path), "x");
    }
    appendFileSync(ws.file(SEGMENT), "# edited\n");
    expect(await ws.until(SEGMENT)).toEqual([SEGMENT]);
  });

  it("reports nothing once closed", async () => {
    const ws = watched();
    ws.watcher.close();
    appendFileSync(ws.file(SEGMENT), "# after close\n");
    await expect(ws.until(SEGMENT, 1_000)).rejects.toThrow(/no report/);
  });
});
