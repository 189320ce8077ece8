import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./escape-markdown.ts";
import { truncateText, truncateWords } from "./truncate-text.ts";

describe("truncateText", () => {
  it("keeps short text and cuts long text with an ellipsis", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("abcdefghij", 5)).toBe("abcd…");
  });

  it("never leaves half of a surrogate pair", () => {
    const cut = truncateText("abc😀def", 5);
    expect(cut).toBe("abc…");
    expect(/[\ud800-\udbff]$/.test(cut.slice(0, -1))).toBe(false);
  });
});

describe("truncateWords", () => {
  it("keeps text that fits, with its white space folded", () => {
    expect(truncateWords("  Two\n  lines ", 20)).toBe("Two lines");
  });

  it("cuts after the last whole word that fits, dropping trailing punctuation, within the room", () => {
    const cut = truncateWords("Headroom: quotas sized for bulk runs, with limits you can plan around", 40);
    expect(cut).toBe("Headroom: quotas sized for bulk runs…");
    expect(cut.length).toBeLessThanOrEqual(40);
  });

  it("cuts inside a word when no word ends near the end of the room", () => {
    expect(truncateWords("a Supercalifragilisticexpialidocious", 12)).toBe("a Supercali…");
  });
});

describe("escapeMarkdown", () => {
  it("makes table cells, HTML, emphasis and mentions inert on one line", () => {
    expect(escapeMarkdown("a | b <script> *x* @team\nnext")).toBe("a \\| b &lt;script&gt; \\*x\\* @\u200bteam next");
  });
});
