import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresConnection } from "./profiles.ts";
import type { WarehouseRequest } from "./warehouse-request.ts";

const temp = mkdtempSync(join(tmpdir(), "seg-profiles-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const workspace = join(temp, "workspace");
mkdirSync(workspace);
const home = join(temp, "home");
mkdirSync(join(home, ".seg"), { recursive: true });

function profiles(text: string): string {
  const dir = mkdtempSync(join(temp, "p-"));
  writeFileSync(join(dir, "profiles.yaml"), text);
  return dir;
}

const request = (extra: Partial<WarehouseRequest> = {}): WarehouseRequest => ({ engine: "postgres", env: {}, home, ...extra });

describe("postgres connection settings", () => {
  it("come from the profile, the password from the variable it names", () => {
    const dir = profiles("default:\n  engine: postgres\n  host: db\n  port: 6543\n  database: dw\n  user: reader\n  password_env: PW\n");
    expect(postgresConnection(request({ profilesDir: dir, env: { PW: "secret" } }), workspace)).toEqual({
      host: "db",
      port: 6543,
      database: "dw",
      user: "reader",
      password: "secret",
      origin: `profile default in ${join(dir, "profiles.yaml")}`,
    });
  });

  it("fall back to $DATABASE_URL, then the PG* variables, when no profile is named", () => {
    expect(postgresConnection(request({ env: { DATABASE_URL: "postgres://x@y/z", PGHOST: "ignored" } }), workspace)).toEqual({ connectionString: "postgres://x@y/z", origin: "$DATABASE_URL" });
    expect(postgresConnection(request({ env: { PGHOST: "h", PGPORT: "5433", PGDATABASE: "d", PGUSER: "u" } }), workspace)).toEqual({ host: "h", port: 5433, database: "d", user: "u", origin: "the PG* environment variables" });
    expect(() => postgresConnection(request(), workspace)).toThrow(/needs a connection/);
  });

  it("read $SEG_PROFILES_DIR before ~/.seg", () => {
    writeFileSync(join(home, ".seg", "profiles.yaml"), "default:\n  engine: postgres\n  host: from-home\n");
    expect(postgresConnection(request(), workspace).host).toBe("from-home");
    const dir = profiles("default:\n  engine: postgres\n  host: from-env\n");
    expect(postgresConnection(request({ env: { SEG_PROFILES_DIR: dir } }), workspace).host).toBe("from-env");
    rmSync(join(home, ".seg", "profiles.yaml"));
  });

  it("refuse a profiles file inside the workspace, also through a link", () => {
    writeFileSync(join(workspace, "profiles.yaml"), "default:\n  engine: postgres\n  host: h\n");
    expect(() => postgresConnection(request({ profilesDir: workspace }), workspace)).toThrow(/inside the workspace/);
    const linked = join(temp, "linked");
    mkdirSync(linked);
    symlinkSync(join(workspace, "profiles.yaml"), join(linked, "profiles.yaml"));
    expect(() => postgresConnection(request({ profilesDir: linked }), workspace)).toThrow(/inside the workspace/);
  });

  it("name what is wrong without printing a password", () => {
    const dir = profiles("default:\n  engine: postgres\n  password: hunter2\n");
    expect(() => postgresConnection(request({ profilesDir: dir }), workspace)).toThrow(/profile default writes a password; profiles hold none.*password_env/);
    expect(() => postgresConnection(request({ profilesDir: dir }), workspace)).not.toThrow(/hunter2/);
    const unknown = profiles("default:\n  engine: postgres\n  hots: h\n");
    expect(() => postgresConnection(request({ profilesDir: unknown }), workspace)).toThrow(/default: Unrecognized key: "hots"/);
    const unset = profiles("default:\n  engine: postgres\n  password_env: NOT_SET\n");
    expect(() => postgresConnection(request({ profilesDir: unset }), workspace)).toThrow(/takes the password from \$NOT_SET, which is not set/);
    const other = profiles("default:\n  engine: snowflake\n  account: a\n  user: u\n");
    expect(() => postgresConnection(request({ profilesDir: other }), workspace)).toThrow(/is for snowflake, not --engine postgres/);
    expect(() => postgresConnection(request({ profilesDir: other, profile: "prod" }), workspace)).toThrow(/has no such profile \(it has default\)/);
    const bomb = profiles("a: &a [x, x]\nb: [*a, *a]\n");
    expect(() => postgresConnection(request({ profilesDir: bomb }), workspace)).toThrow(/not valid YAML|profiles\.yaml/);
  });
});
