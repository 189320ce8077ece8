import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./duckdb.ts";

const dir = mkdtempSync(join(tmpdir(), "seg-duckdb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openDatabase", () => {
  it("never installs or loads an extension the client does not bundle, even before lockDown", async () => {
    const db = await openDatabase();
    try {
      const [settings] = await db.all("SELECT current_setting('autoinstall_known_extensions') AS install, current_setting('autoload_known_extensions') AS load");
      expect(settings).toEqual({ install: false, load: false });
      // read_xlsx lives in the excel extension, which DuckDB would otherwise download from extensions.duckdb.org.
      const error = await db.all(`SELECT * FROM read_xlsx('${join(dir, "book.xlsx")}')`).then(
        () => "",
        (e: unknown) => String((e as Error).message),
      );
      expect(error).toMatch(/excel/);
      expect(error).not.toMatch(/download|http/i);
      const extensions = await db.all("SELECT extension_name AS name FROM duckdb_extensions() WHERE loaded ORDER BY 1");
      expect(extensions.map((e) => e.name)).not.toContain("excel");
    } finally {
      db.close();
    }
  });

  it("reads a time with a zone as the same UTC time whatever the machine's time zone", () => {
    // A process of its own: the zone is read from TZ when DuckDB starts.
    const script = `import { openDatabase } from ${JSON.stringify(new URL("./duckdb.ts", import.meta.url).href)};
const db = await openDatabase();
const [row] = await db.all("SELECT CAST(TIMESTAMPTZ '2026-01-01 00:30:00+00' AS TIMESTAMP)::VARCHAR AS t, CAST(TIMESTAMPTZ '2026-01-01 00:30:00+00' AS DATE)::VARCHAR AS d");
db.close();
process.stdout.write(JSON.stringify(row));`;
    for (const zone of ["America/New_York", "Asia/Tokyo"]) {
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, TZ: zone }, encoding: "utf8" });
      expect(JSON.parse(out), zone).toEqual({ t: "2026-01-01 00:30:00", d: "2026-01-01" });
    }
  });

  it("reads only the files it is given once locked down", async () => {
    const allowed = join(dir, "allowed.csv");
    const other = join(dir, "other.csv");
    writeFileSync(allowed, "a\n1\n");
    writeFileSync(other, "a\n2\n");
    const db = await openDatabase();
    try {
      await db.lockDown([], [allowed]);
      expect(await db.all(`SELECT a FROM read_csv('${allowed}')`)).toEqual([{ a: 1 }]);
      await expect(db.all(`SELECT a FROM read_csv('${other}')`)).rejects.toThrow(/Permission Error/);
      await expect(db.run("SET enable_external_access = true")).rejects.toThrow(/locked/);
    } finally {
      db.close();
    }
  });
});
