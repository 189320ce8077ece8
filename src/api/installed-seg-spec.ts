/**
 * How the running Seg was installed, so that `seg init` writes a dependency
 * spec that `npm ci` in CI can install: the version from a registry, the same
 * git spec, or the tarball it was installed from. npm records where a package
 * came from in the lockfiles of the project that installed it: the hidden
 * `node_modules/.package-lock.json` and the project's `package-lock.json`.
 * Anything else (a checkout of Seg, a global install, a linked folder) says
 * nothing about where a new workspace could get it from.
 */
import { existsSync, lstatSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";

export type InstalledSegSpec =
  /** From a registry: the running version is there. */
  | { kind: "registry"; version: string }
  /** From git: the same spec installs it anywhere. */
  | { kind: "git"; spec: string }
  /** From a tarball, still on disk at `path`. */
  | { kind: "tarball"; path: string }
  /** From a tarball or folder that is gone or is not a file, a checkout, a global install: nobody knows. */
  | { kind: "unknown"; version: string; reason: string };

/** The lockfile entry of a package installed at `<project>/node_modules/<name>`. */
interface LockEntry {
  resolved?: string;
  link?: boolean;
}

/**
 * Where the Seg whose package folder is `packageRoot` came from.
 * `version` is the running version.
 */
export function installedSegSpec(packageRoot: string, version: string): InstalledSegSpec {
  const modules = dirname(packageRoot);
  if (basename(modules) !== "node_modules") {
    return { kind: "unknown", version, reason: `Seg runs from ${packageRoot}, not from an npm install` };
  }
  const project = dirname(modules);
  const name = basename(packageRoot);
  const entry = lockEntry(join(modules, ".package-lock.json"), name) ?? lockEntry(join(project, "package-lock.json"), name);
  const resolved = entry?.resolved;
  if (resolved === undefined || entry?.link) {
    return { kind: "unknown", version, reason: `no lockfile of ${project} says where ${name} was installed from` };
  }
  if (/^https?:\/\//.test(resolved)) return { kind: "registry", version };
  if (/^git(\+[a-z]+)?:/.test(resolved)) return { kind: "git", spec: resolved };
  if (resolved.startsWith("file:")) {
    const file = resolved.slice("file:".length);
    const path = isAbsolute(file) ? file : resolve(project, file);
    if (/\.(tgz|tar\.gz|tar)$/.test(path) && existsSync(path) && lstatSync(path).isFile()) return { kind: "tarball", path };
    return { kind: "unknown", version, reason: `it was installed from ${resolved}, which is not a tarball on disk any more` };
  }
  return { kind: "unknown", version, reason: `it was installed from ${resolved}` };
}

function lockEntry(file: string, name: string): LockEntry | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const lock = JSON.parse(readFileSync(file, "utf8")) as { packages?: Record<string, LockEntry> };
    return lock.packages?.[`node_modules/${name}`];
  } catch {
    return undefined;
  }
}
