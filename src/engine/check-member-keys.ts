/**
 * Keys are checked before anything joins on them. A members (accounts) source
 * whose key repeats would join every repeat with every other: Wholesale keyed
 * by Region (3 values over 440 rows) grew past 18 GB before it was stopped,
 * keyed by Fresh it put 100.9 % of the members in an exclusive scheme. So a
 * repeat is an error naming how many keys repeat, the most frequent with their
 * counts and first lines. A transactions source whose ids repeat double-counts
 * money: a warning with the count. The queries aggregate by key and keep at
 * most three positions per key, so memory stays bounded whatever the data.
 * Whether any key repeats is asked first of the keys' 64-bit hashes, sorted (equal
 * keys hash alike, so no repeated hash proves no repeated key, at a fraction of the
 * cost of grouping 100,000,000 strings); the answer is returned too: RFM counts
 * orders without DISTINCT when their ids are proved unique.
 */
import { sourceData, type Source } from "../schema/source.ts";
import { dataDuplicateId, dataDuplicateKey, dataMissingKey } from "../checks/data.ts";
import type { Database } from "./duckdb.ts";
import { counted, joinLabels, ofRows, sourceFinding, type SourceFinding } from "./source-finding.ts";
import { q } from "./sql-names.ts";
import { ROW_POSITION } from "./typed-source.ts";
import { withSeparators } from "../text/number-format.ts";

const TOP = 3;

export interface MemberKeyInput {
  name: string;
  source: Source;
  /** The typed table. */
  table: string;
  /** Set when the table still has its row positions: how to name one ("line 12"). */
  rowLabel?: (rowid: number) => string;
  /** With rowLabel, the SQL of a row's position: the ROW_POSITION column (the default), or `rowid` when the table's rowids are the positions (read-typed-csv). */
  position?: string;
  /** The order column RFM declares (rfm.order) when it reads this source: rows that share it are lines of one order. */
  orderColumn?: string;
}

export interface KeyCheck {
  findings: SourceFinding[];
  /** The present (non-null) keys were all found different; false when some repeat or they were not checked. */
  keysUnique: boolean;
  /** No row lacks a key; false when some do or the keys were not checked. */
  keysComplete: boolean;
}

export async function checkMemberKeys(db: Database, input: MemberKeyInput): Promise<KeyCheck> {
  const { source } = input;
  if (source.columns[source.key]?.row_number) return { findings: [], keysUnique: false, keysComplete: false };
  const members = source.kind === "accounts";
  if (!members && source.kind !== "transactions") return { findings: [], keysUnique: false, keysComplete: false };
  const { repeats, missing: withoutKey } = await keyRepeats(db, input.table, q(source.key));
  // Rows that are lines of an order share its id (rfm.order names the key): only exact copies are repeats, and only
  // rows whose key repeats, or two rows without one, can be copies.
  if (!members && input.orderColumn === source.key) return { findings: repeats || withoutKey > 1 ? await duplicateRows(db, input) : [], keysUnique: !repeats, keysComplete: withoutKey === 0 };
  // Only when some key is missing (keyRepeats counted them) is there anything to locate.
  const missing = members && withoutKey > 0 ? await missingKeys(db, input) : [];
  return { findings: repeats ? [...missing, ...(await repeatedKeys(db, input, members))] : missing, keysUnique: !repeats, keysComplete: withoutKey === 0 };
}

/** The keys that repeat, once some are known to: how many, and for members the most frequent with their first positions. */
async function repeatedKeys(db: Database, input: MemberKeyInput, members: boolean): Promise<SourceFinding[]> {
  const { name, source, table } = input;
  const key = q(source.key);
  const position = input.position ?? q(ROW_POSITION);
  const repeats = `SELECT ${key} AS k, count(*) AS n${input.rowLabel ? `, min(${position}) AS first, array_to_string(min(${position}, ${TOP}), ',') AS positions` : ""} FROM ${table} WHERE ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1`;
  const [totals] = await db.all(`SELECT count(*) AS keys, coalesce(sum(n), 0) AS rows, coalesce(sum(n - 1), 0) AS extra FROM (${repeats})`);
  const keys = Number(totals?.keys ?? 0);
  if (keys === 0) return [];
  const rows = Number(totals?.rows ?? 0);
  const extra = Number(totals?.extra ?? 0);
  const [all] = await db.all(`SELECT count(*) AS n FROM ${table}`);
  const tableRows = Number(all?.n ?? 0);
  if (!members) return [repeatedIdsFinding(name, source, { keys, rows, extra, tableRows })];
  const top = await db.all(`SELECT CAST(k AS VARCHAR) AS k, n${input.rowLabel ? ", positions" : ""} FROM (${repeats}) ORDER BY n DESC, ${input.rowLabel ? "first" : "k"} LIMIT ${TOP}`);
  const label = input.rowLabel;
  const shown = top.map((t) => {
    const lines = label && t.positions ? String(t.positions).split(",").map((p) => label(Number(p))) : [];
    return `"${String(t.k)}" ×${withSeparators(Number(t.n))}${lines.length > 0 ? ` (${joinLabels(lines)}${Number(t.n) > lines.length ? ", …" : ""})` : ""}`;
  });
  return [
    sourceFinding(dataDuplicateKey, "notUnique", ["sources", name, "key"], {
      words: { keysText: counted(keys, "key"), verb: keys === 1 ? "repeats" : "repeat", file: sourceData(source), rowsText: withSeparators(rows), ofRows: ofRows(tableRows, source.filter !== undefined), shown: shown.join(", ") },
      data: {
        source: name,
        column: source.key,
        keys,
        rows,
        top: top.map((t) => ({ key: String(t.k), count: Number(t.n), ...(label && t.positions ? { at: String(t.positions).split(",").map((p) => label(Number(p))) } : {}) })),
      },
    }),
  ];
}

/**
 * Rows of a transactions source that copy an earlier row in every declared column. Copies hash alike, so only rows
 * whose 64-bit row hash repeats can be copies: the hashes are sorted, each compared with the one before it (as
 * keyRepeats does), and only the rows with a repeated hash are grouped by every column, which keeps the count exact
 * whatever the collisions. Grouping every row by every column, or every row whose order id repeats (all of them when
 * orders have several lines), took twice the time on Online Retail (5,194 copies among 397,884 rows).
 */
async function duplicateRows(db: Database, { name, source, table }: MemberKeyInput): Promise<SourceFinding[]> {
  // A row_number column tells every row apart; the others say what the row holds.
  const columns = Object.entries(source.columns).filter(([, spec]) => !spec.row_number).map(([column]) => q(column)).join(", ");
  const repeatedHashes = `SELECT v FROM (SELECT v, lag(v) OVER (ORDER BY v) AS before FROM (SELECT hash(${columns}) AS v FROM ${table})) WHERE v = before`;
  const candidates = `SELECT ${columns} FROM ${table} WHERE hash(${columns}) IN (${repeatedHashes})`;
  const [row] = await db.all(`SELECT coalesce(sum(copies - 1), 0) AS extra FROM (SELECT count(*) AS copies FROM (${candidates}) GROUP BY ${columns} HAVING count(*) > 1)`);
  const extra = Number(row?.extra ?? 0);
  if (extra === 0) return [];
  const [all] = await db.all(`SELECT count(*) AS n FROM ${table}`);
  return [copiedRowsFinding(name, source, extra, Number(all?.n ?? 0))];
}

/** Transaction ids that repeat (`keys` ids on `rows` rows, `extra` more than one each) among `tableRows`: a warning (also found in the warehouse). */
export function repeatedIdsFinding(name: string, source: Source, counts: { keys: number; rows: number; extra: number; tableRows: number }): SourceFinding {
  const { keys, rows, extra, tableRows } = counts;
  return sourceFinding(dataDuplicateId, "repeatedIds", ["sources", name, "key"], {
    data: { source: name, column: source.key, keys, rows, extra },
    words: { idsText: counted(keys, "id"), verb: keys === 1 ? "appears" : "appear", file: sourceData(source), extraText: counted(extra, "extra row"), ofRows: ofRows(tableRows, source.filter !== undefined) },
  });
}

/** `extra` rows of `total` that copy an earlier row in every declared column: a warning (also found in the warehouse). */
export function copiedRowsFinding(name: string, source: Source, extra: number, total: number): SourceFinding {
  return sourceFinding(dataDuplicateId, "copiedRows", ["sources", name, "key"], {
    data: { source: name, column: source.key, extra, exact: true },
    words: { rowsText: counted(extra, "row"), ofRows: ofRows(total, source.filter !== undefined), file: sourceData(source), verb: extra === 1 ? "copies" : "copy", amounts: extra === 1 ? "its amount counts" : "their amounts count" },
  });
}

/**
 * Whether any present key appears twice, and how many rows have none, so the usual answer (no) costs one narrow
 * pass rather than one that also keeps each key's first positions. The keys' hashes are compared first
 * (integers: far less memory and time than the strings), sorted, each with the one before it: a sort of
 * 30,000,000 hashes held half the memory of grouping them (691 MB against 1,413 MB) and took less time. Only
 * when two hashes are equal, which equal keys or a rare collision make them, are the keys themselves grouped.
 */
async function keyRepeats(db: Database, table: string, key: string): Promise<{ repeats: boolean; missing: number }> {
  const hashes = `SELECT CASE WHEN ${key} IS NOT NULL THEN hash(${key}) END AS v FROM ${table}`;
  const [row] = await db.all(`SELECT count(*) FILTER (WHERE v = before) AS repeats, count(*) FILTER (WHERE v IS NULL) AS missing FROM (SELECT v, lag(v) OVER (ORDER BY v) AS before FROM (${hashes}))`);
  const missing = Number(row?.missing ?? 0);
  if (Number(row?.repeats ?? 0) === 0) return { repeats: false, missing };
  const [exact] = await db.all(`SELECT count(*) AS n FROM (SELECT ${key} FROM ${table} WHERE ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1)`);
  return { repeats: Number(exact?.n ?? 0) > 0, missing };
}

/** Accounts rows without a key are not members: say how many are left out, and where. */
async function missingKeys(db: Database, { name, source, table, rowLabel, position = q(ROW_POSITION) }: MemberKeyInput): Promise<SourceFinding[]> {
  const key = q(source.key);
  const [row] = await db.all(`SELECT count(*) FILTER (WHERE ${key} IS NULL) AS n, count(*) AS total${rowLabel ? `, array_to_string(min(${position}, ${TOP}) FILTER (WHERE ${key} IS NULL), ',') AS positions` : ""} FROM ${table}`);
  const n = Number(row?.n ?? 0);
  if (n === 0) return [];
  const lines = rowLabel && row?.positions ? String(row.positions).split(",").map((p) => rowLabel(Number(p))) : [];
  return [
    sourceFinding(dataMissingKey, "emptyKeys", ["sources", name, "key"], {
      words: {
        rowsText: counted(n, "row"),
        ofRows: ofRows(Number(row?.total ?? 0), source.filter !== undefined),
        file: sourceData(source),
        lines: lines.length > 0 ? ` (${joinLabels(lines)}${n > lines.length ? ", …" : ""})` : "",
        they: n === 1 ? "it is" : "they are",
      },
      data: { source: name, column: source.key, count: n },
    }),
  ];
}
