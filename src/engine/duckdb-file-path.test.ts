import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { duckdbFilePath } from "./duckdb-file-path.ts";
import { openDatabase } from "./duckdb.ts";
import { lit } from "./sql-names.ts";

const parent = mkdtempSync(join(tmpdir(), "seg-glob-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("duckdbFilePath", () => {
  it("writes each pattern character as a class that matches only itself", () => {
    expect(duckdbFilePath("/w/team[1]/d*?.csv")).toBe("/w/team[[]1]/d[*][?].csv");
  });

  it.each(["team[1]", "a*b", "what?"])("makes DuckDB read the folder named %s, not the folders its pattern matches", async (name) => {
    const own = join(parent, name);
    const decoy = join(parent, name.replace(/[[\]*?]/g, "") + "x");
    for (const [dir, value] of [[own, "own"], [decoy, "decoy"], [join(parent, name.replace(/[[\]*?]/g, "")), "decoy"]] as const) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "t.csv"), `v\n${value}\n`);
    }
    const db = await openDatabase();
    try {
      const rows = await db.all(`SELECT v FROM read_csv(${lit(duckdbFilePath(join(own, "t.csv")))}, header = true, all_varchar = true)`);
      expect(rows).toEqual([{ v: "own" }]);
    } finally {
      db.close();
    }
  });
});
