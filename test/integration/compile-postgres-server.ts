/**
 * A throwaway PostgreSQL server for the compile tests: initdb into a temporary
 * folder, start it on a private Unix socket (no TCP), run SQL through psql, and
 * remove everything on stop. As root, the server runs as the `postgres` user
 * (initdb refuses root). `missingPostgres()` says why a test must be skipped.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const PORT = "5432";
const USER = "seg";

export interface PostgresServer {
  /** Where to connect: the Unix socket's folder (a host to pg and psql), port and user (trust authentication). */
  socketDir: string;
  port: number;
  user: string;
  /** Run a script; throws with psql's message when a statement fails. */
  run(sql: string): void;
  /** Rows of a query, every value as text or null. */
  query(sql: string): Record<string, string | null>[];
  stop(): void;
}

/** The folder with initdb, pg_ctl and psql: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBin(): string | undefined {
  const hasAll = (dir: string) => ["initdb", "pg_ctl", "psql"].every((tool) => existsSync(join(dir, tool)));
  const fromPath = (process.env.PATH ?? "").split(delimiter).find((dir) => dir !== "" && hasAll(dir));
  if (fromPath) return fromPath;
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(debian, v, "bin")).find(hasAll);
}

/** Undefined when a server can be started; otherwise the reason to print and skip. */
export function missingPostgres(): string | undefined {
  if (!postgresBin()) return "PostgreSQL binaries (initdb, pg_ctl, psql) not found on PATH or in /usr/lib/postgresql/*/bin (apt-get install postgresql)";
  if (process.getuid?.() === 0 && postgresUid() === undefined) return "running as root, and there is no postgres user to run the server as (apt-get install postgresql creates it)";
  return undefined;
}

function postgresUid(): { uid: number; gid: number } | undefined {
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : undefined;
}

export function startPostgres(): PostgresServer {
  const bin = postgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), "seg-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUid() : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const server = (tool: string, args: string[]): SpawnSyncReturns<string> => {
    const command = asRoot ? ["runuser", "-u", "postgres", "--", join(bin, tool), ...args] : [join(bin, tool), ...args];
    return spawnSync(command[0]!, command.slice(1), { encoding: "utf8", cwd: dir });
  };
  const check = (what: string, result: SpawnSyncReturns<string>) => {
    if (result.status !== 0) throw new Error(`${what} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  check("initdb", server("initdb", ["-D", data, "-U", USER, "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync"]));
  check("pg_ctl start", server("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-o", `-k ${dir} -p ${PORT} -c listen_addresses= -c fsync=off`, "start"]));
  const psql = (args: string[], input?: string) => {
    const result = spawnSync(join(bin, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", dir, "-p", PORT, "-U", USER, "-d", "postgres", ...args], { encoding: "utf8", input, maxBuffer: 512 * 1024 * 1024 });
    check("psql", result);
    return result.stdout;
  };
  let scripts = 0;
  return {
    socketDir: dir,
    port: Number(PORT),
    user: USER,
    run(sql) {
      const file = join(dir, `script-${++scripts}.sql`);
      writeFileSync(file, sql);
      psql(["-f", file]);
    },
    query(sql) {
      return parseCsv(psql(["-c", `COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`]));
    },
    stop() {
      server("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** RFC 4180 CSV as COPY writes it: an unquoted empty field is NULL, a quoted one is empty text. */
export function parseCsv(text: string): Record<string, string | null>[] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let end = i + 1;
      let out = "";
      for (;;) {
        const next = text.indexOf('"', end);
        out += text.slice(end, next);
        if (text[next + 1] === '"') {
          out += '"';
          end = next + 2;
        } else {
          i = next + 1;
          break;
        }
      }
      value = out;
    } else {
      let end = i;
      while (end < text.length && text[end] !== "," && text[end] !== "\n") end++;
      value = end === i ? null : text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (text[i] === ",") i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((name, j) => [String(name), r[j] ?? null])));
}
