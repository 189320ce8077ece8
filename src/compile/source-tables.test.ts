import { describe, expect, it } from "vitest";
import { parseSourceTables, sourceTableParts } from "./source-tables.ts";

describe("parseSourceTables", () => {
  it("reads source=table pairs of one to three parts", () => {
    expect(parseSourceTables("accounts=analytics.accounts, invoices=db.billing.invoices,events=events_raw")).toEqual({
      ok: true,
      tables: { accounts: ["analytics", "accounts"], invoices: ["db", "billing", "invoices"], events: ["events_raw"] },
    });
  });

  it("takes nothing as no mapping", () => {
    expect(parseSourceTables(undefined)).toEqual({ ok: true, tables: {} });
  });

  it.each(["accounts", "=x", "accounts=", "accounts=a..b", "accounts=a.b.c.d", "a=x,a=y"])("refuses %j with a message", (text) => {
    const parsed = parseSourceTables(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^--source/);
  });

  it("names unmapped sources after themselves", () => {
    expect(sourceTableParts(["a", "b"], { b: ["s", "t"] })).toEqual({ a: ["a"], b: ["s", "t"] });
  });
});
