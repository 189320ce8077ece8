/**
 * The workspaces the compile tests run: the example at the repository root,
 * Online Retail (when the shared data is there), the compile fixture, whose
 * text is hostile where users may write text and whose lock holds clusters, and
 * Telco with features named like the columns they read.
 */
import { resolve } from "node:path";
import type { Row } from "../../src/engine/duckdb.ts";
import { dataPath, missingData } from "../support/shared-data.ts";

const REPO = resolve(import.meta.dirname, "../..");
export const FIXTURE = resolve(REPO, "test/fixtures/compile/workspace");
/** Telco with features named like their columns (tenure, monthly_charges, contract for Contract). */
export const NAMED_LIKE_COLUMNS = resolve(REPO, "test/fixtures/compile/feature-named-like-column");

export interface CompileCase {
  name: string;
  /** Schema the case's tables and views live in (Postgres). */
  schema: string;
  root: string;
  dataRoot: string;
  missing: string | undefined;
  /** Memberships checked by hand, where the engine cannot compute them (cluster segments). */
  memberships?: Row[];
}

const row = (scheme: string, member_id: string, segment: string | null): Row => ({ scheme, member_id, segment });

export const COMPILE_CASES: CompileCase[] = [
  { name: "the example workspace", schema: "example", root: REPO, dataRoot: REPO, missing: undefined },
  { name: "Online Retail", schema: "retail", root: resolve(REPO, "examples/online-retail"), dataRoot: dataPath("online-retail"), missing: missingData("online-retail", "online_retail.csv.gz") },
  {
    name: "the compile fixture",
    schema: "fixture",
    root: FIXTURE,
    dataRoot: FIXTURE,
    missing: undefined,
    memberships: [
      ...["c1", "c2", "c3"].map((m) => row("behaviour", m, "spenders")),
      row("behaviour", "c4", "second"),
      ...["c5", "c6"].map((m) => row("behaviour", m, "spenders")),
      ...["c1", "c2", "c3", "c4", "c5", "c6"].map((m) => row("empty", m, null)),
      row("interests", "c1", null),
      row("interests", "c2", "best"),
      row("interests", "c2", "new-ones"),
      row("interests", "c3", "new-ones"),
      row("interests", "c4", "new-ones"),
      row("interests", "c5", null),
      row("interests", "c6", "new-ones"),
    ],
  },
  {
    name: "features named like their columns (Telco)",
    schema: "named_like_columns",
    root: NAMED_LIKE_COLUMNS,
    dataRoot: dataPath("telco-churn"),
    missing: missingData("telco-churn", "Telco-Customer-Churn.csv"),
  },
];
