import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileError } from "./file-error.ts";
import { replaceFileAtomically, writeFileSafely, writeOutputFile } from "./write-file-safely.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "seg-write-"));
  dirs.push(dir);
  return dir;
};

describe("writeFileSafely", () => {
  it("replaces a regular file and leaves nothing beside it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "lock.json"), "old");
    writeFileSafely(join(dir, "lock.json"), "new");
    expect(readFileSync(join(dir, "lock.json"), "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["lock.json"]);
  });

  it("never opens a link at a temporary name Seg used to use", () => {
    const dir = tempDir();
    const outside = join(tempDir(), "outside.txt");
    writeFileSync(outside, "outside");
    symlinkSync(outside, join(dir, "lock.json.tmp"));
    writeFileSafely(join(dir, "lock.json"), "new");
    expect(readFileSync(outside, "utf8")).toBe("outside");
    expect(lstatSync(join(dir, "lock.json")).isFile()).toBe(true);
  });

  it("refuses a link, a folder or a device as the target, naming it", () => {
    const dir = tempDir();
    const outside = join(tempDir(), "outside.txt");
    writeFileSync(outside, "outside");
    symlinkSync(outside, join(dir, "linked.json"));
    mkdirSync(join(dir, "folder.json"));
    expect(() => writeFileSafely(join(dir, "linked.json"), "x")).toThrow(new FileError(`${join(dir, "linked.json")} is a link; Seg does not write through links. Remove the link and run the command again.`));
    expect(() => writeFileSafely(join(dir, "folder.json"), "x")).toThrow(/folder\.json is a folder, not a file/);
    expect(() => writeFileSafely("/dev/null", "x")).toThrow(/\/dev\/null is not a regular file/);
    expect(readFileSync(outside, "utf8")).toBe("outside");
  });

  it("names the file when the folder does not exist", () => {
    const path = join(tempDir(), "missing/lock.json");
    expect(() => writeFileSafely(path, "x")).toThrow(`could not write ${path}: the folder does not exist (ENOENT).`);
  });
});

describe("writeOutputFile", () => {
  it("writes to a device the user named, and names it when the write fails", () => {
    expect(() => writeOutputFile("/dev/null", "x")).not.toThrow();
    expect(() => writeOutputFile("/dev/full", "x")).toThrow("could not write /dev/full: the disk is full (ENOSPC).");
  });
});

describe("replaceFileAtomically", () => {
  it("leaves the old file whole when the writer fails", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "members.csv"), "old");
    await expect(
      replaceFileAtomically(join(dir, "members.csv"), (temporary) => {
        writeFileSync(temporary, "half");
        throw new Error("the engine failed");
      }),
    ).rejects.toThrow("the engine failed");
    expect(readFileSync(join(dir, "members.csv"), "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["members.csv"]);
  });
});
