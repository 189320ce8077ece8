/**
 * Writes the sample data of the basic template (templates/basic/data/): 300
 * accounts and their invoices for the year before 2026-10-31, from a fixed seed
 * so the files never change unless this script does. Run:
 *   node templates/generate-basic-data.ts [DIR]
 * (DIR defaults to templates/basic/data; a test regenerates into a temporary
 * folder and compares.)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const AS_OF = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;
const ACCOUNTS = 300;

let state = 20261031;
/** Park–Miller: small, deterministic, good enough for sample data. */
const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const date = (daysBefore: number) => new Date(AS_OF - daysBefore * DAY).toISOString().slice(0, 10);

const accounts = ["account_id,country,employees,plan,signup_date"];
const invoices = ["invoice_id,account_id,invoice_date,amount_usd"];
const rows: { id: string; account: string; days: number; amount: number }[] = [];
for (let i = 1; i <= ACCOUNTS; i++) {
  const id = `A${String(i).padStart(3, "0")}`;
  const loyal = random() < 0.3;
  const plan = loyal ? pick(["team", "business", "business"]) : pick(["starter", "starter", "team"]);
  const signup = between(loyal ? 400 : 60, 900);
  accounts.push([id, pick(["US", "US", "GB", "DE", "FR", "CA", "NL"]), loyal ? between(20, 800) : between(2, 120), plan, date(signup)].join(","));
  if (loyal) {
    // Monthly invoices for the last year, the latest within the last month.
    const offset = between(1, 28);
    const base = between(250, 900);
    for (let month = 0; month < 12; month++) rows.push({ id: "", account: id, days: offset + month * 30, amount: base + between(-40, 60) });
  } else {
    const count = between(1, 4);
    for (let n = 0; n < count; n++) rows.push({ id: "", account: id, days: between(20, Math.min(signup, 360)), amount: between(40, 400) });
  }
}
rows.push({ id: "", account: "A001", days: 1, amount: 120 });
rows.sort((a, b) => b.days - a.days || (a.account < b.account ? -1 : 1));
rows.forEach((row, i) => invoices.push([`INV-${String(i + 1).padStart(5, "0")}`, row.account, date(row.days), `${row.amount}.00`].join(",")));

const dir = resolve(process.argv[2] ?? resolve(import.meta.dirname, "basic/data"));
mkdirSync(dir, { recursive: true });
writeFileSync(resolve(dir, "accounts.csv"), `${accounts.join("\n")}\n`);
writeFileSync(resolve(dir, "invoices.csv"), `${invoices.join("\n")}\n`);
process.stdout.write(`Wrote ${ACCOUNTS} accounts and ${rows.length} invoices to ${dir}.\n`);
