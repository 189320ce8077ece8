/**
 * Generate the example company's data (Relay, a fictional workflow-automation SaaS) into data/.
 *
 *   node scripts/generate-example-data.ts [--out DIR] [--seed N]
 *
 * Deterministic: no clock and no unseeded randomness reach the files, so the same seed gives the
 * same bytes on the same Node version.
 */

import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, generateExampleData } from "./example-data/generate.ts";

const DEFAULT_OUT = resolve(import.meta.dirname, "../data");

const HELP = `Usage: node scripts/generate-example-data.ts [options]

Writes accounts.csv, invoices.csv.gz, events.csv.gz, tickets.csv, surveys.csv and README.md.

Options:
  --out DIR    output directory (default: the repository's data/)
  --seed N     non-negative integer seed (default: ${DEFAULT_SEED})
  -h, --help   show this help
`;

function main(argv: string[]): number {
  let values: { out?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(HELP);
    return 0;
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : /^\d{1,10}$/.test(values.seed) ? Number(values.seed) : Number.NaN;
  if (!(seed <= 0xffffffff)) {
    process.stderr.write(`--seed must be an integer from 0 to 4294967295, got "${values.seed}"\n`);
    return 2;
  }
  const outDir = values.out === undefined ? DEFAULT_OUT : resolve(values.out);
  const started = performance.now();
  const files = generateExampleData({ outDir, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const file of files) {
    const rows = file.name.endsWith(".md") ? "" : `${file.rows} rows`;
    process.stdout.write(`${file.name.padEnd(16)} ${rows.padStart(13)} ${String(file.bytes).padStart(10)} bytes\n`);
  }
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  process.stdout.write(`wrote ${total} bytes to ${outDir} in ${seconds} s (seed ${seed})\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
