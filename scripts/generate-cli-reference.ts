/**
 * Regenerate the command reference in README.md (between the cli-reference
 * markers) from the commands' option tables, so README, --help and the parser
 * cannot disagree. Run: node scripts/generate-cli-reference.ts [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderCliReference } from "./cli-reference/render-cli-reference.ts";

const README = resolve(import.meta.dirname, "../README.md");
const START = "<!-- cli-reference:start -->";
const END = "<!-- cli-reference:end -->";

const text = readFileSync(README, "utf8");
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start === -1 || end === -1) {
  process.stderr.write(`README.md lacks the ${START} … ${END} markers.\n`);
  process.exit(2);
}
const next = `${text.slice(0, start + START.length)}\n${await renderCliReference()}${text.slice(end)}`;
if (process.argv.includes("--check")) {
  if (next !== text) {
    process.stderr.write("README.md's command reference is out of date: run node scripts/generate-cli-reference.ts\n");
    process.exit(1);
  }
} else {
  writeFileSync(README, next);
}
