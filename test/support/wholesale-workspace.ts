/**
 * A workspace over the UCI Wholesale customers CSV (440 clients, no id column:
 * a row_number key numbers them), segmented by sales channel. Tests choose the
 * key, which of the file's columns are declared and exposed as features, and
 * any clustering; the lines up to the declared columns are always the same,
 * so `key:` is line 15 and `client_no:` line 17.
 */
import { readFileSync } from "node:fs";
import { dataPath, missingData } from "./shared-data.ts";

/** The six yearly spend columns, in file order after Channel and Region. */
export const WHOLESALE_SPEND = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"];

/** Why the Wholesale tests cannot run here, or undefined when the data set is present. */
export const missingWholesale = (): string | undefined => missingData("wholesale-customers", "wholesale_customers.csv");

export const wholesaleCsv = (): string => readFileSync(dataPath("wholesale-customers", "wholesale_customers.csv"), "utf8");

export interface WholesaleConfig {
  /** The accounts key (default client_no, the row number). */
  key?: string;
  /** Integer columns declared besides client_no and Channel, with their kind. */
  columns: Readonly<Record<string, string>>;
  /** Declared columns exposed as features under their lowercase name (channel_code always is). */
  features?: readonly string[];
  /** A `clustering:` block appended after the channel scheme. */
  clustering?: string;
}

export function wholesaleConfig({ key = "client_no", columns, features = [], clustering = "" }: WholesaleConfig): string {
  return `name: Wholesale
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Serve each kind of client.
  stakeholders:
    - { name: Ana, role: Sales }
  scope: { unit: customer }
  deliverables: [Segments]
sources:
  clients:
    path: data/wholesale.csv
    kind: accounts
    key: ${key}
    columns:
      client_no: { type: integer, kind: key, row_number: true }
      Channel: { type: integer, kind: behavioral }
${Object.entries(columns)
  .map(([column, kind]) => `      ${column}: { type: integer, kind: ${kind} }\n`)
  .join("")}features:
  channel_code: { source: clients, column: Channel }
${features.map((column) => `  ${column.toLowerCase()}: { source: clients, column: ${column} }\n`).join("")}schemes:
  channel:
    label: Channel
${clustering}`;
}

/** The workspace's files: segmentation.yaml, the two channel segments and the CSV at data/wholesale.csv. */
export function wholesaleFiles(config: string): Record<string, string> {
  return {
    "segmentation.yaml": config,
    "segments/channel/horeca.yaml": "id: horeca\nname: Horeca\nsummary: Hotels, restaurants, cafés.\nstatus: active\napproach: behavioral\ndefinition:\n  where: channel_code = 1\n",
    "segments/channel/retail.yaml": "id: retail\nname: Retail\nsummary: Retailers.\nstatus: active\napproach: behavioral\ndefinition:\n  where: channel_code = 2\n",
    "data/wholesale.csv": wholesaleCsv(),
  };
}
