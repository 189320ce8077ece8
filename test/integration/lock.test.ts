/**
 * The lock on a copy of the example workspace: byte-identical on re-run, and a
 * changed data row or weight makes `seg check` fail with lock-outdated naming
 * what changed. A workspace with errors never gets a lock.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { lock } from "../../src/api/lock.ts";

const EXAMPLE = resolve(import.meta.dirname, "../..");
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "seg-lock-"));
  for (const part of ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "data"]) cpSync(join(EXAMPLE, part), join(root, part), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = () => ({ root, today: "2026-11-23" });
const lockErrors = async () => (await check(options())).diagnostics.filter((d) => d.ruleId === "lock-outdated");

describe("segments.lock.json", () => {
  it("is required: without it the check fails and says to run seg lock", async () => {
    const errors = await lockErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: "error", file: "segmentation.yaml", hint: "Run seg lock and commit segments.lock.json with your change." });
  });

  it("is written once and byte-identical when written again", async () => {
    const first = await lock(options());
    expect(first.written?.changed).toBe(true);
    const bytes = readFileSync(join(root, "segments.lock.json"));
    const second = await lock(options());
    expect(second.written?.changed).toBe(false);
    expect(readFileSync(join(root, "segments.lock.json")).equals(bytes)).toBe(true);
    expect(await lockErrors()).toEqual([]);
  });

  it("matches the lock committed in the repository", () => {
    expect(readFileSync(join(root, "segments.lock.json"), "utf8")).toBe(readFileSync(join(EXAMPLE, "segments.lock.json"), "utf8"));
  });

  it("goes out of date when one data row changes, naming the file", async () => {
    const path = join(root, "data/accounts.csv");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, original.replace("ACC-00001,Summit Peak,Manufacturing,558,", "ACC-00001,Summit Peak,Manufacturing,559,"));
    try {
      const errors = await lockErrors();
      expect(errors.map((e) => e.message)).toContain("segments.lock.json is out of date: data file data/accounts.csv of source \"accounts\" changed (same row count, different content).");
      expect(errors.find((e) => e.message.includes("data/accounts.csv"))).toMatchObject({ file: "segmentation.yaml", line: 44, column: 11 });
    } finally {
      writeFileSync(path, original);
    }
  });

  it("goes out of date when a weight changes, naming old and new weights", async () => {
    const path = join(root, "segmentation.yaml");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, original.replace("weight: 20, lens: capacity", "weight: 25, lens: capacity").replace("strategic_value: { label: Strategic value, weight: 15", "strategic_value: { label: Strategic value, weight: 10"));
    try {
      const result = await check(options());
      const messages = result.diagnostics.filter((d) => d.ruleId === "lock-outdated").map((d) => d.message);
      expect(messages).toEqual(["segments.lock.json is out of date: prioritization weights changed: fit 20 → 25, strategic_value 15 → 10."]);
    } finally {
      writeFileSync(path, original);
    }
  });

  it("is not written while the workspace has errors", async () => {
    const path = join(root, "segments/lifecycle/power-users.yaml");
    const original = readFileSync(path, "utf8");
    const before = readFileSync(join(root, "segments.lock.json"));
    writeFileSync(path, original.replace("active_days_90d >= 40", "active_dayz_90d >= 40"));
    try {
      const result = await lock(options());
      expect(result.written).toBeUndefined();
      expect(result.blocking.map((d) => d.ruleId)).toEqual(["unknown-reference"]);
      expect(readFileSync(join(root, "segments.lock.json")).equals(before)).toBe(true);
    } finally {
      writeFileSync(path, original);
    }
  });
});
