/**
 * A half-written package-lock.json (an entry without a version, written while the registry lacked
 * another platform's optional binary) makes `npm ci` fail with "Invalid Version" on a fresh
 * machine. Every installed entry must carry the version and integrity npm needs to place it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  integrity?: string;
  link?: boolean;
}

const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

describe("package-lock.json", () => {
  it("is a lockfile npm ci can read (version 3)", () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it("gives every package entry a version and an integrity hash", () => {
    const incomplete = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && entry.link !== true)
      .filter(([, entry]) => !entry.version || !entry.integrity)
      .map(([path, entry]) => `${path} (${entry.version ? "no integrity" : "no version"})`);
    expect(incomplete, "regenerate the lock with `npm install --package-lock-only` and check `npm ci` in a fresh clone").toEqual([]);
  });
});
