import { describe, expect, it } from "vitest";
import { readYaml } from "./read-yaml.ts";
import { createSourceFile } from "./source-file.ts";

function read(text: string) {
  return readYaml({ file: createSourceFile("test.yaml", text), base: 0, text });
}

describe("readYaml", () => {
  it("reads a BOM-prefixed file like any other", () => {
    expect(read("\uFEFFid: café\nname: 東京 🚀\n")).toMatchObject({ value: { id: "café", name: "東京 🚀" }, diagnostics: [] });
  });

  it.each([
    ["a NUL byte", "id: x\nname: a\u0000b\n", 2, 8, "The file contains a NUL byte (U+0000); it looks like a binary file, not YAML text."],
    ["an escape character", "id: x\nname: \u001b[2J\n", 2, 7, "The file contains the control character U+001B, which YAML text may not hold."],
    ["a C1 control", "id: x\u0090\n", 1, 6, "The file contains the control character U+0090, which YAML text may not hold."],
  ])("refuses %s at its position, before parsing", (_case, text, line, column, message) => {
    const { value, diagnostics } = read(text);
    expect(value).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ruleId: "yaml/syntax", line, column, message }]);
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it.each([
    ["tabs", "a:\tb\n"],
    ["line breaks", "a: 1\r\nb: 2\r\n"],
    ["NEL and no-break space", "a: x\u0085y\u00a0z\n"],
  ])("allows %s", (_case, text) => {
    expect(read(text).diagnostics).toEqual([]);
  });

  it("reports a key indented one space too few once, at the key", () => {
    const { diagnostics } = read("value:\n  ltv: medium\n support_cost: medium\nphase: adjacent\n");
    expect(diagnostics).toMatchObject([{ ruleId: "yaml/syntax", line: 3, column: 2, endColumn: 14, message: "All mapping items must start at the same column." }]);
  });

  it("refuses an alias bomb at the first alias, without expanding it", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f"].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcde"[i]}`).join(", ")}]`)].join("\n");
    const { value, diagnostics } = read(`${bomb}\n`);
    expect(value).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ruleId: "yaml/alias-limit", line: 2, column: 8 }]);
  });

  it("refuses a __proto__ key where it is written", () => {
    expect(read("value:\n  __proto__: { admin: true }\n").diagnostics).toMatchObject([{ ruleId: "yaml/forbidden-key", line: 2, column: 3 }]);
  });
});
