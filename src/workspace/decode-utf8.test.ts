import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "./decode-utf8.ts";

describe("decodeUtf8", () => {
  it("decodes UTF-8, keeping a byte-order mark and a written U+FFFD", () => {
    expect(decodeUtf8(Buffer.from("\ufeffname: café �\n"))).toEqual({ ok: true, text: "\ufeffname: café �\n" });
  });

  it.each([
    ["a Latin-1 é", [0x61, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9], "a: caf", 0xe9],
    ["a truncated sequence at the end", [0x61, 0xc3], "a", 0xc3],
    ["an overlong '/'", [0x61, 0xc0, 0xaf], "a", 0xc0],
    ["an encoded surrogate", [0x62, 0xed, 0xa0, 0x80], "b", 0xed],
    ["a code point past U+10FFFF", [0xf4, 0x90, 0x80, 0x80], "", 0xf4],
  ])("reports %s at the first bad byte, with the text before it", (_, bytes, prefix, byte) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toEqual({ ok: false, prefix, byte });
  });
});
