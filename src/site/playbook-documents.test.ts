import { describe, expect, it } from "vitest";
import { documentsFor, registerDocuments, type PlaybookDocument } from "./playbook-documents.ts";

const persona: PlaybookDocument = { collection: "personas", id: "lee", data: { id: "lee", name: "Lee" }, body: "\n\nLee runs support.\n", filePath: "personas/lee.mdx" };
const review: PlaybookDocument = { collection: "reviews", id: "2026-10-01-q4", data: { date: "2026-10-01" }, body: "A note.\n", filePath: "reviews/2026-10-01-q4.md" };

describe("the playbook documents handed to the content collections", () => {
  it("gives each collection its documents, for the stage they were registered under only, until withdrawn", () => {
    const withdraw = registerDocuments("/tmp/seg-stage-x/stage-a/", [persona, review]);
    expect(documentsFor("/tmp/seg-stage-x/stage-a", "personas")).toEqual([persona]);
    expect(documentsFor("/tmp/seg-stage-x/stage-a", "reviews")).toEqual([review]);
    expect(documentsFor("/tmp/seg-stage-x/stage-b", "personas")).toEqual([]);
    // The frontmatter value is Seg's (YAML 1.2): a date stays the string the schema checked.
    expect(documentsFor("/tmp/seg-stage-x/stage-a", "reviews")[0]!.data.date).toBe("2026-10-01");
    withdraw();
    expect(documentsFor("/tmp/seg-stage-x/stage-a", "personas")).toEqual([]);
  });

  it("replaces a stage's documents when registered again (seg dev after an edit)", () => {
    const withdraw = registerDocuments("/tmp/seg-stage-y", [persona]);
    registerDocuments("/tmp/seg-stage-y", [{ ...persona, body: "Lee runs support and sales.\n" }]);
    expect(documentsFor("/tmp/seg-stage-y", "personas").map((d) => d.body)).toEqual(["Lee runs support and sales.\n"]);
    withdraw();
  });
});
