/**
 * The playbook speaks of the workspace's own unit: the starter template built
 * with `unit: customer` (a consumer business) says customers, not accounts, on
 * the overview's goals and on the Data page.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtPage, sectionText } from "../../support/built-html.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const TEMPLATE = resolve(import.meta.dirname, "../../../templates/basic");
const SLOW = 900_000;

describe("a workspace whose members are customers", () => {
  let site: WorkspaceSite;
  beforeAll(async () => {
    const config = readFileSync(resolve(TEMPLATE, "segmentation.yaml"), "utf8");
    expect(config).toMatch(/^ {4}unit: account$/m);
    site = await buildWorkspaceSite({ from: TEMPLATE, files: { "segmentation.yaml": config.replace(/^ {4}unit: account$/m, "    unit: customer") }, today: "2026-11-01" });
    expect(site.result.outDir, site.result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
  }, SLOW);
  afterAll(() => site?.remove());

  it("states the focus and objective for customers", () => {
    const goals = sectionText(builtPage(site.outDir, ""), "goals");
    expect(goals).toContain("Internal — retain and expand existing customers");
    expect(goals).toContain("Account attack — grow what existing customers buy and keep them longer");
    // The workspace's own prose may say accounts; Seg's words for its focus and objective do not.
    const [, focus, objective] = /Focus (.*?) Objective (.*?) Unit /.exec(goals) ?? [];
    expect(`${focus} ${objective}`).not.toContain("account ");
    expect(`${focus} ${objective}`).not.toContain("accounts");
  });

  it("counts customers on the Data page", () => {
    expect(sectionText(builtPage(site.outDir, "data"), "features")).toMatch(/of [\d,]+ customers have a value/);
  });
});
