import { describe, expect, it } from "vitest";
import type { Config } from "../schema/config.ts";
import { definingNames } from "./defining-names.ts";
import { parseExpression } from "./parser.ts";

type Definitions = Pick<Config, "features" | "sources">;

const config = {
  sources: {
    clients: {
      path: "clients.csv",
      kind: "accounts",
      key: "client_no",
      columns: {
        client_no: { type: "integer", kind: "key" },
        Fresh: { type: "integer", kind: "behavioral" },
        Grocery: { type: "integer", kind: "behavioral" },
        Milk: { type: "integer", kind: "behavioral" },
        Region: { type: "integer", kind: "territory" },
        grocery_and_milk: { type: "integer", kind: "behavioral", expression: "Grocery + Milk" },
      },
    },
  },
  features: {
    total_spend: { expression: "Fresh + grocery_and_milk" },
    grocery_share: { expression: "Grocery / total_spend" },
    loops: { expression: "loops + 1" },
    region: { source: "clients", column: "Region" },
  },
} as unknown as Definitions;

function names(source: string, definitions: Definitions = config): string[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return definingNames(parsed.ast, definitions);
}

describe("definingNames", () => {
  it("follows computed features and derived columns to every name they are computed from", () => {
    expect(names("grocery_share >= 0.6")).toEqual(["Fresh", "Grocery", "Milk", "grocery_and_milk", "grocery_share", "total_spend"]);
  });

  it("stops at attribute features and plain columns", () => {
    expect(names("region = 1 and Fresh > 100")).toEqual(["Fresh", "region"]);
  });

  it("reads each name once, even when a feature refers to itself", () => {
    expect(names("loops > 2")).toEqual(["loops"]);
  });

  it("equals the referenced names when nothing is computed", () => {
    expect(names("Milk > 1 and Fresh < 2", { sources: {}, features: {} } as unknown as Definitions)).toEqual(["Fresh", "Milk"]);
  });
});
