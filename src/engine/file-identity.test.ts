import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateLarge } from "../../bench/generate-large.ts";
import { fileIdentity } from "./file-identity.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), "seg-file-identity-"));
  dirs.push(dir);
  return dir;
};

describe("fileIdentity", () => {
  it("stays the same while the file is untouched", () => {
    const file = join(folder(), "a.csv");
    writeFileSync(file, "id,n\nA,1\n");
    expect(fileIdentity(file, "csv")).toBe(fileIdentity(file, "csv"));
  });

  it("changes when a CSV is rewritten with other bytes of the same size, even with its times set back", () => {
    const file = join(folder(), "a.csv");
    writeFileSync(file, "id,n\nA,1\n");
    const before = fileIdentity(file, "csv");
    const { atime, mtime } = statSync(file);
    writeFileSync(file, "id,n\nA,2\n");
    utimesSync(file, atime, mtime);
    expect(fileIdentity(file, "csv")).not.toBe(before);
  });

  it("changes when a Parquet file is written again with other rows", async () => {
    const dir = folder();
    await generateLarge(join(dir, "one"), 200, 20);
    await generateLarge(join(dir, "two"), 300, 20);
    const file = join(dir, "one", "invoices.parquet");
    const before = fileIdentity(file, "parquet");
    expect(before).toBeDefined();
    writeFileSync(file, readFileSync(join(dir, "two", "invoices.parquet")));
    expect(fileIdentity(file, "parquet")).not.toBe(before);
  });

  it("is undefined for a file that cannot be read", () => {
    expect(fileIdentity(join(folder(), "missing.parquet"), "parquet")).toBeUndefined();
  });
});
