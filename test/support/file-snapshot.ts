/**
 * Compare output with a committed file snapshot. Snapshots are never written in
 * CI: a missing or different file fails with the command that (re)creates it.
 * Locally, SEG_UPDATE_SNAPSHOTS=1 writes them; review the diff and commit.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { expect } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

export function expectFileSnapshot(actual: string, path: string): void {
  const full = resolve(ROOT, path);
  const name = relative(ROOT, full);
  const update = process.env.SEG_UPDATE_SNAPSHOTS === "1" && !process.env.CI;
  if (!existsSync(full)) {
    if (update) {
      writeFileSync(full, actual);
      return;
    }
    throw new Error(`The file snapshot ${name} does not exist. Create it with SEG_UPDATE_SNAPSHOTS=1 npm exec -- vitest run <this test>, review it and commit it (CI never writes snapshots).`);
  }
  const expected = readFileSync(full, "utf8");
  if (actual !== expected && update) {
    writeFileSync(full, actual);
    return;
  }
  expect(actual, `${name} differs; if the change is intended, rerun with SEG_UPDATE_SNAPSHOTS=1 and commit the file`).toBe(expected);
}
