/**
 * Hostile and malformed input, one class per folder in test/fixtures/hostile/.
 * Each folder holds the files that overlay the small valid base workspace
 * (test/support/temp-workspace.ts) and expected.json: the errors `check` must
 * report, by rule id, file, line and column. Inputs that cannot be committed
 * (a symlink, a file over 1 MB, random bytes) are made at test time below.
 *
 * A class without expected.json fails; expected files are written by hand,
 * never by the test.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/hostile");
const classes = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Expected {
  description: string;
  errors: { ruleId: string; file: string; line: number; column: number }[];
}

const cleanups: (() => void)[] = [];
let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.remove();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A small deterministic generator (mulberry32), so the garbage is the same on every run. */
function seededBytes(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

/** Inputs made inside the temp workspace at test time, by class. */
const GENERATED: Record<string, (root: string) => void> = {
  // data/linked-events.csv is a symlink to a file in another temporary folder.
  "symlink-escape": (root) => {
    const outside = mkdtempSync(join(tmpdir(), "seg-outside-"));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    writeFileSync(join(outside, "events.csv"), "account_id,occurred_at,event_type\nA1,2026-10-01 10:00:00,login\n");
    symlinkSync(join(outside, "events.csv"), join(root, "data/linked-events.csv"));
  },
  // Valid YAML, just over the 1 MB limit: a comment block after a short header.
  "huge-file": (root) => {
    const padding = `# ${"x".repeat(98)}\n`.repeat(10_100);
    writeFileSync(join(root, "segments/usage/huge.yaml"), `id: huge\n${padding}`);
  },
  // 4 KB of random bytes where a segment belongs.
  "binary-garbage": (root) => {
    writeFileSync(join(root, "segments/usage/garbage.yaml"), seededBytes(20261101, 4096));
  },
};

function readExpected(dir: string): Expected {
  const file = join(dir, "expected.json");
  if (!existsSync(file)) throw new Error(`${basename(dir)} has no expected.json: write by hand the errors this class must produce (ruleId, file, line, column).`);
  return JSON.parse(readFileSync(file, "utf8")) as Expected;
}

describe("hostile input", () => {
  it("has a folder for every generated class", () => {
    expect(Object.keys(GENERATED).filter((name) => !classes.includes(name))).toEqual([]);
  });

  it.each(classes)("%s: the expected errors, each with a hint, and no crash", async (name) => {
    const dir = join(FIXTURES, name);
    const expected = readExpected(dir);
    ws = tempWorkspace();
    cpSync(dir, ws.root, { recursive: true, filter: (source) => basename(source) !== "expected.json" });
    GENERATED[name]?.(ws.root);

    const result = await check({ root: ws.root, today: "2026-11-01", data: false });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }))).toEqual(expected.errors);
    for (const error of errors) expect(error.hint, `${error.ruleId} at ${error.file}:${error.line}:${error.column} has no hint`).toBeTruthy();
  });
});
