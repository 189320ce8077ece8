#!/usr/bin/env node
// The seg command. Runs the TypeScript sources directly (Node >= 22.18 strips types).
import { processIo } from "../src/cli/io.ts";
import { main } from "../src/cli/main.ts";

process.exitCode = await main(process.argv.slice(2), processIo());
