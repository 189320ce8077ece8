import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { playbookCacheDir } from "./build.ts";

// The user id is what a folder of one's own is told by; Windows has none (and a temp folder per user).
const uid = process.getuid?.();
const TMPDIR = process.env.TMPDIR;
let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), "seg-private-"));
  process.env.TMPDIR = temp;
});
afterEach(() => {
  if (TMPDIR === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = TMPDIR;
  rmSync(temp, { recursive: true, force: true });
});

describe.skipIf(uid === undefined)("the playbook's build cache", () => {
  it("is in a temp folder of the user's own, that only they can open", () => {
    const cache = playbookCacheDir("/home/ana/segmentation");
    expect(dirname(cache)).toBe(join(temp, `seg-astro-cache-${uid}`));
    const folder = lstatSync(dirname(cache));
    expect(folder.uid).toBe(uid);
    expect(folder.mode & 0o777).toBe(0o700);
  });

  it("is refused when someone could have put modules in it first: a folder others may write to", () => {
    const planted = join(temp, `seg-astro-cache-${uid}`);
    mkdirSync(planted);
    chmodSync(planted, 0o777);
    expect(() => playbookCacheDir("/home/ana/segmentation")).toThrow(/seg-astro-cache-\d+ is not a folder only you can write to \(it is writable by others\)/);
  });

  it("is refused when it is a link to a folder elsewhere", () => {
    const elsewhere = join(temp, "elsewhere");
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, join(temp, `seg-astro-cache-${uid}`));
    expect(() => playbookCacheDir("/home/ana/segmentation")).toThrow(/is not a folder only you can write to \(it is a link\)/);
  });
});
