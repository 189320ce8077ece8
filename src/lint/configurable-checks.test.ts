import { describe, expect, it } from "vitest";
import { dataDuplicateId, dataTypeMismatch } from "../checks/data.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { configSchema, type Config } from "../schema/config.ts";
import { applyCheckSettings, configurableChecks, findConfigurableCheck } from "./configurable-checks.ts";

const config = (rules: Record<string, string>): Config =>
  configSchema.parse({
    name: "t",
    goals: { focus: "internal", objective: "account-attack", statement: "s", stakeholders: [{ name: "A", role: "B" }], scope: { unit: "account" }, deliverables: ["d"] },
    sources: { accounts: { path: "a.csv", kind: "accounts", key: "member_id", columns: { member_id: { type: "string" } } } },
    schemes: { usage: { label: "Usage" } },
    rules,
  });

const finding = (ruleId: string, severity: Diagnostic["severity"]): Diagnostic => ({
  ruleId,
  severity,
  message: "m",
  file: "sources/accounts.csv",
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
});

describe("configurable checks", () => {
  it("read blocking from the check's definition in the checks registry", () => {
    expect(dataTypeMismatch.blocking).toBe(true);
    expect(findConfigurableCheck(dataTypeMismatch.id)?.blocking).toBe(true);
    expect(dataDuplicateId.blocking).toBeUndefined();
    expect(findConfigurableCheck(dataDuplicateId.id)?.blocking).toBe(false);
    // A check that stops the recompute reports an error: a blocking warning would be a contradiction.
    expect(configurableChecks.filter((c) => c.blocking && c.defaultSeverity !== "error")).toEqual([]);
  });

  it("a check declared blocking keeps its error when rules: lowers it or turns it off", () => {
    const error = finding(dataTypeMismatch.id, "error");
    for (const level of ["off", "info", "warn"]) {
      expect(applyCheckSettings([error], config({ [dataTypeMismatch.id]: level }))).toEqual([error]);
    }
  });

  it("a check not declared blocking follows rules:", () => {
    const warning = finding(dataDuplicateId.id, "warning");
    expect(applyCheckSettings([warning], config({ [dataDuplicateId.id]: "off" }))).toEqual([]);
    expect(applyCheckSettings([warning], config({ [dataDuplicateId.id]: "info" }))).toEqual([{ ...warning, severity: "info" }]);
  });
});
