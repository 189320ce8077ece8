#!/usr/bin/env node
// The seg command. In a checkout it runs the TypeScript sources (Node >= 22.18
// strips types); the published package has no src/, only the JavaScript that
// scripts/build-package.ts compiles into lib/, because Node will not strip
// types from files under node_modules.
import { existsSync } from "node:fs";
import module from "node:module";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`seg needs Node.js 22.18 or newer; this is ${process.version}. Install a current Node (e.g. 24) and run seg again.\n`);
  process.exit(2);
}

// V8's code cache (in the OS temp folder, checked against each file's content) saves a
// third of the start-up: compiling and type-stripping some 300 modules on every run.
module.enableCompileCache?.();

const checkout = existsSync(new URL("../src/cli/main.ts", import.meta.url));
const [base, ext] = checkout ? ["../src/cli/", ".ts"] : ["../lib/cli/", ".js"];
const { processIo } = await import(new URL(`${base}io${ext}`, import.meta.url).href);
const { main } = await import(new URL(`${base}main${ext}`, import.meta.url).href);

process.exitCode = await main(process.argv.slice(2), processIo());
