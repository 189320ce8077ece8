/**
 * `seg lock` as a library call: recompute and write segments.lock.json. Refuses
 * (writes nothing) while the workspace has errors other than the stale lock
 * itself, so a lock always describes a valid workspace. Stale data and overdue
 * reviews are measured against today's date, which the lock does not depend
 * on, so they do not stop it either.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { writeLock } from "../lock/lock-file.ts";
import type { Lock } from "../lock/lock.ts";
import { check, type CheckOptions } from "./check.ts";
import type { CheckResult } from "../lint/check-result.ts";

export interface LockResult {
  check: CheckResult;
  /** Errors that stopped the lock from being written. */
  blocking: Diagnostic[];
  written: { path: string; changed: boolean; lock: Lock } | undefined;
}

const NOT_BLOCKING = new Set(["lock-outdated", "stale-data", "stale-review"]);

export async function lock(options: CheckOptions): Promise<LockResult> {
  // The lock records each file's sha256: hashed whole, whatever the cache knows of the file (engine/file-identity.ts).
  const result = await check({ ...options, data: true, verifyContent: true });
  const blocking = result.diagnostics.filter((d) => d.severity === "error" && !NOT_BLOCKING.has(d.ruleId));
  if (blocking.length > 0 || !result.data || result.data.engine.diagnostics.some((d) => d.severity === "error")) {
    return { check: result, blocking, written: undefined };
  }
  options.profileStep?.("lock writing");
  const written = writeLock(result.root, result.data.lock);
  return { check: result, blocking, written: { ...written, lock: result.data.lock } };
}
