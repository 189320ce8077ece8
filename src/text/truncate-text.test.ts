import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./escape-markdown.ts";
import { truncateText } from "./truncate-text.ts";

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

describe("escapeMarkdown", () => {
  it("makes table cells, HTML, emphasis and mentions inert on one line", () => {
    expect(escapeMarkdown("a | b <script> *x* @team\nnext")).toBe("a \\| b &lt;script&gt; \\*x\\* @\u200bteam next");
  });
});
