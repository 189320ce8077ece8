/**
 * Generate the example company's data set into a directory: the account table, invoices,
 * product events, support tickets, survey responses and a README describing them. Same seed,
 * same bytes.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ACCOUNT_COLUMNS, accountRow, generateAccounts } from "./accounts.ts";
import { EVENT_COLUMNS, eventRow, generateEvents } from "./events.ts";
import { generateInvoices, INVOICE_COLUMNS, invoiceRow } from "./invoices.ts";
import { renderDataReadme } from "./render-data-readme.ts";
import { generateSurveys, SURVEY_COLUMNS, surveyRow } from "./surveys.ts";
import { generateTickets, TICKET_COLUMNS, ticketRow } from "./tickets.ts";
import { toCsv, writeCsvFile } from "./write-csv.ts";

export const DEFAULT_SEED = 20261101;
export const DEFAULT_ACCOUNT_COUNT = 3000;

export type GenerateOptions = { outDir: string; seed: number; accountCount?: number };
export type WrittenFile = { name: string; rows: number; bytes: number };

export function generateExampleData(options: GenerateOptions): WrittenFile[] {
  const { outDir, seed } = options;
  mkdirSync(outDir, { recursive: true });
  const accounts = generateAccounts(seed, options.accountCount ?? DEFAULT_ACCOUNT_COUNT);
  const files: WrittenFile[] = [];
  const write = (name: string, columns: readonly string[], rows: (readonly (string | number | null)[])[]): void => {
    files.push({ name, rows: rows.length, bytes: writeCsvFile(join(outDir, name), toCsv(columns, rows)) });
  };
  write("accounts.csv", ACCOUNT_COLUMNS, accounts.map(accountRow));
  write("invoices.csv.gz", INVOICE_COLUMNS, generateInvoices(seed, accounts).map((invoice, i) => invoiceRow(invoice, i, accounts)));
  write("events.csv.gz", EVENT_COLUMNS, generateEvents(seed, accounts).map((event) => eventRow(event, accounts)));
  write("tickets.csv", TICKET_COLUMNS, generateTickets(seed, accounts).map((ticket, i) => ticketRow(ticket, i, accounts)));
  write("surveys.csv", SURVEY_COLUMNS, generateSurveys(seed, accounts).map((response, i) => surveyRow(response, i, accounts)));
  const readme = renderDataReadme(seed, files);
  writeFileSync(join(outDir, "README.md"), readme);
  files.push({ name: "README.md", rows: 0, bytes: Buffer.byteLength(readme) });
  return files;
}
