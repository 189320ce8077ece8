import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { init } from "./init.ts";

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-init-api-"));
  dirs.push(dir);
  return dir;
}

const seg = (root: string) => (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies: { seg: string } }).devDependencies.seg;

describe("init: the seg dependency of a fresh package.json", () => {
  it("is the running version from a registry, and the same git spec from git", () => {
    const a = join(scratch(), "a");
    expect(init({ dir: a, today: "2026-10-31", installed: { kind: "registry", version: "1.2.3" } })).toMatchObject({ status: "created", seg: { spec: "^1.2.3" } });
    expect(seg(a)).toBe("^1.2.3");
    const b = join(scratch(), "b");
    init({ dir: b, today: "2026-10-31", installed: { kind: "git", spec: "git+https://example.com/seg.git#abc" } });
    expect(seg(b)).toBe("git+https://example.com/seg.git#abc");
  });

  it("copies a tarball from outside the workspace to vendor/, and points at one inside it where it is", () => {
    const dir = scratch();
    const tarball = join(dir, "seg-0.1.0.tgz");
    writeFileSync(tarball, "the tarball");
    const outside = join(dir, "workspace");
    const result = init({ dir: outside, today: "2026-10-31", installed: { kind: "tarball", path: tarball } });
    expect(result).toMatchObject({ status: "created", seg: { spec: "file:vendor/seg-0.1.0.tgz", vendored: "vendor/seg-0.1.0.tgz" } });
    expect(result.status === "created" && result.files).toContain("vendor/seg-0.1.0.tgz");
    expect(readFileSync(join(outside, "vendor/seg-0.1.0.tgz"), "utf8")).toBe("the tarball");
    expect(seg(outside)).toBe("file:vendor/seg-0.1.0.tgz");

    const inside = join(dir, "repo");
    mkdirSync(join(inside, "third-party"), { recursive: true });
    writeFileSync(join(inside, "third-party/seg-0.1.0.tgz"), "the tarball");
    expect(init({ dir: inside, today: "2026-10-31", installed: { kind: "tarball", path: join(inside, "third-party/seg-0.1.0.tgz") } })).toMatchObject({ seg: { spec: "file:third-party/seg-0.1.0.tgz" } });
    expect(seg(inside)).toBe("file:third-party/seg-0.1.0.tgz");
  });

  it("adds no seg and vendors nothing when package.json has seg already", () => {
    const dir = scratch();
    writeFileSync(join(dir, "package.json"), '{ "dependencies": { "seg": "1.0.0" } }\n');
    const result = init({ dir, today: "2026-10-31", installed: { kind: "tarball", path: "/nowhere/seg.tgz" } });
    expect(result).toMatchObject({ status: "created", merged: [{ file: "package.json", added: ["script check", "script lock", "script build", "script preview", "script diff"] }] });
    expect(result.status === "created" && result.seg).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).dependencies).toEqual({ seg: "1.0.0" });
  });
});
