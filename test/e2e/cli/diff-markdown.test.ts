/**
 * `seg diff --format markdown` on a change as large as a pull request gets:
 * every one of 120 segment thresholds moves, so thousands of customers change
 * segment across hundreds of cells. The comment must still fit GitHub's limit,
 * say what it left out, and carry the exact number of movers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const BANDS = 120;
const ACCOUNTS = 3000;

const scores = Array.from({ length: ACCOUNTS }, (_, i) => (i * 7919) % 1000);

const CONFIG = `name: Many segments
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Score bands.
  stakeholders:
    - { name: Ana, role: VP Growth }
  scope: { unit: account }
  deliverables: [A playbook]
sources:
  accounts:
    path: data/accounts.csv
    kind: accounts
    key: account_id
    columns:
      account_id: { type: string, kind: key }
      score: { type: integer, kind: behavioral }
schemes:
  bands:
    label: Score bands
`;

/** Band i takes scores from its threshold up, evaluated from the highest band down. */
const threshold = (i: number, shift: number) => i * 8 + shift;
const band = (i: number, shift: number) => `id: band-${String(i).padStart(3, "0")}
name: Band ${i} <b>with</b> @mentions | pipes
summary: Accounts in score band ${i}.
status: active
approach: behavioral
order: ${BANDS - i}
definition:
  where: score >= ${threshold(i, shift)}
`;

function bandOf(score: number, shift: number): number | null {
  for (let i = BANDS - 1; i >= 0; i--) if (score >= threshold(i, shift)) return i;
  return null;
}

let repo: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "seg-diff-large-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "commit.gpgsign=false", ...args], {
      cwd: repo,
      env: { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.com" },
    });
  git("init", "-q", "-b", "main");
  write("segmentation.yaml", CONFIG);
  write("data/accounts.csv", `account_id,score\n${scores.map((s, i) => `C${i},${s}`).join("\n")}\n`);
  for (let i = 0; i < BANDS; i++) write(`segments/bands/band-${String(i).padStart(3, "0")}.yaml`, band(i, 0));
  git("add", "-A");
  git("commit", "-q", "-m", "bands");
  for (let i = 0; i < BANDS; i++) write(`segments/bands/band-${String(i).padStart(3, "0")}.yaml`, band(i, 4));
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("seg diff --format markdown on a large change", () => {
  it("fits a pull-request comment, names what it cut, and counts every mover", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "bin/seg.js"), "diff", "--base", "main", "--format", "markdown"], { cwd: repo, encoding: "utf8", env: { ...process.env, CI: "1" } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const text = result.stdout;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(64_000);
    expect(text.startsWith("<!-- seg-diff -->\n")).toBe(true);
    expect(text).toMatch(/\| … [\d,]+ more \|/);
    expect(text).not.toContain("<b>with</b>");
    expect(text).not.toContain("@mentions");
    const moved = scores.filter((s) => bandOf(s, 0) !== bandOf(s, 4)).length;
    expect(moved).toBeGreaterThan(1000);
    expect(text).toContain(`**Customers moved:** ${moved.toLocaleString("en-US")} of ${ACCOUNTS.toLocaleString("en-US")} in <code>bands</code>`);
    expect(text).toContain(`${BANDS} segments (${BANDS} changed)`);
  });
});
