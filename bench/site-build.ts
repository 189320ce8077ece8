/**
 * Site build benchmark (DESIGN §9: 100 segments + 300 personas under 60 s):
 * generate a synthetic, deterministic workspace in a temporary folder — the
 * example's configuration and data, 100 segments over its two schemes, 300
 * MDX personas with <Metric/> bindings, a few hypotheses — lock it, then time
 * `seg build` as a whole process. Prints the seconds, and a JSON summary as its
 * last line for bench/run.ts.
 *
 *   node bench/site-build.ts [--segments 100] [--personas 300] [--keep]
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const REPO = resolve(import.meta.dirname, "..");
const SEG = join(REPO, "bin/seg.js");
const ROLES = ["decision-maker", "champion", "influencer", "user", "blocker"] as const;
const TITLES = ["VP Operations", "Head of RevOps", "IT Director", "Operations Analyst", "CFO", "Head of Support", "Marketing Ops Lead", "Security Lead"];
const FACTORS = ["market_size", "revenue_potential", "fit", "ease_of_acquisition", "strategic_value"];
const PHASES = ["beachhead", "adjacent", "coverage"];

const { values } = parseArgs({ options: { segments: { type: "string", default: "100" }, personas: { type: "string", default: "300" }, keep: { type: "boolean", default: false } } });
const segmentCount = Number(values.segments);
const personaCount = Number(values.personas);

/** A small deterministic generator, so every run builds the same workspace. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(root: string): { segments: string[] } {
  const rand = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  for (const entry of ["segmentation.yaml", "data"]) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < segmentCount; i++) {
    const scheme = i % 2 === 0 ? "lifecycle" : "market";
    const id = `${scheme === "lifecycle" ? "usage" : "market"}-${String(i + 1).padStart(3, "0")}`;
    ids.push(id);
    const where =
      scheme === "lifecycle"
        ? `active_days_90d >= ${Math.floor(rand() * 60)} and workflow_runs_90d >= ${Math.floor(rand() * 40)} and tickets_90d <= ${1 + Math.floor(rand() * 6)}`
        : `employees >= ${Math.floor(rand() * 1500)} and plan != 'free' and industry in ('${pick(["software", "agency", "commerce", "finance"])}', '${pick(["health", "industrial", "education", "other"])}')`;
    const scores = scheme === "market" ? `scores: { ${FACTORS.map((f) => `${f}: ${1 + Math.floor(rand() * 10)}`).join(", ")} }\nphase: ${pick(PHASES)}\n` : "";
    mkdirSync(join(root, "segments", scheme), { recursive: true });
    writeFileSync(
      join(root, "segments", scheme, `${id}.yaml`),
      `id: ${id}
name: Segment ${i + 1} (${scheme})
summary: Synthetic segment ${i + 1} of the site build benchmark, defined by a rule over the example's features.
status: active
approach: ${scheme === "lifecycle" ? "behavioral" : "firmographic"}
order: ${i + 1}
definition:
  where: ${where}
needs:
  - Need ${i + 1}.1, written out so the page has prose to lay out
  - Need ${i + 1}.2, a second statement of what these accounts want
behaviors:
  - Behavior ${i + 1}.1 observed in the product data
value_proposition: Value proposition ${i + 1}, one sentence on why Relay fits these accounts.
gtm:
  objectives: [Grow segment ${i + 1}]
  tactics: [Tactic A for segment ${i + 1}, Tactic B for segment ${i + 1}]
  channels: [Email, In-app messages]
  owner: Owner ${1 + (i % 7)}
  kpis:
    - { name: Churn, metric: churned, target: 0.05 }
research_questions:
  existing: [What would make segment ${i + 1} expand?]
${scores}owner: Owner ${1 + (i % 7)}
last_reviewed: 2026-10-${String(1 + (i % 28)).padStart(2, "0")}
`,
    );
  }
  mkdirSync(join(root, "personas"), { recursive: true });
  for (let i = 0; i < personaCount; i++) {
    const buyer = i % 6 !== 0;
    const segments = [pick(ids), ...(rand() < 0.3 ? [pick(ids)] : [])].filter((x, j, all) => all.indexOf(x) === j);
    writeFileSync(
      join(root, "personas", `persona-${String(i + 1).padStart(3, "0")}.mdx`),
      `---
id: persona-${String(i + 1).padStart(3, "0")}
name: Persona ${i + 1}
kind: ${buyer ? "buyer" : "enterprise"}
segments: [${segments.join(", ")}]
${buyer ? `buying_role: ${pick(ROLES)}\nrole: ${pick(TITLES)}\n` : ""}context: A ${pick(["40", "120", "800", "3,000"])}-person company in the benchmark's synthetic market.
goals:
  - Goal one of persona ${i + 1}
  - Goal two of persona ${i + 1}
frustrations:
  - Frustration of persona ${i + 1}
behaviors:
  - Behavior of persona ${i + 1}
quote: Persona ${i + 1} says something memorable about their work.
evidence: { interviews: ${1 + Math.floor(rand() * 12)}, sources: [Interviews, CRM notes], from: 2026-05-01, to: 2026-09-30 }
informs: [Messaging for ${segments[0]}]
owner: Owner ${1 + (i % 7)}
last_reviewed: 2026-10-${String(1 + (i % 28)).padStart(2, "0")}
---

## A day in their work

Persona ${i + 1} belongs to a segment of <Metric segment="${segments[0]}" metric="share" /> of all accounts, with <Metric segment="${segments[0]}" metric="count" /> members.

## How they buy

They compare vendors on **evidence**, ask peers, and decide within a quarter.
`,
    );
  }
  mkdirSync(join(root, "hypotheses"), { recursive: true });
  for (let i = 0; i < 5; i++) {
    writeFileSync(
      join(root, "hypotheses", `hypothesis-${i + 1}.yaml`),
      `id: hypothesis-${i + 1}\nstatement: Segment ${ids[i * 2]} opens more tickets than the rest of its scheme.\nmetric: tickets_90d\nsegments: [${ids[i * 2]}]\ntest: { kind: difference-of-means, alternative: greater, alpha: 0.05 }\n`,
    );
  }
  return { segments: ids };
}

const root = mkdtempSync(join(tmpdir(), "seg-bench-site-"));
try {
  generate(root);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", CI: "true" };
  const locked = spawnSync(process.execPath, [SEG, "lock", "--root", root], { encoding: "utf8", env });
  if (locked.status !== 0) throw new Error(`seg lock failed:\n${locked.stdout}${locked.stderr}`);
  const started = performance.now();
  const built = spawnSync(process.execPath, [SEG, "build", "--root", root, "--out", join(root, "dist")], { encoding: "utf8", env });
  const seconds = (performance.now() - started) / 1000;
  if (built.status !== 0) throw new Error(`seg build failed (exit ${built.status}):\n${built.stdout}${built.stderr}`);
  const pages = readdirSync(join(root, "dist"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
  process.stdout.write(`seg build: ${segmentCount} segments, ${personaCount} personas, ${pages} pages in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`${JSON.stringify({ segments: segmentCount, personas: personaCount, pages, seconds: Math.round(seconds * 100) / 100 })}\n`);
} finally {
  if (values.keep) process.stderr.write(`kept ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}
