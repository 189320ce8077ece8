#!/usr/bin/env node
// The seg command. In a checkout it runs the TypeScript sources (Node >= 22.18
// strips types); the published package has no src/, only the JavaScript that
// scripts/build-package.ts compiles into lib/, because Node will not strip
// types from files under node_modules.
import { existsSync } from "node:fs";

const sources = new URL("../src/cli/main.ts", import.meta.url);
const base = existsSync(sources) ? "../src/cli/" : "../lib/cli/";
const ext = existsSync(sources) ? ".ts" : ".js";
const { processIo } = await import(new URL(`${base}io${ext}`, import.meta.url).href);
const { main } = await import(new URL(`${base}main${ext}`, import.meta.url).href);

process.exitCode = await main(process.argv.slice(2), processIo());
