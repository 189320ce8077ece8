/**
 * Where a warehouse engine's connection comes from, never from the workspace:
 * a profiles.yaml kept in the user's folder (like dbt's profiles.yml) or the
 * engine's usual environment variables. The file lives in --profiles-dir,
 * else $SEG_PROFILES_DIR, else ~/.seg, and is refused when it lies inside the
 * workspace (where it could be committed). Secrets are named, not written:
 * `password_env` names the environment variable that holds the password, so
 * the file itself holds none, and no message ever prints a password.
 *
 * ```yaml
 * default:                 # the profile used without --profile
 *   engine: postgres
 *   host: db.example.com   # or a Unix socket folder
 *   port: 5432
 *   database: analytics
 *   user: seg_reader
 *   password_env: SEG_PG_PASSWORD
 * ```
 *
 * BigQuery and Snowflake profiles are read here too and resolved by their
 * readers (bigquery-tables, snowflake-tables); key files are named by their
 * path, never written into the profile (key-file). A relative key file path in
 * the profile is relative to the profile file's folder (as in dbt); one taken
 * from an environment variable, to the current folder.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { SegError } from "../../diagnostics/seg-error.ts";
import { isInsideFolder } from "../../workspace/is-inside-folder.ts";
import type { WarehouseRequest } from "./warehouse-request.ts";

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "must be an environment variable's name" });

const postgresProfile = z.strictObject({
  engine: z.literal("postgres"),
  host: z.string().min(1).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  database: z.string().min(1).optional(),
  user: z.string().min(1).optional(),
  password_env: envName.optional(),
  /** An environment variable holding a postgres:// URL (it may carry the password). */
  url_env: envName.optional(),
  ssl: z.boolean().optional(),
});

const bigqueryProfile = z.strictObject({
  engine: z.literal("bigquery"),
  /** The project that runs (and pays for) the query jobs; tables may name another project. */
  project: z.string().min(1),
  location: z.string().min(1).optional(),
  /** A service-account key file's path (outside the workspace); otherwise Application Default Credentials. */
  keyfile: z.string().min(1).optional(),
  /** An environment variable holding that path. */
  keyfile_env: envName.optional(),
  /** Another API endpoint (an emulator, a private endpoint): credentials are sent only with a key file. */
  api_endpoint: z.url({ protocol: /^https?$/ }).optional(),
  /** A query that would bill more bytes than this fails instead of running. */
  maximum_bytes_billed: z.number().int().positive().optional(),
});

const snowflakeProfile = z.strictObject({
  engine: z.literal("snowflake"),
  /** The account identifier, e.g. myorg-myaccount. */
  account: z.string().min(1),
  user: z.string().min(1),
  warehouse: z.string().min(1).optional(),
  database: z.string().min(1).optional(),
  schema: z.string().min(1).optional(),
  role: z.string().min(1).optional(),
  password_env: envName.optional(),
  /** Key-pair authentication: the private key file's path (outside the workspace), or a variable holding it. */
  private_key_path: z.string().min(1).optional(),
  private_key_path_env: envName.optional(),
  /** The variable holding the key file's passphrase, when it is encrypted. */
  private_key_passphrase_env: envName.optional(),
  /** The account's URL when it is not https://<account>.snowflakecomputing.com (a private link, a test server). */
  access_url: z.url({ protocol: /^https?$/ }).optional(),
});

const profileSchema = z.discriminatedUnion("engine", [postgresProfile, bigqueryProfile, snowflakeProfile]);
const profilesSchema = z.record(z.string().regex(/^[A-Za-z0-9_-]+$/), profileSchema);

export type Profile = z.infer<typeof profileSchema>;

/** The settings pg's Client takes, resolved; `password` is never printed. */
export interface PostgresConnection {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  connectionString?: string;
  ssl?: boolean;
  /** Where the settings came from, for messages (never the settings themselves). */
  origin: string;
}

const PROFILES_FILE = "profiles.yaml";

/**
 * The profile a request names, or undefined when no profiles file has it and none was named. Throws SegError on a refused
 * or malformed file. `folder` is the file's folder: relative paths written in the profile (key files) resolve against it.
 */
export function readProfile(request: WarehouseRequest, workspaceRoot: string): { profile: Profile; origin: string; folder: string } | undefined {
  const dir = request.profilesDir ?? request.env.SEG_PROFILES_DIR ?? join(request.home, ".seg");
  const file = resolve(dir, PROFILES_FILE);
  const name = request.profile ?? "default";
  if (!existsSync(file)) {
    if (request.profile !== undefined) throw new SegError(`--profile ${request.profile}: there is no ${file}. Create it (see "Warehouse engines" in the README) or pass --profiles-dir.`);
    return undefined;
  }
  const real = realpathSync(file);
  if (isInsideFolder(real, realpathSync(workspaceRoot))) {
    throw new SegError(`Refusing to read connection profiles from ${file}: it is inside the workspace, where it could be committed. Keep profiles.yaml outside it (~/.seg, --profiles-dir or $SEG_PROFILES_DIR).`);
  }
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(real, "utf8"), { maxAliasCount: 0, uniqueKeys: true });
  } catch (error) {
    throw new SegError(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  for (const [key, value] of Object.entries(parsed ?? {})) {
    if (value !== null && typeof value === "object" && "password" in value) {
      throw new SegError(`${file}: profile ${key} writes a password; profiles hold none. Put it in an environment variable and name it with password_env.`);
    }
  }
  const checked = profilesSchema.safeParse(parsed ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new SegError(`${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}.`);
  }
  const profile = checked.data[name];
  if (!profile) {
    if (request.profile !== undefined) throw new SegError(`--profile ${name}: ${file} has no such profile (it has ${Object.keys(checked.data).join(", ") || "none"}).`);
    return undefined;
  }
  if (profile.engine !== request.engine) throw new SegError(`Profile ${name} in ${file} is for ${profile.engine}, not --engine ${request.engine}.`);
  return { profile, origin: `profile ${name} in ${file}`, folder: dirname(file) };
}

/** The PostgreSQL connection: the profile's settings, else DATABASE_URL, else the PG* variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD). */
export function postgresConnection(request: WarehouseRequest, workspaceRoot: string): PostgresConnection {
  const env = request.env;
  const read = readProfile(request, workspaceRoot);
  if (read?.profile.engine === "postgres") {
    const p = read.profile;
    const secret = (variable: string | undefined, what: string) => {
      if (variable === undefined) return undefined;
      const value = env[variable];
      if (value === undefined) throw new SegError(`${read.origin} takes the ${what} from $${variable}, which is not set.`);
      return value;
    };
    const url = secret(p.url_env, "connection URL");
    const password = secret(p.password_env, "password");
    return {
      ...(url !== undefined ? { connectionString: url } : {}),
      ...(p.host !== undefined ? { host: p.host } : {}),
      ...(p.port !== undefined ? { port: p.port } : {}),
      ...(p.database !== undefined ? { database: p.database } : {}),
      ...(p.user !== undefined ? { user: p.user } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(p.ssl !== undefined ? { ssl: p.ssl } : {}),
      origin: read.origin,
    };
  }
  if (env.DATABASE_URL) return { connectionString: env.DATABASE_URL, origin: "$DATABASE_URL" };
  if (!env.PGHOST && !env.PGDATABASE) {
    throw new SegError(`--engine postgres needs a connection: a profile in profiles.yaml (~/.seg, --profiles-dir or $SEG_PROFILES_DIR), $DATABASE_URL, or PGHOST/PGDATABASE. See "Warehouse engines" in the README.`);
  }
  const port = env.PGPORT !== undefined ? Number(env.PGPORT) : undefined;
  return {
    ...(env.PGHOST ? { host: env.PGHOST } : {}),
    ...(port !== undefined && Number.isInteger(port) ? { port } : {}),
    ...(env.PGDATABASE ? { database: env.PGDATABASE } : {}),
    ...(env.PGUSER ? { user: env.PGUSER } : {}),
    ...(env.PGPASSWORD !== undefined ? { password: env.PGPASSWORD } : {}),
    origin: "the PG* environment variables",
  };
}
