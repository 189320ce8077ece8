import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE, readLock } from "./lock-file.ts";

/** The Mall example's lock: five clusters, cluster-1 … cluster-5. */
const MALL_LOCK = JSON.parse(readFileSync(new URL("../../examples/mall/segments.lock.json", import.meta.url), "utf8")) as { clusters: { centroids: { id: string }[] } };

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** readLock on the Mall lock with its cluster ids replaced. */
function readWithIds(ids: readonly string[]) {
  const lock = structuredClone(MALL_LOCK);
  lock.clusters.centroids.forEach((c, i) => (c.id = ids[i]!));
  root = mkdtempSync(join(tmpdir(), "seg-lock-"));
  writeFileSync(join(root, LOCK_FILE), JSON.stringify(lock));
  return readLock(root);
}

describe("readLock", () => {
  it("names a UTF-16 lock as UTF-16 (with or without a byte order mark), not only 'not UTF-8'", () => {
    root = mkdtempSync(join(tmpdir(), "seg-lock-"));
    const text = JSON.stringify(MALL_LOCK);
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "UTF-16 (little-endian) text, not UTF-8: run seg lock to rewrite it, or convert it with iconv -f utf-16le -t utf-8"],
      [Buffer.from(text, "utf16le").swap16(), "UTF-16 (big-endian) text, not UTF-8: run seg lock to rewrite it, or convert it with iconv -f utf-16be -t utf-8"],
    ];
    for (const [bytes, message] of cases) {
      writeFileSync(join(root, LOCK_FILE), bytes);
      expect(readLock(root)).toEqual({ status: "invalid", message });
    }
  });

  it("reads the cluster ids Seg writes", () => {
    expect(readWithIds(["cluster-1", "cluster-2", "cluster-3", "cluster-4", "cluster-7"]).status).toBe("ok");
  });

  it("refuses a lock whose clusters share an id: the next recompute would merge their members under it", () => {
    expect(readWithIds(["cluster-1", "cluster-1", "cluster-3", "cluster-4", "cluster-5"])).toEqual({
      status: "invalid",
      message: "not a Seg lock file (clusters.centroids.1.id: repeats cluster-1: each cluster has an id of its own)",
    });
  });

  it.each(["__proto__", "<script>alert(1)</script>", "../../../etc/passwd", "=HYPERLINK(\"http://x\")", "cluster-0", "cluster-01", "x".repeat(100_000)])(
    "refuses a cluster id Seg never writes (%#), which the recompute would carry into memberships, exports and the site",
    (id) => {
      const read = readWithIds([id, "cluster-2", "cluster-3", "cluster-4", "cluster-5"]);
      expect(read).toEqual({ status: "invalid", message: "not a Seg lock file (clusters.centroids.0.id: must be a cluster id as Seg writes them, such as cluster-3)" });
    },
  );

  it("refuses a __proto__ key, which would drop the entry from every comparison instead of failing it", () => {
    const text = JSON.stringify(MALL_LOCK).replace('"inputs":{', '"inputs":{"__proto__":{"ghost":{}},');
    root = mkdtempSync(join(tmpdir(), "seg-lock-"));
    writeFileSync(join(root, LOCK_FILE), text);
    expect(readLock(root)).toEqual({ status: "invalid", message: 'not a Seg lock file (inputs.__proto__: "__proto__" is not a name Seg writes)' });
  });
});
