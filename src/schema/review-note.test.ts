import { describe, expect, it } from "vitest";
import { issuesOf, parsed } from "../../test/support/zod-issues.ts";
import { reviewNoteSchema } from "./review-note.ts";

const minimal = { date: "2026-10-15", title: "Quarterly review", author: "Ana" };

describe("reviewNoteSchema", () => {
  describe("valid", () => {
    it("is a review about no particular segment unless it says otherwise", () => {
      expect(parsed(reviewNoteSchema, minimal)).toEqual({ ...minimal, kind: "review", segments: [] });
    });

    it("accepts frontline feedback about segments, with decisions", () => {
      const note = { ...minimal, kind: "frontline-feedback", segments: ["smb", "market/agencies"], decisions: ["Retire hobbyists"] };
      expect(parsed(reviewNoteSchema, note)).toEqual(note);
    });
  });

  describe("invalid", () => {
    it.each([
      ["a missing date", { title: "T", author: "A" }, [{ path: "date", code: "invalid_type" }]],
      ["a date that does not exist", { ...minimal, date: "2026-04-31" }, [{ path: "date", message: "is not a real calendar date" }]],
      ["an unknown kind", { ...minimal, kind: "retro" }, [{ path: "kind", code: "invalid_value" }]],
      ["a missing author", { date: "2026-10-15", title: "T" }, [{ path: "author", code: "invalid_type" }]],
      ["an empty segment reference", { ...minimal, segments: [""] }, [{ path: "segments[0]", code: "too_small" }]],
      ["a misspelt key", { ...minimal, autor: "Ana" }, [{ path: "", code: "unrecognized_keys" }]],
    ])("refuses %s", (_case, note, expected) => {
      expect(issuesOf(reviewNoteSchema, note)).toMatchObject(expected);
    });
  });
});
