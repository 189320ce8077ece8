/**
 * Who the members are: the rows of the accounts source, or, for a workspace of
 * transactions only, every customer of the RFM source.
 */
import type { Config } from "../schema/config.ts";
import { MEMBER_ID, q, sourceTable } from "./sql-names.ts";

export interface Population {
  /** The accounts source, when there is one. */
  accounts: string | undefined;
  /** SQL selecting one row per member, column member_id. */
  sql: string;
}

export function population(config: Config): Population {
  const accounts = Object.entries(config.sources).find(([, s]) => s.kind === "accounts")?.[0];
  if (accounts) {
    const source = config.sources[accounts]!;
    return { accounts, sql: `SELECT DISTINCT ${q(source.key)} AS ${q(MEMBER_ID)} FROM ${sourceTable(accounts)} WHERE ${q(source.key)} IS NOT NULL` };
  }
  const rfm = config.rfm!;
  const source = config.sources[rfm.source]!;
  return { accounts: undefined, sql: `SELECT DISTINCT ${q(source.customer!)} AS ${q(MEMBER_ID)} FROM ${sourceTable(rfm.source)} WHERE ${q(source.customer!)} IS NOT NULL` };
}
