/**
 * BigQuery's and Snowflake's official clients are heavy (Snowflake's pulls in
 * the AWS and Azure SDKs), so Seg does not install them: they are optional
 * peer dependencies, loaded only when `--engine bigquery|snowflake` runs. A
 * missing one stops the run with the exact command that installs the version
 * Seg is tested with (the one package.json pins).
 */
import { SegError } from "../../diagnostics/seg-error.ts";

export const OPTIONAL_CLIENTS = {
  bigquery: { label: "BigQuery", name: "@google-cloud/bigquery", version: "9.3.0" },
  snowflake: { label: "Snowflake", name: "snowflake-sdk", version: "3.4.1" },
} as const;

/** `load()` (a dynamic import of the client), or a SegError naming the `npm install` that provides it. */
export async function loadOptionalClient<T>(engine: keyof typeof OPTIONAL_CLIENTS, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
    const { label, name, version } = OPTIONAL_CLIENTS[engine];
    throw new SegError(`--engine ${engine} needs ${label}'s official client, which Seg does not install by itself: run \`npm install ${name}@${version}\` where Seg is installed (or add --dry-run to print the queries without connecting).`);
  }
}
