/** data/README.md: what each generated file holds, its columns and row count, and how to regenerate it. */

import type { WrittenFile } from "./generate.ts";

function rowsOf(files: readonly WrittenFile[], name: string): string {
  const rows = files.find((f) => f.name === name)?.rows;
  return rows === undefined ? "?" : String(rows).replace(/\B(?=(\d{3})+$)/g, ",");
}

export function renderDataReadme(seed: number, files: readonly WrittenFile[]): string {
  const rows = (name: string): string => rowsOf(files, name);
  return `# Example data: Relay

**Synthetic.** Every row here was made up by \`scripts/generate-example-data.ts\` (seed ${seed});
no real company, person or customer is described. Relay is a fictional B2B SaaS
workflow-automation product with ${rows("accounts.csv")} customer accounts. The data window runs from
2024-11-01 to 2026-10-31 inclusive; the workspace's as_of date is 2026-11-01.

Each account was generated from two hidden labels that are not in the files: a lifecycle
(power users, task completers, occasional users, struggling accounts) that shapes its usage,
tickets, survey scores and churn, and a market (enterprise, SMB, startup, agency) that shapes its
firmographics and spend. The example workspace's segments recover them from the data.

Regenerate (byte-identical for the same seed and Node version):

\`\`\`sh
npm run generate:data            # node scripts/generate-example-data.ts
node scripts/generate-example-data.ts --out /tmp/relay --seed 7
\`\`\`

All files are CSV with a header row, RFC 4180 quoting, LF line ends and UTF-8. Dates are
\`YYYY-MM-DD\`, timestamps \`YYYY-MM-DD HH:MM:SS\` (no time zone). An empty cell means unknown or not applicable, as each column says.
The \`.csv.gz\` files are gzip-compressed CSV that DuckDB reads directly.

| file | rows | one row per |
|---|---:|---|
| \`accounts.csv\` | ${rows("accounts.csv")} | customer account, including accounts that churned in the window |
| \`invoices.csv.gz\` | ${rows("invoices.csv.gz")} | invoice issued in the window |
| \`events.csv.gz\` | ${rows("events.csv.gz")} | product event (sorted by \`occurred_at\`, then \`account_id\`) |
| \`tickets.csv\` | ${rows("tickets.csv")} | support ticket |
| \`surveys.csv\` | ${rows("surveys.csv")} | NPS survey response |

## accounts.csv

| column | meaning |
|---|---|
| \`account_id\` | \`ACC-00001\` … |
| \`company_name\` | company name; some contain commas or quotes |
| \`industry_raw\` | industry as typed by sales: synonyms, odd casing, trailing spaces, blanks, junk ("N/A", "?"). Normalize before use |
| \`employees\` | head count (integer; about 2% blank) |
| \`annual_revenue_usd\` | yearly revenue in USD (integer; about 3% blank) |
| \`country\` | ISO 3166-1 alpha-2 code of the headquarters |
| \`sales_region\` | sales territory (NA-East, NA-West, EMEA, APAC, LATAM): an org-chart field, not a need |
| \`plan\` | current plan: free, starter, growth, enterprise |
| \`signup_date\` | first day as a customer, 2019-01-01 to 2026-09-30 |
| \`churned_on\` | day the account left (inside the window), blank if still a customer; no data after it |
| \`acquisition_channel\` | organic, paid, partner, outbound, referral |

## invoices.csv.gz

| column | meaning |
|---|---|
| \`invoice_id\` | \`INV-000001\` …, in date order |
| \`account_id\` | the billed account |
| \`invoice_date\` | issue date; monthly or yearly from the first paid day |
| \`amount_usd\` | amount in USD with two decimals (seats × plan price, less discounts) |
| \`status\` | paid, refunded or void; only \`paid\` counts as revenue |

Free accounts have no invoices; accounts that upgraded from free are invoiced from the upgrade.

## events.csv.gz

| column | meaning |
|---|---|
| \`account_id\` | the account |
| \`user_id\` | \`U-\` + number; each user belongs to exactly one account |
| \`occurred_at\` | timestamp, business-hours weighted |
| \`event_type\` | login, workflow_run, report_export, integration_added, invite_sent, api_call, template_used |

Usage grows over the window, so most events fall in the last twelve months. For 13 weeks from
2026-06-01, while Relay ran a retention campaign for occasional users (a weekly what-ran-for-you
email and a template of the week), accounts with the hidden occasional lifecycle were active on
1.6 times as many days as they would have been; no other account is affected. The workspace's \`impact:\` setting compares
the 90 days before and after that date.

## tickets.csv

| column | meaning |
|---|---|
| \`ticket_id\` | \`TCK-000001\` …, in the order opened |
| \`account_id\` | the account that opened it |
| \`opened_at\` | timestamp |
| \`priority\` | low, normal, high, urgent |
| \`channel\` | email, chat, phone |
| \`subject\` | free text as the customer wrote it |
| \`resolution_hours\` | hours to resolution with one decimal; blank while still open |

## surveys.csv

| column | meaning |
|---|---|
| \`response_id\` | \`RSP-00001\` …, in date order |
| \`account_id\` | the responding account (some answer more than once) |
| \`answered_at\` | date |
| \`respondent_role\` | job title as typed by the respondent |
| \`nps\` | 0–10 likelihood to recommend; about 5% blank |
| \`comment\` | free-text comment; often blank |
`;
}
