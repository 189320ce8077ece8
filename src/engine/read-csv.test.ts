import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "./duckdb.ts";
import { headerProblem, raggedRow, readCsvSql } from "./read-csv.ts";

let db: Database;
const dir = mkdtempSync(join(tmpdir(), "seg-read-csv-"));
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(text: string, header: string[]): Promise<unknown> {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  try {
    return await db.all(`SELECT * FROM ${readCsvSql(path, header)}`);
  } catch (error) {
    return raggedRow(error) ?? String(error);
  }
}

describe("readCsvSql", () => {
  it("reads every field as text under the header's names, CRLF or not", async () => {
    expect(await read('a,b\r\n1,"x, y"\r\n2,', ["a", "b"])).toEqual([
      { a: "1", b: "x, y" },
      { a: "2", b: null },
    ]);
  });

  it("a row with too few fields is an error at its line, not a change of dialect", async () => {
    expect(await read("a,b,c\n1,2,3\n4,5\n6,7,8\n", ["a", "b", "c"])).toEqual({ line: 3, fields: 2, expected: 3 });
  });

  it("a row with too many fields too", async () => {
    expect(await read("a,b,c\n1,2,3\n4,5,6,7\n", ["a", "b", "c"])).toEqual({ line: 3, fields: 4, expected: 3 });
  });
});

describe("headerProblem", () => {
  it("names an empty or repeated column name", () => {
    expect(headerProblem(["a", "", "c"])).toBe("its header row has no name for column 2");
    expect(headerProblem(["a", "b", "a"])).toBe('its header row names the column "a" twice');
    expect(headerProblem(["a", "b"])).toBeUndefined();
  });

  it("says when a file is separated by something other than commas", () => {
    expect(headerProblem(["a;b;c"])).toBe('its header row has no comma but ";": Seg reads comma-separated files (convert it, e.g. with csvformat or a spreadsheet\'s CSV export)');
    expect(headerProblem(["a\tb"])).toMatch(/no comma but tabs/);
    expect(headerProblem(["id"])).toBeUndefined();
  });
});
