/**
 * Watch a workspace for `seg dev`: report, once things go quiet, which
 * workspace files were added, changed or removed.
 *
 * It watches every folder of the workspace on its own (non-recursive
 * `fs.watch`), not each file and not with `{ recursive: true }`: on Linux,
 * Node's recursive watch follows files, so a file replaced by rename (sed -i,
 * most editors' safe write, os.replace) is seen once and then never again. A
 * folder's watch sees its entries by name, however they are replaced. Whenever
 * entries appear or disappear the tree is walked again: new folders get a
 * watch, removed or replaced ones lose theirs, and the files found or missing
 * are compared with the last walk. So a file that came and went between two
 * walks (an editor's temporary copy, whatever its name) is never reported, and
 * a folder made after the start, with the files put in it, is.
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { join, resolve, sep } from "node:path";
import { ignoredByWatch } from "./ignored-by-watch.ts";
import { isInsideFolder } from "../workspace/is-inside-folder.ts";

export interface WatchWorkspaceOptions {
  /** Called once per quiet spell with the workspace files (relative to the root, "/"-separated, sorted) added, changed or removed. */
  onChange(files: string[]): void;
  /** A folder that could not be watched (the system's limit on watches, permissions); the rest is still watched. */
  onError?(message: string): void;
  /** Absolute folders inside the workspace never to watch, e.g. an output folder. */
  ignore?: readonly string[];
  /** How long things must stay quiet before a change is reported; default 200 ms. */
  debounceMs?: number;
}

export interface WorkspaceWatcher {
  close(): void;
}

interface FolderWatch {
  watcher: FSWatcher;
  /** Device and inode: a folder removed and made again under the same name needs a new watch. */
  identity: string;
}

export function watchWorkspace(root: string, options: WatchWorkspaceOptions): WorkspaceWatcher {
  const watches = new FolderWatches(resolve(root), options);
  return { close: () => watches.close() };
}

class FolderWatches {
  readonly #base: string;
  readonly #options: WatchWorkspaceOptions;
  readonly #ignoredFolders: readonly string[];
  readonly #folders = new Map<string, FolderWatch>();
  /** Folders whose watch failed and was reported, so it is reported once. */
  readonly #failed = new Set<string>();
  /** The files found by the last walk. */
  #files: Set<string>;
  /** Paths named by events since the last report. */
  readonly #touched = new Set<string>();
  #rewalk = false;
  #closed = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(base: string, options: WatchWorkspaceOptions) {
    this.#base = base;
    this.#options = options;
    this.#ignoredFolders = (options.ignore ?? []).map((folder) => resolve(folder));
    this.#files = this.#walk();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const folder of this.#folders.values()) folder.watcher.close();
    this.#folders.clear();
  }

  #ignored(rel: string): boolean {
    return ignoredByWatch(rel) || this.#ignoredFolders.some((folder) => isInsideFolder(join(this.#base, rel), folder));
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), this.#options.debounceMs ?? 200);
  }

  #onEvent(folder: string, event: string, name: string | null): void {
    if (this.#closed) return;
    // No name: the system dropped events; look at everything again.
    if (name === null) this.#rewalk = true;
    else {
      const path = toPosix(join(folder, name));
      if (this.#ignored(path)) return;
      this.#touched.add(path);
      if (event === "rename") this.#rewalk = true;
    }
    this.#schedule();
  }

  #arm(rel: string, identity: string): void {
    try {
      const watcher = watch(join(this.#base, rel), (event, name) => this.#onEvent(rel, event, name === null ? null : name.toString()));
      watcher.on("error", () => {
        watcher.close();
        if (this.#folders.get(rel)?.watcher === watcher) this.#folders.delete(rel);
        this.#rewalk = true;
        this.#schedule();
      });
      this.#folders.set(rel, { watcher, identity });
      this.#failed.delete(rel);
    } catch (error) {
      if (!this.#failed.has(rel)) this.#options.onError?.(`cannot watch ${rel || "."}: ${errorText(error)}`);
      this.#failed.add(rel);
    }
  }

  /** Walk the tree, bring the folder watches in line with it, and return the files found. */
  #walk(): Set<string> {
    const found = new Set<string>();
    const seen = new Set<string>();
    const visit = (rel: string) => {
      const identity = folderIdentity(join(this.#base, rel));
      if (identity === undefined) return;
      seen.add(rel);
      const current = this.#folders.get(rel);
      if (current?.identity !== identity) {
        current?.watcher.close();
        this.#folders.delete(rel);
        this.#arm(rel, identity);
      }
      let entries;
      try {
        entries = readdirSync(join(this.#base, rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = toPosix(join(rel, entry.name));
        if (this.#ignored(path)) continue;
        if (entry.isDirectory()) visit(path);
        else found.add(path);
      }
    };
    visit("");
    for (const [rel, folder] of this.#folders) {
      if (seen.has(rel)) continue;
      folder.watcher.close();
      this.#folders.delete(rel);
    }
    return found;
  }

  /** Report what changed since the last report: files that appeared or went (on a new walk) and known files written to. */
  #flush(): void {
    if (this.#closed) return;
    const changed = new Set<string>();
    const before = this.#files;
    if (this.#rewalk) {
      this.#rewalk = false;
      this.#files = this.#walk();
      for (const file of this.#files) if (!before.has(file)) changed.add(file);
      for (const file of before) if (!this.#files.has(file)) changed.add(file);
    }
    for (const path of this.#touched) if (this.#files.has(path) || before.has(path)) changed.add(path);
    this.#touched.clear();
    if (changed.size > 0) this.#options.onChange([...changed].sort());
  }
}

function folderIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}


function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC") return "the system's limit on watched folders is reached (raise fs.inotify.max_user_watches)";
  return code ?? (error instanceof Error ? error.message : String(error));
}
