import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { installedSegSpec } from "./installed-seg-spec.ts";

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A project with seg installed under node_modules/seg, and `entry` as npm's record of it in the given lockfile. */
function project(entry: Record<string, unknown> | undefined, lockfile: "node_modules/.package-lock.json" | "package-lock.json" = "node_modules/.package-lock.json"): { root: string; seg: string } {
  const root = mkdtempSync(join(tmpdir(), "seg-spec-"));
  dirs.push(root);
  const seg = join(root, "node_modules", "seg");
  mkdirSync(seg, { recursive: true });
  if (entry) writeFileSync(join(root, lockfile), JSON.stringify({ lockfileVersion: 3, packages: { "": {}, "node_modules/seg": entry } }));
  return { root, seg };
}

describe("installedSegSpec", () => {
  it("says registry when npm resolved seg to a registry URL", () => {
    const { seg } = project({ version: "0.1.0", resolved: "https://registry.example/seg/-/seg-0.1.0.tgz", integrity: "sha512-x" });
    expect(installedSegSpec(seg, "0.1.0")).toEqual({ kind: "registry", version: "0.1.0" });
  });

  it("finds the tarball a file: spec points at, relative to the project, in either lockfile", () => {
    for (const lockfile of ["node_modules/.package-lock.json", "package-lock.json"] as const) {
      const { root, seg } = project({ version: "0.1.0", resolved: "file:vendor/seg-0.1.0.tgz" }, lockfile);
      mkdirSync(join(root, "vendor"));
      writeFileSync(join(root, "vendor/seg-0.1.0.tgz"), "tarball");
      expect(installedSegSpec(seg, "0.1.0")).toEqual({ kind: "tarball", path: join(root, "vendor/seg-0.1.0.tgz") });
    }
  });

  it("keeps a git spec as it is", () => {
    const { seg } = project({ version: "0.1.0", resolved: "git+ssh://git@example.com/acme/seg.git#0123abcd" });
    expect(installedSegSpec(seg, "0.1.0")).toEqual({ kind: "git", spec: "git+ssh://git@example.com/acme/seg.git#0123abcd" });
  });

  it("does not know when the tarball is gone, seg is a link, nothing records it, or it is no npm install", () => {
    expect(installedSegSpec(project({ version: "0.1.0", resolved: "file:gone.tgz" }).seg, "0.1.0")).toMatchObject({ kind: "unknown", reason: "it was installed from file:gone.tgz, which is not a tarball on disk any more" });
    expect(installedSegSpec(project({ resolved: "../seg", link: true }).seg, "0.1.0")).toMatchObject({ kind: "unknown", version: "0.1.0" });
    expect(installedSegSpec(project(undefined).seg, "0.1.0")).toMatchObject({ kind: "unknown", reason: expect.stringContaining("no lockfile of") });
    expect(installedSegSpec("/opt/seg-checkout", "0.1.0")).toEqual({ kind: "unknown", version: "0.1.0", reason: "Seg runs from /opt/seg-checkout, not from an npm install" });
  });
});
