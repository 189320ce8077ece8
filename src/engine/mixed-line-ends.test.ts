import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { findMixedLineEnd, lineEndScanner } from "./mixed-line-ends.ts";

const scan = (...chunks: string[]) => {
  const scanner = lineEndScanner();
  for (const chunk of chunks) {
    const found = scanner.push(Buffer.from(chunk));
    if (found) return found;
  }
  return scanner.end();
};

describe("lineEndScanner", () => {
  it.each([
    ["CRLF, then LF", ["a,b\r\n1,2\r\n3,4\n5,6\r\n"], { line: 3, ending: "LF", first: "CRLF" }],
    ["LF, then CRLF", ["a,b\n1,2\n3,4\r\n"], { line: 3, ending: "CRLF", first: "LF" }],
    ["LF, then CR", ["a,b\n1,2\r3,4\n"], { line: 2, ending: "CR", first: "LF" }],
    ["a CRLF split between two chunks", ["a,b\r", "\n1,2\n"], { line: 2, ending: "LF", first: "CRLF" }],
    ["a last line ending in CR alone", ["a,b\n1,2\r"], { line: 2, ending: "CR", first: "LF" }],
  ])("finds the first line whose end differs: %s", (_, chunks, expected) => {
    expect(scan(...chunks)).toEqual(expected);
  });

  it.each([
    ["CRLF throughout", "a,b\r\n1,2\r\n"],
    ["LF throughout, no final line end", "a,b\n1,2"],
    ["CR throughout", "a,b\r1,2\r"],
    ["line ends inside quoted values", 'a,b\r\n1,"x\ny"\r\n2,"p""\rq"\r\n'],
  ])("finds none when the file keeps one kind: %s", (_, text) => {
    expect(scan(text)).toBeUndefined();
  });
});

describe("findMixedLineEnd", () => {
  const dir = mkdtempSync(join(tmpdir(), "seg-line-ends-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads plain and gzipped files", async () => {
    const text = "a,b\r\n1,2\r\n3,4\n";
    writeFileSync(join(dir, "plain.csv"), text);
    writeFileSync(join(dir, "packed.csv.gz"), gzipSync(text));
    expect(await findMixedLineEnd(join(dir, "plain.csv"))).toEqual({ line: 3, ending: "LF", first: "CRLF" });
    expect(await findMixedLineEnd(join(dir, "packed.csv.gz"))).toEqual({ line: 3, ending: "LF", first: "CRLF" });
  });
});
