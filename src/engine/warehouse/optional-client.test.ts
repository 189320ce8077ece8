import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOptionalClient, OPTIONAL_CLIENTS } from "./optional-client.ts";

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../package.json"), "utf8")) as {
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

describe("the warehouses' official clients", () => {
  it.each(Object.values(OPTIONAL_CLIENTS))("$name is an optional peer dependency at the version the message names, and tested at that version", ({ name, version }) => {
    expect(manifest.peerDependencies[name]).toBe(version);
    expect(manifest.peerDependenciesMeta[name]?.optional).toBe(true);
    expect(manifest.devDependencies[name]).toBe(version);
    expect(manifest.dependencies[name]).toBeUndefined();
  });

  it("missing, stops the run with the npm install that provides it", async () => {
    const missing = "@google-cloud/bigquery-not-installed";
    await expect(loadOptionalClient("bigquery", () => import(missing))).rejects.toThrow(/--engine bigquery needs BigQuery's official client.*`npm install @google-cloud\/bigquery@9\.3\.0`/);
    await expect(loadOptionalClient("snowflake", () => import(missing))).rejects.toThrow(/`npm install snowflake-sdk@3\.4\.1`/);
  });

  it("installed, loads; an error inside it is not taken for a missing client", async () => {
    const { BigQuery } = await loadOptionalClient("bigquery", () => import("@google-cloud/bigquery"));
    expect(typeof BigQuery).toBe("function");
    await expect(loadOptionalClient("snowflake", () => Promise.reject(new Error("boom")))).rejects.toThrow(/^boom$/);
  });
});
