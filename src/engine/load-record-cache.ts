/**
 * What loading a source found, kept between runs: its stats (rows read and
 * kept, date range, the sha256 of its bytes) and the warnings its checks
 * reported (repeated keys, future dates), filed under the file's cheap identity
 * (file-identity.ts), its declaration, the dates the checks measure against and
 * DuckDB's version. A warm `seg check` then types a Parquet source as a view
 * again (no read of its rows) and a CSV source from the typed-source cache
 * (source-cache.ts), and skips the checks that would find the same again.
 *
 * Only sources that loaded without an error are kept. With `verifyContent`
 * (`seg lock`) the file is hashed whole and a record whose sha256 differs is
 * not used: the lock's digest is always the hash of the bytes as they are.
 */
import { join } from "node:path";
import type { Source } from "../schema/source.ts";
import { cacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import { keepValue, readKept } from "./kept-values.ts";
import type { SourceFinding } from "./source-finding.ts";

export interface LoadRecord {
  sha256: string;
  bytes: number;
  rowsRead: number;
  rows: number;
  newest: string | null;
  oldest: string | null;
  /** The source's warnings, reported again at the current places in segmentation.yaml. */
  findings: SourceFinding[];
  /** The key check found every key different (check-member-keys). */
  keysUnique: boolean;
  /** The key check found no row without a key (absent in records written before it was kept: taken as false). */
  keysComplete?: boolean;
}

export interface LoadRecordCache {
  get(key: string): LoadRecord | undefined;
  set(key: string, record: LoadRecord): void;
}

/** Records kept: every source of many workspaces (each is a few hundred bytes). */
const KEEP = 256;

/** Everything a source's load result depends on besides the bytes the identity stands for. */
export function loadRecordKey(identity: string, source: Source, format: string, checks: { asOf?: string; today?: string; orderColumn?: string }, duckdbVersion: string): string {
  return cacheKey("load", identity, source, format, checks.asOf ?? null, checks.today ?? null, checks.orderColumn ?? null, duckdbVersion);
}

/** What the typed table of a source is made from: its file (by identity), its declaration and format. */
export function typedSourceIdentity(identity: string, source: Source, format: string): string {
  return cacheKey("typed", identity, source, format);
}

export function loadRecordFileCache(cacheDir: string): LoadRecordCache {
  const entries = cacheEntries(join(cacheDir, "loads"), KEEP);
  return {
    get(key) {
      const record = readKept(entries, key) as LoadRecord | undefined;
      return typeof record?.sha256 === "string" && Array.isArray(record.findings) ? record : undefined;
    },
    set(key, record) {
      keepValue(entries, key, record);
    },
  };
}
