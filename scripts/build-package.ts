/**
 * Builds the JavaScript that the published package runs: `tsc` emits src/ to
 * lib/ (relative `.ts` imports rewritten to `.js`), and the files tsc does not
 * handle (Astro components and routes, MDX, CSS, the browser script) are
 * copied beside them with their relative `.ts` imports rewritten the same way.
 *
 * Node runs the TypeScript sources directly in a checkout, but refuses to strip
 * types from files under node_modules, which is where an installed seg lives.
 * `npm pack` and `npm publish` run this first (the prepack script); bin/seg.js
 * runs lib/ whenever src/ is not there, as in the published package.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SRC = join(ROOT, "src");
const LIB = join(ROOT, "lib");
/** Files that tsc does not emit and that the package needs at run time. */
const ASSETS = new Set([".astro", ".mdx", ".css", ".js"]);
/** Files whose relative imports name `.ts` modules. */
const IMPORTERS = new Set([".astro", ".mdx"]);

export function buildPackage(): { modules: number; assets: number } {
  rmSync(LIB, { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript-7", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
  const modules = readdirSync(LIB, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js")).length;
  let assets = 0;
  for (const file of readdirSync(SRC, { recursive: true, encoding: "utf8" })) {
    const ext = extname(file);
    if (!ASSETS.has(ext)) continue;
    const target = join(LIB, file);
    mkdirSync(dirname(target), { recursive: true });
    if (IMPORTERS.has(ext)) writeFileSync(target, rewriteTsImports(readFileSync(join(SRC, file), "utf8")));
    else cpSync(join(SRC, file), target);
    assets += 1;
  }
  return { modules, assets };
}

/** `from "./x.ts"` and `import("../y.ts")` → `.js`, for relative specifiers only. */
export function rewriteTsImports(code: string): string {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*?)\.ts\2/g, (_, lead: string, quote: string, path: string) => `${lead}${quote}${path}.js${quote}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { modules, assets } = buildPackage();
  // stderr: npm pack --json prints its report on stdout, after this script runs.
  process.stderr.write(`Built ${relative(process.cwd(), LIB) || "lib"}: ${modules} modules, ${assets} assets.\n`);
}
