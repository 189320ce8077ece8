/**
 * Synthetic data for the end-to-end benchmark, the same bytes on every run:
 * 1,000,000 accounts and 10,000,000 invoices over two years (every account has
 * at least one; the rest skewed towards low account numbers, so frequency and
 * spend are long-tailed), written as Parquet by DuckDB without passing rows
 * through JavaScript. Values come from hash(row, salt), not a random generator.
 *
 *   node bench/generate-large.ts [out-dir] [invoices] [accounts]
 */
import { mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openDatabase } from "../src/engine/duckdb.ts";

export const LARGE_DATA = join(tmpdir(), "seg-bench-large");

export async function generateLarge(outDir = LARGE_DATA, invoices = 10_000_000, accounts = 1_000_000): Promise<{ dir: string; bytes: number }> {
  mkdirSync(outDir, { recursive: true });
  const accountsFile = join(outDir, "accounts.parquet");
  const invoicesFile = join(outDir, "invoices.parquet");
  const db = await openDatabase({ memoryLimit: "2GB", tempDirectory: join(outDir, ".tmp") });
  // u(i, salt): a uniform number in [0, 1) from the hash of the row and a salt.
  await db.run(`CREATE MACRO u(i, salt) AS (hash(i, salt) % 1000000007) / 1000000007.0`);
  try {
    await db.run(`COPY (
      SELECT printf('A%07d', i) AS account_id,
        CAST(1 + floor(pow(10, 4 * u(i, 1))) AS BIGINT) AS employees,
        ['free', 'starter', 'growth', 'enterprise'][1 + CAST(floor(u(i, 2) * 4) AS INTEGER)] AS plan,
        ['DE', 'FR', 'GB', 'US', 'NL', 'ES', 'IT', 'SE'][1 + CAST(floor(u(i, 3) * 8) AS INTEGER)] AS country,
        DATE '2022-01-01' + CAST(floor(u(i, 4) * 1400) AS INTEGER) AS signup_date
      FROM range(${accounts}) t(i)
    ) TO '${accountsFile}' (FORMAT parquet, ROW_GROUP_SIZE 122880)`);
    await db.run(`COPY (
      SELECT printf('I%08d', i) AS invoice_id,
        printf('A%07d', CASE WHEN i < ${accounts} THEN i ELSE CAST(floor(${accounts} * pow(u(i, 5), 2)) AS BIGINT) END) AS account_id,
        TIMESTAMP '2024-11-01 00:00:00' + to_seconds(CAST(floor(u(i, 6) * 730 * 86400) AS BIGINT)) AS invoiced_at,
        round(5 + 495 * pow(u(i, 7), 3), 2) AS amount_usd,
        CASE WHEN u(i, 8) < 0.03 THEN 'refunded' ELSE 'paid' END AS status
      FROM range(${invoices}) t(i)
    ) TO '${invoicesFile}' (FORMAT parquet, ROW_GROUP_SIZE 122880)`);
  } finally {
    db.close();
  }
  return { dir: outDir, bytes: statSync(accountsFile).size + statSync(invoicesFile).size };
}

if (import.meta.main) {
  const [out, invoices, accounts] = process.argv.slice(2);
  const dir = resolve(out ?? LARGE_DATA);
  const started = performance.now();
  const result = await generateLarge(dir, invoices ? Number(invoices) : undefined, accounts ? Number(accounts) : undefined);
  process.stdout.write(`${JSON.stringify({ ...result, seconds: (performance.now() - started) / 1000 })}\n`);
}
