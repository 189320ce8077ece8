import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { headerFields, inspectDataFile, utf8Validator } from "./inspect-data-file.ts";

const dir = mkdtempSync(join(tmpdir(), "seg-inspect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe("inspectDataFile", () => {
  it("hashes the bytes and reads the header of a plain CSV", async () => {
    const text = 'id,"name, full",x\n1,a,2\n';
    const facts = await inspectDataFile(file("a.csv", text), "csv");
    expect(facts).toEqual({ sha256: createHash("sha256").update(text).digest("hex"), bytes: text.length, header: ["id", "name, full", "x"] });
  });

  it("reads the header of a gzipped CSV and hashes the compressed bytes", async () => {
    const gz = gzipSync("a,b\r\n1,2\r\n");
    const facts = await inspectDataFile(file("b.csv.gz", gz), "csv");
    expect(facts.header).toEqual(["a", "b"]);
    expect(facts.bytes).toBe(gz.length);
    expect(facts.problem).toBeUndefined();
  });

  it("finds a truncated gzip stream", async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},${i * 7}`).join("\n");
    const gz = gzipSync(`a,b\n${rows}\n`);
    const facts = await inspectDataFile(file("c.csv.gz", gz.subarray(0, Math.floor(gz.length / 2))), "csv");
    expect(facts.problem).toMatchObject({ kind: "truncated-gzip", message: "unexpected end of file" });
  });

  it("finds the line and column of the first byte that is not UTF-8", async () => {
    const facts = await inspectDataFile(file("d.csv", Buffer.concat([Buffer.from("id,city\n1,Köln\n2,caf"), Buffer.from([0xe9]), Buffer.from("\n")])), "csv");
    expect(facts.problem).toEqual({ kind: "not-utf8", line: 3, column: 6, byte: 0xe9 });
  });

  it("does not hash again bytes it was told the hash of, unless the file changed since", async () => {
    const path = file("e.csv", "a,b\n1,2\n");
    const hashed = await inspectDataFile(path, "csv", { hashOnly: true });
    expect(hashed.sha256).toBe(createHash("sha256").update("a,b\n1,2\n").digest("hex"));
    // The known hash is taken as it is while the file's stamp matches: a marked one shows it was not recomputed.
    const reused = await inspectDataFile(path, "csv", { known: { ...hashed, sha256: "marked" } });
    expect(reused).toEqual({ sha256: "marked", bytes: hashed.bytes, header: ["a", "b"] });
    writeFileSync(path, "a,b\n1,23\n");
    const changed = await inspectDataFile(path, "csv", { known: { ...hashed, sha256: "marked" } });
    expect(changed.sha256).toBe(createHash("sha256").update("a,b\n1,23\n").digest("hex"));
  });
});

describe("utf8Validator", () => {
  it("accepts a character cut between two chunks", () => {
    const bytes = Buffer.from("a\nü\n");
    const v = utf8Validator();
    expect(v.push(bytes.subarray(0, 3))).toBeUndefined();
    expect(v.push(bytes.subarray(3))).toBeUndefined();
    expect(v.end()).toBeUndefined();
  });

  it("accepts 3- and 4-byte characters cut at every place, one byte per chunk", () => {
    const bytes = Buffer.from("x€\n😀y\n");
    const v = utf8Validator();
    for (let i = 0; i < bytes.length; i++) expect(v.push(bytes.subarray(i, i + 1))).toBeUndefined();
    expect(v.end()).toBeUndefined();
  });

  it("finds a Latin-1 byte that ends one chunk, by its line and column, once the next chunk shows it is no character", () => {
    const v = utf8Validator();
    expect(v.push(Buffer.from("id,city\n1,caf\xe9", "latin1"))).toBeUndefined();
    expect(v.push(Buffer.from("\n2,Köln\n"))).toEqual({ line: 2, column: 6, byte: 0xe9 });
  });

  it("finds a bad byte in a later chunk after the lines of the earlier ones", () => {
    const v = utf8Validator();
    expect(v.push(Buffer.from("a\nbb\n"))).toBeUndefined();
    expect(v.push(Buffer.from([0x63, 0x0a, 0x64, 0xff, 0x0a]))).toEqual({ line: 4, column: 2, byte: 0xff });
  });

  it("reports a stream that ends inside a character", () => {
    const v = utf8Validator();
    expect(v.push(Buffer.from([0x61, 0x0a, 0x62, 0xc3]))).toBeUndefined();
    expect(v.end()).toEqual({ line: 2, column: 2, byte: 0xc3 });
  });

  it("rejects an encoded surrogate, which a scanner checking only continuation bytes lets through", () => {
    const v = utf8Validator();
    expect(v.push(Buffer.from([0x78, 0xed, 0xa0, 0x80]))).toEqual({ line: 1, column: 2, byte: 0xed });
  });
});

describe("headerFields", () => {
  it("drops a BOM and reads quoted names with escaped quotes", () => {
    expect(headerFields(Buffer.from('\ufeffa,"say ""hi""",c\n1,2,3'))).toEqual(["a", 'say "hi"', "c"]);
  });

  it("reads a one-line file without a final newline", () => {
    expect(headerFields(Buffer.from("a,b"))).toEqual(["a", "b"]);
  });
});
