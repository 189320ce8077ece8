import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cacheEntries } from "./cache-entries.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-cache-entries-"));
  dirs.push(dir);
  return dir;
}

const text = (content: string) => (tmp: string) => writeFileSync(tmp, content);

describe("cacheEntries", () => {
  it("stores an entry's files under its key and finds it only when every file is there", () => {
    const dir = join(scratch(), "entries");
    const entries = cacheEntries(dir, 4);
    expect(entries.has("a", ["json"])).toBe(false);
    entries.put("a", [{ ext: "json", write: text("{}") }, { ext: "bin", write: text("data") }]);
    expect(entries.has("a", ["json", "bin"])).toBe(true);
    expect(readFileSync(entries.path("a", "bin"), "utf8")).toBe("data");
    rmSync(entries.path("a", "bin"));
    expect(entries.has("a", ["json", "bin"])).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the most recently used entries and removes the rest", () => {
    const dir = scratch();
    const entries = cacheEntries(dir, 2);
    const age = (key: string, seconds: number) => utimesSync(entries.path(key, "json"), new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000));
    entries.put("old", [{ ext: "json", write: text("1") }]);
    age("old", 30);
    entries.put("used", [{ ext: "json", write: text("2") }]);
    age("used", 60);
    expect(entries.has("used", ["json"])).toBe(true); // a hit makes it the most recent
    entries.put("new", [{ ext: "json", write: text("3") }]);
    expect(readdirSync(dir).sort()).toEqual(["new.json", "used.json"]);
  });

  it("lists the folder again only once an eighth of `keep` more entries were written, then keeps the most recent", () => {
    const dir = scratch();
    const entries = cacheEntries(dir, 16);
    const keys = Array.from({ length: 19 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    keys.forEach((key, i) => {
      entries.put(key, [{ ext: "json", write: text("{}") }]);
      const at = new Date(Date.now() - (100 - i) * 1000);
      utimesSync(entries.path(key, "json"), at, at);
    });
    // 16 + 2 entries are allowed between listings: the 19th write lists the folder and drops the three oldest.
    expect(readdirSync(dir).sort()).toEqual(keys.slice(3).map((key) => `${key}.json`));
    entries.put("k19", [{ ext: "json", write: text("{}") }]);
    expect(readdirSync(dir)).toHaveLength(17);
  });

  it("writes nothing in place when a file fails to write, and removes its partial files", async () => {
    const dir = scratch();
    const entries = cacheEntries(dir, 4);
    await entries.putAsync("k", [
      { ext: "json", write: async (tmp) => writeFileSync(tmp, "{}") },
      {
        ext: "parquet",
        write: async () => {
          throw new Error("disk full");
        },
      },
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("clears temporary files left by a process that died mid-write", () => {
    const dir = scratch();
    const orphan = join(dir, "x.json.123-abcd.tmp");
    writeFileSync(orphan, "half");
    utimesSync(orphan, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const fresh = join(dir, "y.json.456-abcd.tmp");
    writeFileSync(fresh, "being written");
    cacheEntries(dir, 4).put("z", [{ ext: "json", write: text("{}") }]);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it("behaves as empty when the folder cannot be made", () => {
    const blocker = join(scratch(), "a-file");
    writeFileSync(blocker, "not a folder");
    const entries = cacheEntries(join(blocker, "sub"), 4);
    expect(() => entries.put("k", [{ ext: "json", write: text("{}") }])).not.toThrow();
    expect(entries.has("k", ["json"])).toBe(false);
  });

  it("makes its folder private to its owner", () => {
    const dir = join(scratch(), "entries");
    cacheEntries(dir, 4).put("k", [{ ext: "json", write: text("{}") }]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("makes its folder before anything is written, for a database that writes the files itself; refuses a file or a link in its place", () => {
    const dir = join(scratch(), "a", "entries");
    const entries = cacheEntries(dir, 4);
    expect(entries.folder).toBe(dir);
    expect(entries.makeFolder()).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(entries.makeFolder()).toBe(true);
    const file = join(scratch(), "a-file");
    writeFileSync(file, "not a folder");
    expect(cacheEntries(file, 4).makeFolder()).toBe(false);
    const link = join(scratch(), "link");
    symlinkSync(scratch(), link);
    expect(cacheEntries(link, 4).makeFolder()).toBe(false);
  });

  it("never reads an entry file that is a link", () => {
    const dir = scratch();
    const planted = join(scratch(), "planted.json");
    writeFileSync(planted, '{"rows": 999}');
    const entries = cacheEntries(dir, 4);
    symlinkSync(planted, entries.path("k", "json"));
    expect(entries.has("k", ["json"])).toBe(false);
  });

  it("neither reads nor writes through a folder that is a link", () => {
    const target = scratch();
    const dir = join(scratch(), "entries");
    symlinkSync(target, dir);
    const entries = cacheEntries(dir, 4);
    writeFileSync(join(target, "k.json"), "{}");
    expect(entries.has("k", ["json"])).toBe(false);
    entries.put("m", [{ ext: "json", write: text("{}") }]);
    expect(readdirSync(target)).toEqual(["k.json"]);
  });

  it.skipIf(process.getuid?.() !== 0)("never reads an entry another user owns, nor one in a folder another user owns", () => {
    const dir = scratch();
    const entries = cacheEntries(dir, 4);
    entries.put("k", [{ ext: "json", write: text("{}") }]);
    expect(entries.has("k", ["json"])).toBe(true);
    chownSync(entries.path("k", "json"), 65534, 65534);
    expect(entries.has("k", ["json"])).toBe(false);
    const theirs = join(scratch(), "theirs");
    mkdirSync(theirs, { mode: 0o700 });
    const inTheirs = cacheEntries(theirs, 4);
    writeFileSync(inTheirs.path("k", "json"), "{}");
    chownSync(theirs, 65534, 65534);
    expect(inTheirs.has("k", ["json"])).toBe(false);
    inTheirs.put("m", [{ ext: "json", write: text("{}") }]);
    expect(existsSync(inTheirs.path("m", "json"))).toBe(false);
  });
});
