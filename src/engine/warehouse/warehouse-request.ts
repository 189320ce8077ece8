/**
 * What a command asks of a warehouse engine: which one, which connection
 * profile, and the environment the profile may name (passed in by the CLI, so
 * the engine never reads the process's environment itself).
 */

export const WAREHOUSE_ENGINES = ["postgres", "bigquery", "snowflake"] as const;

export type WarehouseEngineName = (typeof WAREHOUSE_ENGINES)[number];

export interface WarehouseRequest {
  engine: WarehouseEngineName;
  /** A profile's name in profiles.yaml (default: `default`, else the engine's environment variables). */
  profile?: string;
  /** The folder holding profiles.yaml (default: $SEG_PROFILES_DIR, else ~/.seg). */
  profilesDir?: string;
  /** Environment variables (PG*, DATABASE_URL, SEG_PROFILES_DIR, the variables profiles name). */
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder (for ~/.seg). */
  home: string;
}
