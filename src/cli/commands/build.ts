/** `seg build`: check, then build the playbook site; refuses to publish a workspace with errors. */
import { relative } from "node:path";
import { build } from "../../api/build.ts";
import { stylish } from "../../formatters/stylish.ts";
import { RECOMPUTE_OPTIONS, recomputeInputs } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { progressReporter } from "../progress.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { runDryRun } from "../warehouse-dry-run.ts";
import { EVERY_OUTPUT } from "../../engine/engine-outputs.ts";
import { workspaceRoot } from "../workspace-root.ts";

export const spec = {
  name: "build",
  summary: "Check the workspace, then build the playbook site. Nothing is published when the check finds errors.",
  usage: "seg build [options]",
  options: [
    {
      name: "out",
      type: "string",
      placeholder: "DIR",
      default: "dist",
      description:
        "Output folder, relative to the workspace; the build replaces it whole. Refused (exit 2): the workspace, a folder containing it, a link, a dot-folder, a folder holding workspace files, and a non-empty folder outside the workspace that seg build did not write (it marks its sites with a .seg-build file).",
    },
    { name: "site", type: "string", placeholder: "URL", description: "The site's public URL (for canonical links), e.g. https://acme.github.io." },
    { name: "base", type: "string", placeholder: "PATH", description: "Base path when the site is not served at the root, e.g. /playbook for a GitHub Pages project site." },
    ...RECOMPUTE_OPTIONS,
  ],
  examples: ["seg build", "seg build --base /playbook --site https://acme.github.io", "seg build --root examples/online-retail --data-dir ../shared/data/online-retail"],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  const root = workspaceRoot(args, io);
  const inputs = recomputeInputs(args, io);
  const dryRun = await runDryRun(args.options["dry-run"], inputs, root, io, EVERY_OUTPUT);
  if (dryRun !== undefined) return dryRun;
  const site = siteOption(args.options.site);
  const base = baseOption(args.options.base);
  // Astro would otherwise post anonymous telemetry from every build.
  process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
  const started = Date.now();
  const progress = progressReporter(io);
  const result = await build({
    root,
    ...inputs,
    ...(args.options.out ? { outDir: args.options.out } : {}),
    ...(site ? { site } : {}),
    ...(base ? { base } : {}),
    // Astro's warnings are about Astro's internals, which a workspace cannot act on; --debug shows them.
    logLevel: args.options.debug ? "info" : "error",
    progress,
  }).finally(() => progress.done());
  const color = useColor(io);
  if (!result.outDir) {
    io.stderr(stylish({ root: result.check.root, asOf: result.check.asOf, diagnostics: result.check.diagnostics, counts: result.check.counts }, { color }));
    io.stderr(`seg build: not published: fix the ${result.check.counts.error} error${result.check.counts.error === 1 ? "" : "s"} above first.\n`);
    return 1;
  }
  const { warning } = result.check.counts;
  const where = relative(io.cwd, result.outDir) || ".";
  io.stdout(`Built the playbook (${result.pages} pages) to ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s${warning ? ` (${warning} warning${warning === 1 ? "" : "s"}; run seg check to see them)` : ""}.\n`);
  return 0;
}

export function siteOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SegError(`--site needs an absolute URL such as https://acme.github.io, not "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new SegError(`--site needs an http(s) URL, not "${value}".`);
  return url.href.replace(/\/$/, "");
}

/** "/playbook", "playbook" and "/playbook/" all mean the site lives under /playbook. */
export function baseOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return undefined;
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed) || trimmed.split("/").some((p) => p === "." || p === "..")) {
    throw new SegError(`--base needs a path such as /playbook, not "${value}".`);
  }
  return `/${trimmed}`;
}
