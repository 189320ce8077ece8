import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bigqueryConnection } from "./bigquery-tables.ts";
import { snowflakeConnection } from "./snowflake-tables.ts";
import type { WarehouseRequest } from "./warehouse-request.ts";

const temp = mkdtempSync(join(tmpdir(), "seg-connections-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const workspace = join(temp, "workspace");
mkdirSync(workspace);
const home = join(temp, "home");
mkdirSync(home);
const keyOutside = join(temp, "key.json");
writeFileSync(keyOutside, "{}");
const keyInside = join(workspace, "key.json");
writeFileSync(keyInside, "{}");

function profiles(text: string): string {
  const dir = mkdtempSync(join(temp, "p-"));
  writeFileSync(join(dir, "profiles.yaml"), text);
  return dir;
}

const request = (engine: "bigquery" | "snowflake", extra: Partial<WarehouseRequest> = {}): WarehouseRequest => ({ engine, env: {}, home, ...extra });

describe("bigquery connection settings", () => {
  it("come from the profile, the key file by its path", () => {
    const dir = profiles(`default:\n  engine: bigquery\n  project: p-1\n  location: EU\n  keyfile_env: KEY\n  maximum_bytes_billed: 1000\n`);
    expect(bigqueryConnection(request("bigquery", { profilesDir: dir, env: { KEY: keyOutside } }), workspace)).toEqual({
      project: "p-1",
      location: "EU",
      keyFilename: keyOutside,
      maximumBytesBilled: 1000,
      origin: `profile default in ${join(dir, "profiles.yaml")}`,
    });
  });

  it("fall back to $GOOGLE_CLOUD_PROJECT and Application Default Credentials", () => {
    expect(bigqueryConnection(request("bigquery", { env: { GOOGLE_CLOUD_PROJECT: "p-2" } }), workspace)).toEqual({ project: "p-2", origin: "$GOOGLE_CLOUD_PROJECT" });
    expect(bigqueryConnection(request("bigquery", { env: { GOOGLE_CLOUD_PROJECT: "p-2", GOOGLE_APPLICATION_CREDENTIALS: keyOutside } }), workspace).keyFilename).toBe(keyOutside);
    expect(() => bigqueryConnection(request("bigquery"), workspace)).toThrow(/needs a project/);
  });

  it("resolve a relative keyfile against the profile file's folder, as dbt does; a path from a variable against the current folder", () => {
    const dir = profiles(`default:\n  engine: bigquery\n  project: p\n  keyfile: keys/sa.json\n`);
    mkdirSync(join(dir, "keys"));
    writeFileSync(join(dir, "keys", "sa.json"), "{}");
    expect(bigqueryConnection(request("bigquery", { profilesDir: dir }), workspace).keyFilename).toBe(join(dir, "keys", "sa.json"));
    const fromVariable = profiles(`default:\n  engine: bigquery\n  project: p\n  keyfile_env: KEY\n`);
    expect(bigqueryConnection(request("bigquery", { profilesDir: fromVariable, env: { KEY: relative(process.cwd(), keyOutside) } }), workspace).keyFilename).toBe(keyOutside);
  });

  it("refuse a key file inside the workspace, or one that is not there", () => {
    const dir = profiles(`default:\n  engine: bigquery\n  project: p\n  keyfile: ${JSON.stringify(keyInside)}\n`);
    expect(() => bigqueryConnection(request("bigquery", { profilesDir: dir }), workspace)).toThrow(/Refusing the key file .*inside the workspace/);
    const gone = profiles(`default:\n  engine: bigquery\n  project: p\n  keyfile: ${JSON.stringify(join(temp, "gone.json"))}\n`);
    expect(() => bigqueryConnection(request("bigquery", { profilesDir: gone }), workspace)).toThrow(/names the key file .*gone\.json, which does not exist/);
    const endpoint = profiles(`default:\n  engine: bigquery\n  project: p\n  api_endpoint: "ftp://x"\n`);
    expect(() => bigqueryConnection(request("bigquery", { profilesDir: endpoint }), workspace)).toThrow(/api_endpoint/);
  });
});

describe("snowflake connection settings", () => {
  it("come from the profile, secrets from the variables it names", () => {
    const dir = profiles(`default:\n  engine: snowflake\n  account: org-acct\n  user: SEG\n  role: R\n  private_key_path: ${JSON.stringify(keyOutside)}\n  private_key_passphrase_env: PASS\n`);
    expect(snowflakeConnection(request("snowflake", { profilesDir: dir, env: { PASS: "pp" } }), workspace)).toEqual({
      account: "org-acct",
      username: "SEG",
      role: "R",
      privateKeyPath: keyOutside,
      privateKeyPass: "pp",
      origin: `profile default in ${join(dir, "profiles.yaml")}`,
    });
  });

  it("resolve a relative private_key_path against the profile file's folder", () => {
    const dir = profiles(`default:\n  engine: snowflake\n  account: a\n  user: u\n  private_key_path: ../key.json\n`);
    expect(snowflakeConnection(request("snowflake", { profilesDir: dir }), workspace).privateKeyPath).toBe(keyOutside);
    const inside = profiles(`default:\n  engine: snowflake\n  account: a\n  user: u\n  private_key_path: ../workspace/key.json\n`);
    expect(() => snowflakeConnection(request("snowflake", { profilesDir: inside }), workspace)).toThrow(/Refusing the key file .*inside the workspace/);
  });

  it("fall back to the SNOWFLAKE_* variables", () => {
    const env = { SNOWFLAKE_ACCOUNT: "a", SNOWFLAKE_USER: "u", SNOWFLAKE_PASSWORD: "pw", SNOWFLAKE_WAREHOUSE: "W" };
    expect(snowflakeConnection(request("snowflake", { env }), workspace)).toEqual({ account: "a", username: "u", password: "pw", warehouse: "W", origin: "the SNOWFLAKE_* environment variables" });
    expect(() => snowflakeConnection(request("snowflake"), workspace)).toThrow(/needs an account and a user/);
  });

  it("name what is missing, never a secret", () => {
    const none = profiles(`default:\n  engine: snowflake\n  account: a\n  user: u\n`);
    expect(() => snowflakeConnection(request("snowflake", { profilesDir: none }), workspace)).toThrow(/gives Snowflake no credential/);
    const unset = profiles(`default:\n  engine: snowflake\n  account: a\n  user: u\n  password_env: NOT_SET\n`);
    expect(() => snowflakeConnection(request("snowflake", { profilesDir: unset }), workspace)).toThrow(/takes the password from \$NOT_SET, which is not set/);
    const inside = profiles(`default:\n  engine: snowflake\n  account: a\n  user: u\n  private_key_path: ${JSON.stringify(keyInside)}\n`);
    expect(() => snowflakeConnection(request("snowflake", { profilesDir: inside }), workspace)).toThrow(/inside the workspace/);
    const written = profiles(`default:\n  engine: snowflake\n  account: a\n  user: u\n  password: hunter2\n`);
    expect(() => snowflakeConnection(request("snowflake", { profilesDir: written }), workspace)).toThrow(/writes a password; profiles hold none/);
  });
});
