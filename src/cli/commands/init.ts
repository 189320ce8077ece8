/** `seg init [dir]`: scaffold a workspace, or add one to an existing repository, without touching what is there. */
import { relative, resolve } from "node:path";
import { init, templateNames, type InitResult } from "../../api/init.ts";
import type { Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { SegError } from "../../diagnostics/seg-error.ts";

export const spec = {
  name: "init",
  summary:
    "Create a workspace: segmentation.yaml, one scheme with two segments, a persona, a hypothesis, sample data, JSON Schemas for editors, a minimal Astro config and a GitHub Actions workflow. In an existing repository it adds the scripts and the seg dependency to package.json and the entries to .gitignore, keeps README.md and every dependency spec, and stops before writing anything when another file of the template exists.",
  usage: "seg init [dir] [options]",
  positionals: [{ name: "dir", description: "The folder to create or add to (default: --root, else the current folder)." }],
  options: [
    { name: "template", type: "string", placeholder: "NAME", default: "basic", description: `The template to copy (${templateNames().join(", ")}).` },
    { name: "force", type: "boolean", description: "Replace files of the template that exist already (README.md, segmentation.yaml, …) and list them; package.json and .gitignore are merged all the same. Never writes through a symbolic link." },
  ],
  examples: ["seg init my-segmentation", "seg init .", "seg init . --force"],
} as const satisfies CommandSpec;

/** The README's steps for a Seg that no registry serves: keep the tarball in the repository. */
export const VENDORING_STEPS = [
  "If npm install cannot find seg on the registry, keep Seg's tarball in the repository so that CI installs it too:",
  "  (in a checkout of Seg)   npm pack",
  "  (in this workspace)      mkdir -p vendor && cp <seg>/seg-<version>.tgz vendor/",
  "                           npm install --save-dev ./vendor/seg-<version>.tgz",
  "  and commit vendor/, package.json and package-lock.json.",
];

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  if (args.positionals.length > 1) throw new SegError(`give at most one folder, got "${args.positionals.join(" ")}".`);
  const [positional] = args.positionals;
  const root = args.options.root;
  if (positional !== undefined && root !== undefined && resolve(io.cwd, positional) !== resolve(io.cwd, root)) {
    throw new SegError(`give the folder once: seg init ${positional} or seg init --root ${root}, not both.`);
  }
  const dir = resolve(io.cwd, positional ?? root ?? ".");
  const result = init({ dir, template: args.options.template ?? "basic", force: args.options.force === true, today: io.today() });
  const shown = (path: string) => relative(io.cwd, path) || ".";
  switch (result.status) {
    case "unknown-template":
      throw new SegError(`there is no template "${result.template}"; choose one of ${result.templates.join(", ")}.`);
    case "conflict":
      throw new SegError(
        `${shown(result.root)} already has ${list(result.files)}. Nothing was written. Pass --force to replace ${result.files.length === 1 ? "it" : "them"} with the template's (package.json and .gitignore are merged, never replaced).`,
      );
    case "symlink":
      io.stderr(`seg init: refusing to write through symbolic links: ${list(result.paths.map((p) => shown(resolve(result.root, p))))}. Nothing was written. Replace ${result.paths.length === 1 ? "it" : "them"} with a real file or folder, or choose another folder.\n`);
      return 1;
    case "not-a-folder":
      io.stderr(`seg init: ${shown(result.path)} is not a folder where the workspace needs one. Nothing was written. Move it, or choose another folder.\n`);
      return 1;
    case "invalid-package-json":
      io.stderr(`seg init: cannot add to ${shown(resolve(result.root, "package.json"))}: ${result.message.replace(/^package\.json: /, "")}. Nothing was written. Fix it, then run seg init again.\n`);
      return 1;
    case "created":
      io.stdout(report(result, shown(result.root)));
      return 0;
  }
}

function report(result: Extract<InitResult, { status: "created" }>, where: string): string {
  const lines = [`Created a Seg workspace in ${where} (${result.files.length} files written).`];
  for (const { file, added } of result.merged) lines.push(`Added to ${file}: ${added.join(", ")}.`);
  if (result.replaced.length > 0) lines.push(`Replaced (--force): ${result.replaced.join(", ")}.`);
  for (const [name, command] of Object.entries(result.keptScripts)) lines.push(`Kept the ${name} script of package.json (${command}); npx seg ${name === "diff" ? "diff --base origin/main" : name} runs Seg's.`);
  if (result.kept.length > 0) lines.push(`Kept as they were: ${result.kept.join(", ")}.`);
  const seg = result.seg;
  if (seg?.vendored) lines.push(`Copied the Seg tarball it was installed from to ${seg.vendored}; package.json installs it from there (commit it).`);
  if (seg?.installed.kind === "unknown") lines.push(`package.json asks for seg ${seg.spec}: ${seg.installed.reason}, so Seg cannot tell whether a registry has it.`, ...VENDORING_STEPS);
  const cd = where === "." ? "" : `cd ${/^[\w./-]+$/.test(where) ? where : JSON.stringify(where)} && `;
  lines.push(
    "",
    "Next:",
    `  ${cd}npm install     # writes package-lock.json: commit it, CI installs with npm ci`,
    "  npx seg lock      # recompute and write segments.lock.json",
    "  npx seg check     # validate, recompute and lint",
    "  npx seg build     # the playbook site, in dist/ (npx seg preview serves it)",
    "",
    "Commit everything (git init -b main first if this is no repository yet) and push to GitHub:",
    ".github/workflows/seg.yml checks each push, comments seg diff on pull requests and keeps the built playbook as an artifact.",
    "It publishes to GitHub Pages only when the repository variable SEG_PUBLISH_PLAYBOOK is true; the README says how.",
    "",
  );
  return lines.join("\n");
}

function list(items: readonly string[]): string {
  return items.length > 6 ? `${items.slice(0, 6).join(", ")} and ${items.length - 6} more` : items.join(", ");
}
