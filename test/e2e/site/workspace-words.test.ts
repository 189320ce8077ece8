/**
 * The playbook speaks of the workspace's own people. The starter template,
 * turned into a consumer business (`unit: customer`, its persona replaced by a
 * consumer and a household persona), says customers, not accounts, on the
 * overview's goals and on the Data page; its objective is worded for
 * customers, not named accounts; its personas are grouped as consumers and
 * households with no buying team asked for; and a segment with no sales
 * content yet gets a brief that says what to add instead of empty headings.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtPage, sectionText, textOf } from "../../support/built-html.ts";
import { init } from "../../../src/api/init.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const SLOW = 900_000;

const persona = (id: string, name: string, kind: string, context: string) => `---
id: ${id}
name: ${name}
kind: ${kind}
segments: [loyal]
context: ${context}
goals:
  - Spend less time reordering the same things
frustrations:
  - Surprise price changes
evidence: { interviews: 5, sources: [Customer interviews], from: 2026-08-01, to: 2026-10-10 }
informs: [The subscription offer]
last_reviewed: 2026-10-15
---

Orders the same things every month.
`;

describe("a consumer workspace: customers, consumer and household personas", () => {
  let site: WorkspaceSite;
  // The starter workspace as `seg init` writes it (the template's files hold placeholders for its dates).
  const starter = mkdtempSync(join(tmpdir(), "seg-workspace-words-"));
  beforeAll(async () => {
    init({ dir: starter, today: "2026-11-01", installed: { kind: "registry", version: "1.2.3" } });
    const config = readFileSync(resolve(starter, "segmentation.yaml"), "utf8");
    expect(config).toMatch(/^ {4}unit: account$/m);
    expect(config).toMatch(/^ {2}objective: account-attack$/m);
    site = await buildWorkspaceSite({
      from: starter,
      files: {
        "segmentation.yaml": config.replace(/^ {4}unit: account$/m, "    unit: customer"),
        "personas/loyal-lee.mdx": persona("loyal-lee", "Lee, the weekly shopper", "consumer", "Lives alone, orders groceries and household goods online every week."),
        "personas/family-fox.mdx": persona("family-fox", "The Fox family", "household", "Two adults and two children sharing one account and one card."),
      },
      today: "2026-11-01",
    });
    expect(site.result.outDir, site.result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
  }, SLOW);
  afterAll(() => {
    site?.remove();
    rmSync(starter, { recursive: true, force: true });
  });

  it("states the focus and objective for customers, not named accounts", () => {
    const goals = sectionText(builtPage(site.outDir, ""), "goals");
    expect(goals).toContain("Internal — retain and expand existing customers");
    expect(goals).toContain("Existing customers first — grow what existing customers buy and keep them longer");
    // The workspace's own prose may say accounts; Seg's words for its focus and objective do not.
    const [, focus, objective] = /Focus (.*?) Objective (.*?) Unit /.exec(goals) ?? [];
    expect(`${focus} ${objective}`).not.toMatch(/account/i);
  });

  it("counts customers on the Data page", () => {
    expect(sectionText(builtPage(site.outDir, "data"), "features")).toMatch(/of [\d,]+ customers have a value/);
  });

  it("counts personas by their kinds on the overview", () => {
    expect(textOf(builtPage(site.outDir, ""))).toMatch(/Personas 2 1 consumer, 1 household /);
  });

  it("groups personas as consumers and households, without asking for a buying team", () => {
    const html = builtPage(site.outDir, "personas");
    const text = textOf(html);
    expect(text).toContain("Consumer personas are people who choose, pay for and use the product themselves");
    expect(text).not.toContain("buying team");
    expect(text).not.toContain("No persona yet for");
    const matrix = /<table class="matrix">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    const head = [...(/<thead>([\s\S]*?)<\/thead>/.exec(matrix)?.[1] ?? "").matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1]!));
    expect(head).toEqual(["Segment", "Consumer", "Household"]);
    const page = textOf(builtPage(site.outDir, "personas/family-fox"));
    expect(page).toContain("Household persona");
    expect(page).toContain("A household deciding together");
    expect(page).not.toContain("The account");
  });

  it("gives a segment without sales content a brief that says what to add, with no empty headings", () => {
    const check = site.result.check;
    const metrics = check.data!.engine.schemes.flatMap((s) => s.segments).find((s) => s.segment === "loyal")!;
    const html = builtPage(site.outDir, "segments/loyal/brief");
    const missing = sectionText(html, "brief-missing");
    expect(missing).toContain("segments/lifecycle/loyal.yaml");
    for (const field of ["sales_playbook.signals", "sales_playbook.talking_points", "sales_playbook.objections", "sales_playbook.proof_points"]) expect(missing).toContain(field);
    // The messaging is written, so it is not asked for.
    expect(missing).not.toContain("gtm.messaging");
    expect(html).not.toMatch(/<h2 id="brief-(objections|proof)"/);
    expect(sectionText(html, "brief-say")).toContain("We know your account and plan ahead with you.");
    expect(sectionText(html, "brief-numbers")).toContain(`Members ${metrics.count.toLocaleString("en-US")} ${(metrics.share * 100).toFixed(1)}% of customers`);
    expect(textOf(builtPage(site.outDir, "segments/occasional/brief"))).toContain("Not served.");
  });
});
