/**
 * Who the members are: the rows of the accounts source, or, for a workspace of
 * transactions only, every customer of the RFM source. The members table itself
 * is the plan's (`membersSql` in src/compile/emit/features-query.ts); this names
 * the accounts source for the engine steps that join it.
 */
import type { Config } from "../schema/config.ts";

export interface Population {
  /** The accounts source, when there is one. */
  accounts: string | undefined;
}

export function population(config: Config): Population {
  return { accounts: Object.entries(config.sources).find(([, s]) => s.kind === "accounts")?.[0] };
}
