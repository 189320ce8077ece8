import { describe, expect, it } from "vitest";
import { classifyLinkTarget } from "./link-target.ts";

describe("classifyLinkTarget", () => {
  it("allows http(s), mailto and relative targets", () => {
    expect(classifyLinkTarget("https://example.com/a?b#c")).toEqual({ kind: "external", scheme: "https" });
    expect(classifyLinkTarget("HTTP://example.com")).toEqual({ kind: "external", scheme: "http" });
    expect(classifyLinkTarget("mailto:ana@example.com")).toEqual({ kind: "external", scheme: "mailto" });
    expect(classifyLinkTarget("../segments/heavy/")).toEqual({ kind: "relative", path: "../segments/heavy/" });
    expect(classifyLinkTarget("#goals")).toEqual({ kind: "relative", path: "#goals" });
    expect(classifyLinkTarget("./a:b.png")).toEqual({ kind: "relative", path: "./a:b.png" });
  });

  it("refuses every other scheme however it is disguised", () => {
    const disguised = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x61;script:alert(1)", "jav&#97;script:alert(1)", "javascript&colon;alert(1)", "jav&amp;#x61;script:x", "java%73cript:x", "%6Aavascript:x", "java\tscript:x", "java\nscript:x", " \u0001javascript:x", "vbscript:x", "data:text/html,<script>", "file:///etc/passwd", "blob:https://x/y"];
    for (const url of disguised) expect(classifyLinkTarget(url).kind, JSON.stringify(url)).toBe("refused");
    expect(classifyLinkTarget("jav&#x61;script:x")).toEqual({ kind: "refused", scheme: "javascript" });
  });
});
