/**
 * `seg check` as a subprocess: exit codes, the GitHub format with its step
 * summary, SARIF to a file, and the suppressions baseline round trip. Every
 * workspace is checked with --no-data: the findings come from definitions.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg } from "../../support/run-seg.ts";
import { configWithRules } from "../../support/config-with-rules.ts";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

/** A segment of the prioritized scheme whose stated total (9) disagrees with its scores (5). */
const misstated = (id: string) => BASE_SEGMENT.replace("id: heavy", `id: ${id}`) + "stated_total: 9\n";

/** Only the rules these tests are about are on. */
function config(levels: Record<string, "off" | "info" | "warn" | "error"> = {}, base = BASE_CONFIG): string {
  return configWithRules({ "lock-outdated": "error", "stated-total-mismatch": "error", "weights-sum": "error", ...levels }, base);
}

function workspace(files: Record<string, string | null>): TempWorkspace {
  ws = tempWorkspace({ "segmentation.yaml": config(), ...files });
  return ws;
}

const seg = (args: string[], env?: Record<string, string>) => runSeg(["check", "--no-data", ...args], { cwd: ws!.root, ...(env ? { env } : {}) });

describe("seg check exit codes", () => {
  it("exits 0 on a clean workspace and 1 on errors", () => {
    workspace({});
    expect(seg([])).toMatchObject({ status: 0, stdout: "✔ No problems (as of 2026-11-01).\n" });
    writeFileSync(join(ws!.root, "segments/usage/heavy.yaml"), misstated("heavy"));
    const run = seg([]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("heavy.yaml\n  9:15  error    Heavy users states a total of 9, but its scores give 5");
  });

  it("exits 1 on warnings only with --fail-on warn or over --max-warnings", () => {
    workspace({ "segmentation.yaml": config({ "stated-total-mismatch": "warn" }), "segments/usage/heavy.yaml": misstated("heavy") });
    expect(seg([]).status).toBe(0);
    expect(seg(["--max-warnings", "1"]).status).toBe(0);
    expect(seg(["--max-warnings", "0"])).toMatchObject({ status: 1, stderr: "seg check: 1 warnings exceed --max-warnings 0.\n" });
    expect(seg(["--fail-on", "warn"])).toMatchObject({ status: 1, stderr: "seg check: 1 warning with --fail-on warn.\n" });
  });

  it.each([
    [["--format", "xml"], '--format must be one of github, json, markdown, sarif, stylish, not "xml".'],
    [["--max-warnings", "-1"], "--max-warnings needs a whole number of 0 or more, not -1."],
    [["--fail-on", "info"], '--fail-on must be one of error, warn, not "info".'],
    [["--suppress-rule", "stale-dta"], '--suppress-rule: unknown rule "stale-dta". Did you mean "stale-data"?'],
    [["--suppress-all", "--suppress-rule", "weights-sum"], "Use --suppress-all or --suppress-rule, not both"],
    [["--suppress-rule", "lock-outdated"], "--suppress-rule: lock-outdated findings cannot be accepted, only fixed: Run seg lock and commit segments.lock.json with your change."],
  ])("exits 2 on a usage mistake: %j", (args, message) => {
    workspace({});
    const run = seg(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });
});

describe("seg check --format github", () => {
  it("annotates 10 errors, lists the rest in the log and appends them to the step summary", () => {
    const segments = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`segments/usage/s${String(i).padStart(2, "0")}.yaml`, misstated(`s${String(i).padStart(2, "0")}`)]));
    workspace({ "segments/usage/heavy.yaml": null, ...segments });
    const summary = join(ws!.root, "step-summary.md");
    writeFileSync(summary, "## Earlier step output\n");
    const run = seg(["--format", "github"], { GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: ws!.root });
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(10);
    expect(lines[0]).toBe(
      "::error file=segments/usage/s00.yaml,line=9,col=15,endColumn=16,title=seg stated-total-mismatch::Heavy users states a total of 9, but its scores give 5 (size 5×60 + fit 5×40, ÷ 100).%0ASet stated_total to the recomputed value, or remove it and let Seg show the total.",
    );
    expect(lines.slice(10, 12)).toEqual([
      "segments/usage/s10.yaml:9:15: error: Heavy users states a total of 9, but its scores give 5 (size 5×60 + fit 5×40, ÷ 100). (stated-total-mismatch)",
      "segments/usage/s11.yaml:9:15: error: Heavy users states a total of 9, but its scores give 5 (size 5×60 + fit 5×40, ÷ 100). (stated-total-mismatch)",
    ]);
    expect(lines.at(-1)).toBe("seg check: 2 findings beyond GitHub's 10 annotations per kind and step are listed above and in the step summary.");
    const markdown = readFileSync(summary, "utf8");
    expect(markdown.startsWith("## Earlier step output\n### Seg check\n\n**✖ 12 problems** (12 errors, 0 warnings) · as of 2026-11-01\n")).toBe(true);
    expect(markdown).toContain("2 findings beyond GitHub's annotation limit");
    expect(markdown.split("\n").filter((l) => l.startsWith("| segments/usage/"))).toEqual([
      "| segments/usage/s10.yaml:9 | **error** | stated-total-mismatch | Heavy users states a total of 9, but its scores give 5 (size 5×60 + fit 5×40, ÷ 100).<br><sub>→ Set stated\\_total to the recomputed value, or remove it and let Seg show the total.</sub> |",
      "| segments/usage/s11.yaml:9 | **error** | stated-total-mismatch | Heavy users states a total of 9, but its scores give 5 (size 5×60 + fit 5×40, ÷ 100).<br><sub>→ Set stated\\_total to the recomputed value, or remove it and let Seg show the total.</sub> |",
    ]);
  });

  it("prefixes paths with the workspace's folder inside the repository", () => {
    workspace({});
    const inner = tempWorkspace({ "segmentation.yaml": config(), "segments/usage/heavy.yaml": misstated("heavy") });
    try {
      const run = runSeg(["check", "--no-data", "--format", "github", "--root", inner.root], { cwd: join(inner.root, ".."), env: { GITHUB_WORKSPACE: join(inner.root, "..") } });
      expect(run.stdout).toMatch(new RegExp(`^::error file=${inner.root.split("/").at(-1)}/segments/usage/heavy.yaml,line=9,`));
    } finally {
      inner.remove();
    }
  });
});

describe("seg check --format sarif --output", () => {
  it("writes a SARIF log to the file and nothing to stdout", () => {
    workspace({ "segments/usage/heavy.yaml": misstated("heavy") });
    const run = seg(["--format", "sarif", "--output", "seg.sarif"]);
    expect(run).toMatchObject({ status: 1, stdout: "" });
    const log = JSON.parse(readFileSync(join(ws!.root, "seg.sarif"), "utf8")) as { version: string; runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(["stated-total-mismatch"]);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain("weights-sum");
    expect(Object.values(log.runs[0]!.results[0]!.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}:1$/);
  });
});

describe("seg check --format github --sarif-output", () => {
  it("annotates and writes the same findings as SARIF in one run", () => {
    workspace({ "segments/usage/heavy.yaml": misstated("heavy") });
    const run = seg(["--format", "github", "--sarif-output", "seg.sarif"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=segments\/usage\/heavy\.yaml,line=\d+,.*stated-total-mismatch/m);
    const log = JSON.parse(readFileSync(join(ws!.root, "seg.sarif"), "utf8")) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([["stated-total-mismatch", "segments/usage/heavy.yaml"]]);
    const alone = seg(["--format", "sarif", "--output", "alone.sarif"]);
    expect(alone.status).toBe(1);
    expect(readFileSync(join(ws!.root, "seg.sarif"), "utf8")).toBe(readFileSync(join(ws!.root, "alone.sarif"), "utf8"));
  });
});

describe("seg check suppressions", () => {
  it("--suppress-all accepts the current findings, --prune-suppressions drops what is fixed", () => {
    // With the data (pruning needs every rule to have run): no lock yet, so lock-outdated fires too.
    workspace({ "segments/usage/heavy.yaml": misstated("heavy"), "segments/usage/light.yaml": misstated("light") });
    const check = (args: string[] = []) => runSeg(["check", ...args], { cwd: ws!.root });
    const file = join(ws!.root, "seg-suppressions.json");
    expect(check().stdout).toContain("✖ 3 problems (3 errors, 0 warnings)");

    // lock-outdated is never accepted: the missing lock stays an error until seg lock writes one.
    const suppress = check(["--suppress-all"]);
    expect(suppress.status).toBe(1);
    expect(suppress.stdout).toContain("✖ 1 problem (1 error, 0 warnings) · 2 suppressed");
    expect(suppress.stdout).toContain("There is no segments.lock.json");
    expect(suppress.stderr).toBe("seg check: wrote seg-suppressions.json (2 findings accepted in 2 entries).\n");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      version: 1,
      suppressions: {
        "segments/usage/heavy.yaml": { "stated-total-mismatch": { count: 1, reason: "baseline" } },
        "segments/usage/light.yaml": { "stated-total-mismatch": { count: 1, reason: "baseline" } },
      },
    });
    expect(runSeg(["lock"], { cwd: ws!.root }).status).toBe(0);
    expect(check()).toMatchObject({ status: 0, stdout: "✔ No problems (as of 2026-11-01; 2 suppressed).\n" });

    writeFileSync(join(ws!.root, "segments/usage/light.yaml"), BASE_SEGMENT.replace("id: heavy", "id: light"));
    const stale = check();
    expect(stale.status).toBe(0);
    expect(stale.stdout).toContain("seg-suppressions.json accepts 1 stated-total-mismatch finding in segments/usage/light.yaml, but there are 0.  suppressions/unused");
    expect(stale.stdout).toContain("→ Run seg check --prune-suppressions to lower the count or remove the entry.");

    expect(seg(["--prune-suppressions"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--prune-suppressions needs the data") });
    expect(check(["--prune-suppressions"])).toMatchObject({ status: 0, stdout: "✔ No problems (as of 2026-11-01; 1 suppressed).\n" });
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")).suppressions)).toEqual(["segments/usage/heavy.yaml"]);
    expect(existsSync(`${file}.tmp`)).toBe(false);

    writeFileSync(join(ws!.root, "segments/usage/light.yaml"), misstated("light"));
    expect(check().status).toBe(1);
  });

  it("--suppress-rule records only the named rules, and an expired entry no longer applies", () => {
    workspace({ "segmentation.yaml": config({}, BASE_CONFIG.replace("weight: 40", "weight: 50")), "segments/usage/heavy.yaml": misstated("heavy") });
    const file = join(ws!.root, "seg-suppressions.json");
    expect(seg(["--suppress-rule", "weights-sum"]).status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")).suppressions)).toEqual(["segmentation.yaml"]);
    writeFileSync(file, readFileSync(file, "utf8").replace('"reason": "baseline"', '"expires": "2026-10-01",\n        "reason": "until the offsite"'));
    const expired = seg([]);
    expect(expired.status).toBe(1);
    expect(expired.stdout).toContain("The suppression of weights-sum in segmentation.yaml expired on 2026-10-01; its 1 finding is reported again.  suppressions/expired");
    expect(expired.stdout).toContain("The prioritization weights sum to 110, not 100");
  });

  it("honours seg-disable-next-line with a reason, and reports one without", () => {
    const segment = BASE_SEGMENT.replace("id: heavy", "id: heavy") + "# seg-disable-next-line stated-total-mismatch\nstated_total: 9\n";
    workspace({ "segments/usage/heavy.yaml": segment });
    const run = seg([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("9:1  warning  This seg-disable-next-line directive gives no reason.  directives/missing-reason");
    expect(run.stdout).toContain("✖ 1 problem (0 errors, 1 warning) · 1 suppressed");
    writeFileSync(join(ws!.root, "segments/usage/heavy.yaml"), segment.replace("stated-total-mismatch\n", "stated-total-mismatch -- board approved 9 for FY27\n"));
    expect(seg([])).toMatchObject({ status: 0, stdout: "✔ No problems (as of 2026-11-01; 1 suppressed).\n" });
  });
});
