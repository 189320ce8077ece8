import { describe, expect, it } from "vitest";
import { issuesOf, parsed } from "../../test/support/zod-issues.ts";
import { suppressionsSchema } from "./suppressions.ts";

describe("suppressionsSchema", () => {
  describe("valid", () => {
    it("accepts an empty baseline", () => {
      expect(parsed(suppressionsSchema, { version: 1, suppressions: {} })).toEqual({ version: 1, suppressions: {} });
    });

    it("accepts counts per file and rule, with a reason and an expiry", () => {
      const file = {
        $schema: "./schemas/suppressions.schema.json",
        version: 1,
        suppressions: { "segments/market/smb.yaml": { "stale-review": { count: 2, reason: "Owner on leave", expires: "2026-12-31" } } },
      };
      expect(parsed(suppressionsSchema, file)).toEqual(file);
    });
  });

  describe("invalid", () => {
    it.each([
      ["another version", { version: 2, suppressions: {} }, [{ path: "version", code: "invalid_value" }]],
      ["a missing version", { suppressions: {} }, [{ path: "version", code: "invalid_value" }]],
      ["a count of zero", { version: 1, suppressions: { "a.yaml": { "stale-review": { count: 0 } } } }, [{ path: "suppressions.a.yaml.stale-review.count", code: "too_small" }]],
      ["a fractional count", { version: 1, suppressions: { "a.yaml": { "stale-review": { count: 1.5 } } } }, [{ path: "suppressions.a.yaml.stale-review.count", code: "invalid_type" }]],
      ["an expiry that is not a date", { version: 1, suppressions: { "a.yaml": { r: { count: 1, expires: "soon" } } } }, [{ path: "suppressions.a.yaml.r.expires", code: "invalid_format" }]],
      ["an empty file name", { version: 1, suppressions: { "": {} } }, [{ path: "suppressions.", code: "invalid_key" }]],
      ["an unknown key", { version: 1, suppressions: {}, baseline: {} }, [{ path: "", code: "unrecognized_keys" }]],
    ])("refuses %s", (_case, file, expected) => {
      expect(issuesOf(suppressionsSchema, file)).toMatchObject(expected);
    });
  });
});
