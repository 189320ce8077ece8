import { describe, expect, it } from "vitest";
import { utf16ByteOrder } from "./utf16.ts";

const le = (text: string) => Buffer.from(text, "utf16le");
const be = (text: string) => Buffer.from(text, "utf16le").swap16();

describe("utf16ByteOrder", () => {
  it("knows UTF-16 by its byte order mark", () => {
    expect(utf16ByteOrder(le("\uFEFFid: x\n"))).toBe("little-endian");
    expect(utf16ByteOrder(be("\uFEFFid: x\n"))).toBe("big-endian");
    expect(utf16ByteOrder(le("\uFEFF"))).toBe("little-endian");
  });

  it("knows UTF-16 without a mark when it starts with two ASCII characters, as YAML's encoding detection does", () => {
    expect(utf16ByteOrder(le("id: x\n"))).toBe("little-endian");
    expect(utf16ByteOrder(be("id: café\n"))).toBe("big-endian");
  });

  it("is undefined for UTF-8 (with or without a BOM), a file with a NUL byte later on, UTF-32 and short or odd-length files", () => {
    expect(utf16ByteOrder(Buffer.from("\uFEFFid: x\n", "utf8"))).toBeUndefined();
    expect(utf16ByteOrder(Buffer.from("id: a\u0000b\n", "utf8"))).toBeUndefined();
    expect(utf16ByteOrder(Buffer.from([0x69, 0, 0, 0, 0x64, 0, 0, 0]))).toBeUndefined();
    expect(utf16ByteOrder(Buffer.from([0x69, 0]))).toBeUndefined();
    expect(utf16ByteOrder(Buffer.from([0x69, 0, 0x64, 0, 0x3a]))).toBeUndefined();
    expect(utf16ByteOrder(new Uint8Array())).toBeUndefined();
  });
});
