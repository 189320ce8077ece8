/** `seg init [dir]`: scaffold a workspace with sample data, a persona, a hypothesis and a GitHub workflow. */
import { relative, resolve } from "node:path";
import { init, templateNames } from "../../api/init.ts";
import type { Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { UsageError } from "../usage-error.ts";

export const spec: CommandSpec = {
  name: "init",
  summary:
    "Create a workspace: segmentation.yaml, one scheme with two segments, a persona, a hypothesis, sample data, a minimal Astro config and a GitHub Actions workflow that checks, comments on pull requests and publishes the playbook.",
  usage: "seg init [dir] [options]",
  positionals: [{ name: "dir", description: "The folder to create (default: --root, else the current folder). It must be empty or not exist." }],
  options: [
    { name: "template", type: "string", placeholder: "NAME", default: "basic", description: `The template to copy (${templateNames().join(", ")}).` },
    { name: "force", type: "boolean", description: "Write into a folder that is not empty, overwriting files of the same name." },
  ],
  examples: ["seg init my-segmentation", "seg init . --force"],
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError(`give at most one folder, got "${args.positionals.join(" ")}".`);
  const [positional] = args.positionals;
  const root = args.options.root as string | undefined;
  if (positional !== undefined && root !== undefined && resolve(io.cwd, positional) !== resolve(io.cwd, root)) {
    throw new UsageError(`give the folder once: seg init ${positional} or seg init --root ${root}, not both.`);
  }
  const dir = resolve(io.cwd, positional ?? root ?? ".");
  const result = init({ dir, template: (args.options.template as string | undefined) ?? "basic", force: args.options.force === true });
  if (result.status === "unknown-template") throw new UsageError(`there is no template "${result.template}"; choose one of ${result.templates.join(", ")}.`);
  const shown = relative(io.cwd, dir) || ".";
  if (result.status === "not-empty") {
    const some = result.entries.slice(0, 5).join(", ") + (result.entries.length > 5 ? ", …" : "");
    throw new UsageError(`${shown} is not empty (${some}). Choose a new folder, or pass --force to write the template's files into it.`);
  }
  const cd = shown === "." ? "" : `cd ${/^[\w./-]+$/.test(shown) ? shown : JSON.stringify(shown)} && `;
  io.stdout(
    [
      `Created a Seg workspace in ${shown} (${result.files.length} files).`,
      "",
      "Next:",
      `  ${cd}git init -b main && npm install`,
      "  npx seg lock      # recompute and write segments.lock.json",
      "  npx seg check     # validate, recompute and lint",
      "  npx seg build     # the playbook site, in dist/",
      "",
      "Commit everything, push to GitHub and turn on Pages (Settings → Pages → GitHub Actions):",
      ".github/workflows/seg.yml checks each push, comments seg diff on pull requests and publishes the playbook from main.",
      "",
    ].join("\n"),
  );
  return 0;
}
