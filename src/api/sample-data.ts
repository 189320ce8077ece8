/**
 * The sample data `seg init` writes into data/ of the basic template: 300
 * accounts and their invoices for the year up to the day before `today`, so a
 * fresh workspace is fresh (stale-data measures against today). The accounts,
 * plans and amounts come from a fixed seed and never change; only the dates
 * move with `today`, counted back from it. Same `today` → byte-identical files.
 */
const DAY = 86_400_000;
const ACCOUNTS = 300;

/** accounts.csv and invoices.csv, as text, for a workspace whose as_of is `today` (YYYY-MM-DD). */
export function sampleData(today: string): { "accounts.csv": string; "invoices.csv": string } {
  const asOf = Date.parse(`${today}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(asOf)) throw new Error(`sampleData: "${today}" is not a YYYY-MM-DD date`);
  let state = 20261031;
  /** Park–Miller: small, deterministic, good enough for sample data. */
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const date = (daysBefore: number) => new Date(asOf - daysBefore * DAY).toISOString().slice(0, 10);

  const accounts = ["account_id,country,employees,plan,signup_date"];
  const invoices = ["invoice_id,account_id,invoice_date,amount_usd"];
  const rows: { account: string; days: number; amount: number }[] = [];
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
      for (let month = 0; month < 12; month++) rows.push({ account: id, days: offset + month * 30, amount: base + between(-40, 60) });
    } else {
      const count = between(1, 4);
      for (let n = 0; n < count; n++) rows.push({ account: id, days: between(20, Math.min(signup, 360)), amount: between(40, 400) });
    }
  }
  // The newest invoice is from the day before today.
  rows.push({ account: "A001", days: 1, amount: 120 });
  rows.sort((a, b) => b.days - a.days || (a.account < b.account ? -1 : 1));
  rows.forEach((row, i) => invoices.push([`INV-${String(i + 1).padStart(5, "0")}`, row.account, date(row.days), `${row.amount}.00`].join(",")));
  return { "accounts.csv": `${accounts.join("\n")}\n`, "invoices.csv": `${invoices.join("\n")}\n` };
}
