/**
 * Regenerate docs/rules.md from the rule registry and the checks registry, so
 * the reference cannot disagree with the rules' and checks' metadata. Run: node scripts/generate-rules-reference.ts [--check]
 * With --check nothing is written; the exit code says whether the file is current.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { checks } from "../src/checks/index.ts";
import { rules } from "../src/rules/index.ts";
import { renderChecksReference } from "./rules-reference/render-checks-reference.ts";
import { renderRulesReference } from "./rules-reference/render-rules-reference.ts";

const TARGET = resolve(import.meta.dirname, "../docs/rules.md");

const next = `${renderRulesReference(rules)}\n${renderChecksReference(checks)}`;
const current = existsSync(TARGET) ? readFileSync(TARGET, "utf8") : undefined;
if (process.argv.includes("--check")) {
  if (current !== next) {
    process.stderr.write("docs/rules.md is out of date: run node scripts/generate-rules-reference.ts\n");
    process.exitCode = 1;
  }
} else if (current !== next) {
  mkdirSync(dirname(TARGET), { recursive: true });
  writeFileSync(TARGET, next);
}
