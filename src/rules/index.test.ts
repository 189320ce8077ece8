/**
 * The registry keeps its promises: ids match files, every rule has tests, its
 * documentation examples behave as documented, and its metadata is complete
 * enough to generate the rules reference.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { lintCase } from "../../test/support/rule-tester.ts";
import type { AnyRule } from "./define-rule.ts";
import type { ExampleData } from "./example-data.ts";
import { rules } from "./index.ts";

const HERE = import.meta.dirname;

/** Measurements under which the default workspace is healthy. */
const HEALTHY: ExampleData = {
  schemes: {
    usage: {
      population: 1000,
      segments: {
        heavy: { count: 150, valueShare: 0.5, features: { tickets_90d: { mean: 0.4, sd: 0.6 } } },
        light: { count: 850, valueShare: 0.5, features: { tickets_90d: { mean: 1.6, sd: 1.2 } } },
      },
    },
    market: {
      population: 1000,
      segments: {
        startups: { count: 400, valueShare: 0.3, features: { tickets_90d: { mean: 0.4, sd: 0.6 } } },
        companies: { count: 300, valueShare: 0.7, features: { tickets_90d: { mean: 2.2, sd: 1.2 } } },
        free: { count: 300, valueShare: 0, features: { tickets_90d: { mean: 0.1, sd: 0.3 } } },
      },
    },
  },
  sources: { events: { newest: "2026-10-31" } },
  lock: "fresh",
  clusters: { ari: 0.95, rows: 1000 },
};

describe("the rule registry", () => {
  it("is sorted by id, without duplicates", () => {
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it("gives every rule a unique description", () => {
    const descriptions = rules.map((r) => r.description);
    expect(descriptions.filter((d, i) => descriptions.indexOf(d) !== i)).toEqual([]);
  });

  describe.each(rules.map((rule) => [rule.id, rule] as const))("%s", (id, rule: AnyRule) => {
    it("lives in a file named after its id", async () => {
      const file = resolve(HERE, `${id}.ts`);
      expect(existsSync(file), `src/rules/${id}.ts`).toBe(true);
      const module = (await import(file)) as Record<string, unknown>;
      expect(Object.values(module)).toContain(rule);
    });

    it("has a test file with valid and invalid cases", () => {
      const file = resolve(HERE, `${id}.test.ts`);
      expect(existsSync(file), `src/rules/${id}.test.ts`).toBe(true);
      const text = readFileSync(file, "utf8");
      expect(text).toContain("ruleTester.run(");
      expect(text).toMatch(/\bvalid: \[\s*\{/);
      expect(text).toMatch(/\binvalid: \[\s*\{/);
    });

    it("has complete metadata", () => {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.description, "a sentence without a final period").toMatch(/^[A-Z].*[^.\s]$/);
      expect(rule.hint.length).toBeGreaterThan(20);
      expect(rule.docs.rationale.length).toBeGreaterThan(80);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      for (const [messageId, template] of Object.entries(rule.messages)) {
        expect(messageId).toMatch(/^[a-z][A-Za-z]*$/);
        expect(template).toMatch(/[.!?]$/);
      }
    });

    it("accepts empty options and documents each option", () => {
      expect(rule.options.safeParse({}).success).toBe(true);
      const schema = z.toJSONSchema(rule.options as z.ZodType, { io: "input" }) as { properties?: Record<string, { description?: string }> };
      for (const [name, property] of Object.entries(schema.properties ?? {})) expect(property.description, `option ${name}`).toBeTruthy();
    });

    it("fires on the documentation's bad example", () => {
      const data = rule.docs.data?.bad;
      expect(rule.docs.bad.length > 0 || data !== undefined, "docs need a bad example (files or data)").toBe(true);
      const findings = lintCase(rule, { name: "docs: bad", files: filesOf(rule.docs.bad), ...(data ? { data } : {}) });
      expect(findings.length).toBeGreaterThan(0);
    });

    it("stays quiet on the documentation's good example", () => {
      const data = rule.docs.data?.good;
      const findings = lintCase(rule, { name: "docs: good", files: filesOf(rule.docs.good), ...(data ? { data } : {}) });
      expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
    });

    it("stays quiet on the default test workspace, with and without data", () => {
      const quiet = (data?: ExampleData) => lintCase(rule, { name: "default", ...(data ? { data } : {}) }).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
      expect(quiet()).toEqual([]);
      expect(quiet(HEALTHY)).toEqual([]);
    });
  });
});

function filesOf(examples: readonly { file: string; text: string }[]): Record<string, string> {
  return Object.fromEntries(examples.map((e) => [e.file, e.text]));
}
