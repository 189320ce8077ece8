/**
 * `seg diff` as a subprocess on a real git repository: a workspace in a
 * subfolder, one commit per kind of change (add a segment, change a threshold,
 * change a weight, retire a segment, new data), each compared with the one
 * before. Expected counts, migrations and ranks are computed here from the CSV
 * rows, independently of the engine.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const WORKSPACE = "teams/growth";

interface Account {
  id: string;
  seats: number;
  spend: number;
}

const accounts = (from: number, to: number): Account[] =>
  Array.from({ length: to - from + 1 }, (_, k) => {
    const i = from + k;
    const seats = (i * 37) % 101;
    return { id: `A${String(i).padStart(4, "0")}`, seats, spend: seats * 10 + (i % 7) };
  });
const BASE_ACCOUNTS = accounts(1, 400);
const MORE_ACCOUNTS = [...BASE_ACCOUNTS, ...accounts(401, 500)];
const csv = (rows: readonly Account[]) => `account_id,seats,spend,region\n${rows.map((a, i) => `${a.id},${a.seats},${a.spend},${i % 2 ? "EMEA" : "NA"}`).join("\n")}\n`;

const config = (weights: { size: number; fit: number }) => `name: Diff test
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Keep the accounts we have.
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
      seats: { type: integer, kind: behavioral }
      spend: { type: number, kind: behavioral }
      region: { type: string, kind: territory }
value_tiers:
  measure: spend
schemes:
  usage:
    label: Usage
prioritization:
  schemes: [usage]
  factors:
    size: { label: Size, weight: ${weights.size}, lens: demand, derive: { metric: share, from: 0, to: 1 } }
    fit: { label: Fit, weight: ${weights.fit}, lens: capacity }
`;

interface SegmentSpec {
  id: string;
  min: number;
  order: number;
  fit: number;
  status?: string;
}

const segmentFile = (s: SegmentSpec) => `id: ${s.id}
name: ${s.id[0]!.toUpperCase()}${s.id.slice(1)} accounts
summary: Accounts by seat count.
status: ${s.status ?? "active"}
approach: behavioral
order: ${s.order}
definition:
  where: seats   >=  ${s.min}
scores: { fit: ${s.fit} }
`;

const HEAVY: SegmentSpec = { id: "heavy", min: 50, order: 1, fit: 2 };
const MEDIUM: SegmentSpec = { id: "medium", min: 20, order: 2, fit: 6 };
const LIGHT: SegmentSpec = { id: "light", min: 1, order: 3, fit: 10 };

/** The first segment (in order) whose threshold the account meets; retired segments take nobody. */
function assign(rows: readonly Account[], segments: readonly SegmentSpec[]): Map<string, string | null> {
  const active = segments.filter((s) => s.status !== "retired").sort((a, b) => a.order - b.order);
  return new Map(rows.map((a) => [a.id, active.find((s) => a.seats >= s.min)?.id ?? null]));
}

function counts(assignment: Map<string, string | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const segment of assignment.values()) out[segment ?? "(unassigned)"] = (out[segment ?? "(unassigned)"] ?? 0) + 1;
  return out;
}

function cells(before: Map<string, string | null>, after: Map<string, string | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, to] of after) {
    const from = before.has(id) ? (before.get(id) ?? "(unassigned)") : "(not in data)";
    const key = `${from} → ${to ?? "(unassigned)"}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** Ranks as the method computes them: size derived from share (0 → 1, 1 → 10, one decimal), weighted with fit. */
function ranks(rows: readonly Account[], segments: readonly SegmentSpec[], weights: { size: number; fit: number }): Record<string, number> {
  const n = counts(assign(rows, segments));
  const totals = segments
    .filter((s) => s.status !== "retired")
    .map((s) => {
      const size = Math.round((1 + 9 * ((n[s.id] ?? 0) / rows.length)) * 10) / 10;
      return { id: s.id, total: (size * weights.size + s.fit * weights.fit) / 100 };
    });
  return Object.fromEntries(totals.map((t) => [t.id, 1 + totals.filter((o) => o.total > t.total).length]));
}

interface Json {
  changed: boolean;
  base: { commit: string | null; recomputed: boolean; counts: { error: number } };
  head: { commit: string | null; recomputed: boolean };
  definitions: { segments: { kind: string; id: string; fields: { path: string; before?: unknown; after?: unknown }[] }[]; config: { path: string; before?: unknown; after?: unknown }[] };
  schemes: {
    scheme: string;
    segments: { segment: string; base: { count: number; share: number; rank: number | null } | null; head: { count: number; share: number; rank: number | null } | null; delta: { count: number } }[];
    migration: { members: number; moved: number; added: number; removed: number; cells: { from: string; to: string; count: number }[] } | null;
  }[];
  findings: { added: { ruleId: string; severity: string }[]; fixed: { ruleId: string }[] };
}

let repo: string;
let workspace: string;
const commits: Record<string, string> = {};

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "test@example.com" },
  });
}

function write(path: string, text: string): void {
  const full = join(workspace, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

function commit(name: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) write(path, text);
  git("add", "-A");
  git("commit", "-q", "-m", name);
  git("tag", name);
  commits[name] = git("rev-parse", "HEAD").trim();
}

function seg(...args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, "bin/seg.js"), ...args], { cwd: workspace, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function diffJson(...args: string[]): Json {
  const result = seg("diff", "--format", "json", ...args);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

const scheme = (json: Json) => json.schemes.find((s) => s.scheme === "usage")!;
const segmentCounts = (json: Json, side: "base" | "head") =>
  Object.fromEntries(scheme(json).segments.filter((s) => s[side] !== null && s[side]!.count > 0).map((s) => [s.segment, s[side]!.count]));
const migrationCells = (json: Json) => Object.fromEntries(scheme(json).migration!.cells.map((c) => [`${c.from} → ${c.to}`, c.count]));
const rankOf = (json: Json, side: "base" | "head") =>
  Object.fromEntries(scheme(json).segments.filter((s) => s[side]?.rank != null).map((s) => [s.segment, s[side]!.rank]));

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "seg-diff-"));
  workspace = join(repo, WORKSPACE);
  git("init", "-q", "-b", "main");
  writeFileSync(join(repo, "README.md"), "A repository with a Seg workspace in a subfolder.\n");
  const weights = { size: 90, fit: 10 };
  commit("start", { "segmentation.yaml": config(weights), "data/accounts.csv": csv(BASE_ACCOUNTS), "segments/usage/heavy.yaml": segmentFile(HEAVY), "segments/usage/light.yaml": segmentFile(LIGHT) });
  commit("add-segment", { "segments/usage/medium.yaml": segmentFile(MEDIUM) });
  commit("change-threshold", { "segments/usage/heavy.yaml": segmentFile({ ...HEAVY, min: 40 }) });
  commit("change-weight", { "segmentation.yaml": config({ size: 20, fit: 80 }) });
  commit("retire-segment", { "segments/usage/medium.yaml": segmentFile({ ...MEDIUM, status: "retired" }) });
  commit("more-data", { "data/accounts.csv": csv(MORE_ACCOUNTS) });
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("seg diff on a git repository", () => {
  it("reports an added segment: its definition, every count and who moved into it", () => {
    const json = diffJson("--base", "start", "--head", "add-segment");
    expect(json.base.commit).toBe(commits.start);
    expect(json.head.commit).toBe(commits["add-segment"]);
    expect(json.definitions.segments.map((s) => [s.kind, s.id])).toEqual([["added", "medium"]]);
    const before = assign(BASE_ACCOUNTS, [HEAVY, LIGHT]);
    const after = assign(BASE_ACCOUNTS, [HEAVY, MEDIUM, LIGHT]);
    expect(segmentCounts(json, "base")).toEqual(counts(before));
    expect(segmentCounts(json, "head")).toEqual(counts(after));
    expect(migrationCells(json)).toEqual(cells(before, after));
    const moved = [...after].filter(([id, s]) => before.get(id) !== s).length;
    expect(moved).toBeGreaterThan(50);
    expect(scheme(json).migration!.moved).toBe(moved);
    expect(scheme(json).migration!.members).toBe(400);
  });

  it("reports a changed threshold field by field, in canonical form, with the exact movers", () => {
    const json = diffJson("--base", "add-segment", "--head", "change-threshold");
    expect(json.definitions.segments).toEqual([
      expect.objectContaining({ kind: "changed", id: "heavy", fields: [{ path: "definition.where", before: "seats >= 50", after: "seats >= 40" }] }),
    ]);
    const before = assign(BASE_ACCOUNTS, [HEAVY, MEDIUM, LIGHT]);
    const after = assign(BASE_ACCOUNTS, [{ ...HEAVY, min: 40 }, MEDIUM, LIGHT]);
    const expected = BASE_ACCOUNTS.filter((a) => a.seats >= 40 && a.seats < 50).length;
    expect(migrationCells(json)).toEqual(cells(before, after));
    expect(migrationCells(json)["medium → heavy"]).toBe(expected);
    expect(scheme(json).segments.find((s) => s.segment === "heavy")!.delta.count).toBe(expected);
  });

  it("reports a weight change in segmentation.yaml and the ranks it flips, with no customer moving", () => {
    const json = diffJson("--base", "change-threshold", "--head", "change-weight");
    expect(json.definitions.segments).toEqual([]);
    expect(json.definitions.config).toEqual([
      { path: "prioritization.factors.fit.weight", before: 10, after: 80 },
      { path: "prioritization.factors.size.weight", before: 90, after: 20 },
    ]);
    expect(scheme(json).migration!.moved).toBe(0);
    const segments = [{ ...HEAVY, min: 40 }, MEDIUM, LIGHT];
    const baseRanks = ranks(BASE_ACCOUNTS, segments, { size: 90, fit: 10 });
    const headRanks = ranks(BASE_ACCOUNTS, segments, { size: 20, fit: 80 });
    expect(rankOf(json, "base")).toEqual(baseRanks);
    expect(rankOf(json, "head")).toEqual(headRanks);
    expect(baseRanks).not.toEqual(headRanks);
  });

  it("reports a retired segment and where its customers went", () => {
    const json = diffJson("--base", "change-weight", "--head", "retire-segment");
    expect(json.definitions.segments).toEqual([expect.objectContaining({ kind: "retired", id: "medium", fields: [{ path: "status", before: "active", after: "retired" }] })]);
    const before = assign(BASE_ACCOUNTS, [{ ...HEAVY, min: 40 }, MEDIUM, LIGHT]);
    const after = assign(BASE_ACCOUNTS, [{ ...HEAVY, min: 40 }, { ...MEDIUM, status: "retired" }, LIGHT]);
    expect(migrationCells(json)).toEqual(cells(before, after));
    const medium = scheme(json).segments.find((s) => s.segment === "medium")!;
    expect(medium.base!.count).toBe(counts(before).medium);
    expect(medium.head).toBeNull();
  });

  it("recomputes both sides on the head's data by default, and each on its own with --data each", () => {
    const same = diffJson("--base", "retire-segment", "--head", "more-data");
    expect(same.changed).toBe(false);
    expect(scheme(same).migration!.members).toBe(500);

    const each = diffJson("--base", "retire-segment", "--head", "more-data", "--data", "each");
    expect(each.changed).toBe(true);
    const segments = [{ ...HEAVY, min: 40 }, { ...MEDIUM, status: "retired" }, LIGHT];
    expect(segmentCounts(each, "base")).toEqual(counts(assign(BASE_ACCOUNTS, segments)));
    expect(segmentCounts(each, "head")).toEqual(counts(assign(MORE_ACCOUNTS, segments)));
    expect(scheme(each).migration).toMatchObject({ members: 500, added: 100, removed: 0, moved: 0 });
    expect(migrationCells(each)).toEqual(cells(assign(BASE_ACCOUNTS, segments), assign(MORE_ACCOUNTS, segments)));

    const base = diffJson("--base", "retire-segment", "--head", "more-data", "--data", "base");
    expect(scheme(base).migration!.members).toBe(400);
  });

  it("compares with the working tree by default, reports new findings, fails on them, and leaves the tree alone", () => {
    write("segmentation.yaml", config({ size: 30, fit: 80 }));
    write("segments/usage/heavy.yaml", segmentFile({ ...HEAVY, min: 60 }));
    try {
      const status = git("status", "--porcelain");
      const json = diffJson("--base", "HEAD");
      expect(json.head.commit).toBeNull();
      expect(json.findings.added.map((f) => [f.ruleId, f.severity])).toContainEqual(["weights-sum", "error"]);
      expect(json.findings.fixed).toEqual([]);
      const failing = seg("diff", "--base", "HEAD", "--fail-on", "new-errors", "--format", "markdown", "--output", join(repo, "diff.md"));
      expect(failing.status).toBe(1);
      expect(failing.stderr).toContain("weights");
      const markdown = readFileSync(join(repo, "diff.md"), "utf8");
      expect(markdown.startsWith("<!-- seg-diff -->\n")).toBe(true);
      expect(markdown).toContain("<code>seats &gt;= 40</code> | <code>seats &gt;= 60</code>");
      expect(markdown).toContain("weights-sum");
      rmSync(join(repo, "diff.md"));
      expect(git("status", "--porcelain")).toBe(status);
      expect(git("stash", "list")).toBe("");
    } finally {
      git("checkout", "--", ".");
    }
  });

  it("fails on a share change above the threshold and passes below it", () => {
    const over = seg("diff", "--base", "add-segment", "--head", "change-threshold", "--fail-on", "share-change:1");
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/usage\/heavy share .* moves more than 1 points/);
    const under = seg("diff", "--base", "add-segment", "--head", "change-threshold", "--fail-on", "share-change:50");
    expect(under.status).toBe(0);
    expect(under.stdout).toContain("medium → heavy");
  });

  it("says so and exits 2 for a revision that does not exist or a bad --fail-on", () => {
    const unknown = seg("diff", "--base", "no-such-branch");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown git revision "no-such-branch"');
    expect(seg("diff").stderr).toContain("--base REF is required");
    const condition = seg("diff", "--base", "HEAD", "--fail-on", "share-change");
    expect(condition.status).toBe(2);
    expect(condition.stderr).toContain("--fail-on share-change needs a number");
  });

  it("writes an empty-marker comment when nothing changed", () => {
    const result = seg("diff", "--base", "HEAD", "--format", "markdown");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<!-- seg-diff -->\n<!-- seg-diff:empty -->\n/);
  });
});
