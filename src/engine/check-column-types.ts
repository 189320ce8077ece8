/* eslint max-lines-per-function: "off" -- readTests is one table of per-type SQL tests, a short entry each. */
/**
 * Every declared column type is checked against the values, never cast into
 * shape: a decimal in an integer column (29.85 would become 30), text in a
 * date column, a time of day in a date column, an unknown word in a boolean
 * column, NaN or Infinity (or 1e309, which overflows to it) in a number column,
 * and a derived column whose expression does not give its declared type. Each
 * is a finding at the declaration with the count and the first data lines.
 * (readTests is one switch over the declared types, kept whole so that each
 * type's test and message read side by side.)
 */
import { sourceData, type Source } from "../schema/source.ts";
import { dataNonFinite, dataTypeMismatch } from "../checks/data.ts";
import type { Database } from "./duckdb.ts";
import { compileExpression } from "./compile-expression.ts";
import { counted, sourceFinding, type SourceFinding } from "./source-finding.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import { q } from "./sql-names.ts";
import { readColumnsSql, ROW_POSITION, trimmedSql } from "./typed-source.ts";

const MAX_EXAMPLES = 3;

/** How an integer may be written as text: plain digits, with zeros after the point at most. */
const WHOLE_TEXT = "[+-]?[0-9]+(\\.0*)?";

export interface ColumnTypeInput {
  name: string;
  source: Source;
  /** The table the file was read into (CSV: every column text). */
  raw: string;
  /** File columns held as text. */
  textColumns: ReadonlySet<string>;
  /**
   * DuckDB's type of each typed (Parquet) file column, when known: a test that no value of that type can fail is
   * not run (typeProves), which spares a pass over 100,000,000 timestamps that are timestamps already.
   */
  fileTypes?: ReadonlyMap<string, string>;
  /** Where a raw row sits, for messages: "line 12" (CSV) or "row 11" (Parquet). */
  rowLabel: (rowid: number) => string;
}

interface Test {
  column: string;
  path: (string | number)[];
  /** SQL true for an offending row; `value` is the expression shown. */
  bad: string;
  value: string;
  check: typeof dataTypeMismatch | typeof dataNonFinite;
  /** The message for `count` offending values, with its plural-dependent words and, when it differs from the message's, a hint. */
  describe: (count: number, extra: Record<string, number>) => Description;
  /** Extra counts among the offending rows, e.g. how many are numbers at all. */
  extra?: Record<string, string>;
}

type Description =
  | { messageId: "notWhole" | "unparsed" | "timeOfDay" | "notDate" | "derivedWrongType"; words: Record<string, string>; hint?: string }
  | { messageId: "nonFinite"; words: Record<string, string>; hint?: string };

export async function checkColumnTypes(db: Database, input: ColumnTypeInput): Promise<SourceFinding[]> {
  const { name, source } = input;
  const findings = await runTests(db, input, input.raw, "rowid", readTests(input));
  if (findings.length > 0) return findings;
  // Derived columns are checked on typed inputs, so only once the inputs are right.
  const derived = derivedTests(input);
  if (derived.length === 0) return [];
  try {
    return await runTests(db, input, `(${readColumnsSql(input.raw, source, input.textColumns)})`, q(ROW_POSITION), derived);
  } catch (error) {
    const [column] = Object.entries(source.columns).find(([, spec]) => spec.expression !== undefined)!;
    return [sourceFinding(dataTypeMismatch, "derivedFails", ["sources", name, "columns", column, "expression"], { words: { source: name, error: String((error as Error)?.message ?? error).split("\n")[0]! } })];
  }
}

/**
 * SQL true on a row that some check would report, for a pass that types the rows
 * as it reads them (read-typed-csv.ts) and falls back to checkColumnTypes when any
 * row is flagged: `read` over a row that holds every declared column's typed value
 * (`typed(column)`) and its file column's trimmed text (`trimmed(from)`, every file
 * column being text), `derived` over the typed columns (as readColumnsSql gives
 * them, derived columns not yet computed). A row is flagged exactly when readTests
 * would count it: where the text is present (not missing, not blank once trimmed)
 * the typed value is TRY_CAST(trimmed text) (typed-source's typedTextSql), the very
 * cast each test makes, so the tests read it instead of parsing the text again.
 * An integer's text is plain digits when it is the typed value written out, and
 * is matched against the pattern only when it is not (12.0, +3, 007).
 */
export function typeProblemsSql(input: Pick<ColumnTypeInput, "name" | "source">, at: { typed: (column: string) => string; trimmed: (from: string) => string }): { read: string; derived: string } {
  const flagged = (tests: readonly string[]) => (tests.length === 0 ? "false" : tests.map((bad) => `(${bad}) IS TRUE`).join(" OR "));
  const read: string[] = [];
  for (const [column, spec] of Object.entries(input.source.columns)) {
    if (spec.expression !== undefined || spec.row_number || spec.type === "string") continue;
    const t = at.typed(column);
    const v = at.trimmed(spec.from ?? column);
    const present = `${v} IS NOT NULL AND ${v} <> ''`;
    if (spec.type === "integer") read.push(`${present} AND CASE WHEN ${t} IS NULL THEN true WHEN ${v} = CAST(${t} AS VARCHAR) THEN false ELSE NOT regexp_full_match(${v}, '${WHOLE_TEXT}') END`);
    else if (spec.type === "number") read.push(`${present} AND (${t} IS NULL OR isnan(${t}) OR isinf(${t}))`);
    else if (spec.type === "date") read.push(`${present} AND (${t} IS NULL OR TRY_CAST(${v} AS TIMESTAMP) IS DISTINCT FROM CAST(${t} AS TIMESTAMP))`);
    else read.push(`${present} AND ${t} IS NULL`);
  }
  return { read: flagged(read), derived: flagged(derivedTests(input).map((t) => t.bad)) };
}

type TestInput = Pick<ColumnTypeInput, "name" | "source" | "textColumns" | "fileTypes">;

/** Integer types whose every value is a BIGINT (and a DOUBLE that casts back to it). */
const BIGINT_VALUES = new Set(["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"]);
/** Types whose every value casts to a finite DOUBLE. */
const FINITE_NUMBERS = new Set([...BIGINT_VALUES, "UBIGINT", "HUGEINT", "UHUGEINT"]);

/**
 * Which of a declared type's tests (readTests) no value of a typed file column of DuckDB type `fileType` can fail:
 * `parses` the type-mismatch test, `finite` the non-finite one (which only numbers have). Only types the casts were checked on
 * value by value (check-column-types.test.ts tries each at its extremes): a date column is still tested, since its
 * dates beyond the timestamps' range do not compare.
 */
export function typeProves(declared: Source["columns"][string]["type"], fileType: string): { parses: boolean; finite: boolean } {
  const numeric = FINITE_NUMBERS.has(fileType) || /^DECIMAL\(\d+,\d+\)$/.test(fileType);
  switch (declared) {
    case "integer":
      return { parses: BIGINT_VALUES.has(fileType), finite: false };
    case "number":
      return { parses: numeric || fileType === "DOUBLE" || fileType === "FLOAT", finite: numeric };
    case "timestamp":
      return { parses: fileType === "TIMESTAMP", finite: false };
    case "boolean":
      return { parses: fileType === "BOOLEAN", finite: false };
    default:
      return { parses: false, finite: false };
  }
}

function readTests({ name, source, textColumns, fileTypes }: TestInput): Test[] {
  const tests: Test[] = [];
  for (const [column, spec] of Object.entries(source.columns)) {
    if (spec.expression !== undefined || spec.row_number || spec.type === "string") continue;
    const from = spec.from ?? column;
    const text = textColumns.has(from);
    const fileType = text ? undefined : fileTypes?.get(from);
    const proved = fileType !== undefined ? typeProves(spec.type, fileType) : { parses: false, finite: false };
    const v = text ? trimmedSql(q(from)) : q(from);
    const present = text ? `${q(from)} IS NOT NULL AND ${v} <> ''` : `${q(from)} IS NOT NULL`;
    // A typed (Parquet) column casts where its text would not parse: true to 1, and any number but 0 to true.
    const isBoolean = text ? "false" : `typeof(${v}) = 'BOOLEAN'`;
    const path = ["sources", name, "columns", column, "type"];
    const unparsed = (n: number, hint = "Fix the data, or declare the column as string and normalize it with a feature."): Description => ({ messageId: "unparsed", words: { verb: n === 1 ? "does" : "do" }, hint });
    const columnTests: Test[] = [];
    switch (spec.type) {
      case "integer":
        columnTests.push({
          column,
          path,
          check: dataTypeMismatch,
          value: q(from),
          bad: `${present} AND (${notWhole(v, text)} OR ${isBoolean})`,
          extra: { numbers: `TRY_CAST(${v} AS DOUBLE) IS NOT NULL AND NOT (${isBoolean})` },
          describe: (n, extra) => (extra.numbers === n ? { messageId: "notWhole", words: { verb: n === 1 ? "is not a whole number" : "are not whole numbers" } } : unparsed(n)),
        });
        break;
      case "number":
        columnTests.push({
          column,
          path,
          check: dataTypeMismatch,
          value: q(from),
          bad: `${present} AND (TRY_CAST(${v} AS DOUBLE) IS NULL OR ${isBoolean})`,
          describe: (n) => unparsed(n),
        });
        columnTests.push({
          column,
          path,
          check: dataNonFinite,
          value: q(from),
          bad: `${present} AND (isnan(TRY_CAST(${v} AS DOUBLE)) OR isinf(TRY_CAST(${v} AS DOUBLE)))`,
          describe: (n) => ({ messageId: "nonFinite", words: { verb: n === 1 ? "is not a finite number" : "are not finite numbers" } }),
        });
        break;
      case "date":
        columnTests.push({
          column,
          path,
          check: dataTypeMismatch,
          value: q(from),
          // DuckDB casts "2024-01-01 10:30" to a date by dropping the time: a date column holds dates only.
          bad: `${present} AND (TRY_CAST(${v} AS DATE) IS NULL OR TRY_CAST(${v} AS TIMESTAMP) IS DISTINCT FROM CAST(TRY_CAST(${v} AS DATE) AS TIMESTAMP))`,
          extra: { timestamps: `TRY_CAST(${v} AS TIMESTAMP) IS NOT NULL` },
          describe: (n, extra) =>
            extra.timestamps === n ? { messageId: "timeOfDay", words: { verb: n === 1 ? "has" : "have" } } : { messageId: "notDate", words: { verb: n === 1 ? "is not a date" : "are not dates" } },
        });
        break;
      default:
        columnTests.push({
          column,
          path,
          check: dataTypeMismatch,
          value: q(from),
          // A number in a boolean column is 0 or 1, as in text.
          bad: `${present} AND (TRY_CAST(${v} AS ${duckdb.type(spec.type)}) IS NULL${spec.type === "boolean" && !text ? ` OR (NOT ${isBoolean} AND TRY_CAST(${v} AS DOUBLE) NOT IN (0, 1))` : ""})`,
          describe: (n) => (spec.type === "boolean" ? unparsed(n, "Write true/false, yes/no, y/n, t/f or 1/0, or declare the column as string and normalize it with a feature.") : unparsed(n)),
        });
    }
    tests.push(...columnTests.filter((t) => !(t.check === dataNonFinite ? proved.finite : proved.parses)));
  }
  return tests;
}

/** Values an integer column may not hold: anything but whole numbers (12 and 12.0 are fine). */
function notWhole(v: string, text: boolean): string {
  const fits = `TRY_CAST(${v} AS BIGINT) IS NOT NULL`;
  // As text, only plain digits: DuckDB also reads 0x10, 1_000 and 1e3 as integers. Plain digits (with
  // zeros after the point at most) that fit a BIGINT are whole, so only other columns compare as DOUBLE.
  return text ? `NOT (regexp_full_match(${v}, '${WHOLE_TEXT}') AND ${fits})` : `NOT (${fits} AND TRY_CAST(${v} AS DOUBLE) = TRY_CAST(TRY_CAST(${v} AS BIGINT) AS DOUBLE))`;
}

function derivedTests({ name, source }: Pick<TestInput, "name" | "source">): Test[] {
  return Object.entries(source.columns)
    .filter(([, spec]) => spec.expression !== undefined && spec.type !== "string")
    .map(([column, spec]) => {
      const e = `(${compileExpression(spec.expression!)})`;
      const double = `TRY_CAST(${e} AS DOUBLE)`;
      const bad =
        spec.type === "integer"
          ? `TRY_CAST(${e} AS BIGINT) IS NULL OR ${double} IS DISTINCT FROM TRY_CAST(TRY_CAST(${e} AS BIGINT) AS DOUBLE)`
          : spec.type === "number"
            ? `${double} IS NULL OR isnan(${double}) OR isinf(${double})`
            : `TRY_CAST(${e} AS ${duckdb.type(spec.type)}) IS NULL`;
      return {
        column,
        path: ["sources", name, "columns", column, "expression"],
        check: dataTypeMismatch,
        value: `CAST(${e} AS VARCHAR)`,
        bad: `${e} IS NOT NULL AND (${bad})`,
        describe: (n: number): Description => ({
          messageId: "derivedWrongType",
          words: {
            verb: n === 1 ? "is not" : "are not",
            expected: spec.type === "integer" ? (n === 1 ? "a whole number" : "whole numbers") : spec.type === "number" ? (n === 1 ? "a finite number" : "finite numbers") : `of type ${spec.type}`,
          },
          hint: spec.type === "integer" ? "Declare the column as number, or round in the expression with round(...)." : "Change the expression or the declared type so they agree.",
        }),
      };
    });
}

async function runTests(db: Database, input: ColumnTypeInput, from: string, position: string, tests: readonly Test[]): Promise<SourceFinding[]> {
  if (tests.length === 0) return [];
  const counts = tests.map((t, i) => `count(*) FILTER (WHERE ${t.bad}) AS ${q(`t${i}`)}`);
  const [row] = await db.all(`SELECT ${counts.join(", ")} FROM ${from}`);
  const findings: SourceFinding[] = [];
  // One finding per column: a type mismatch is reported before a non-finite value of the same column.
  const reported = new Set<string>();
  for (const [i, test] of tests.entries()) {
    const n = Number(row?.[`t${i}`] ?? 0);
    if (n === 0 || reported.has(test.column)) continue;
    reported.add(test.column);
    const extras = Object.entries(test.extra ?? {});
    const examples = await db.all(`SELECT ${position} AS r, ${test.value} AS v FROM ${from} WHERE ${test.bad} ORDER BY ${position} LIMIT ${MAX_EXAMPLES}`);
    const extra: Record<string, number> = {};
    if (extras.length > 0) {
      const [sums] = await db.all(`SELECT ${extras.map(([key, sql]) => `count(*) FILTER (WHERE ${sql}) AS ${q(key)}`).join(", ")} FROM ${from} WHERE ${test.bad}`);
      for (const [key] of extras) extra[key] = Number(sums?.[key] ?? 0);
    }
    const shown = examples.map((e) => `"${String(e.v)}" (${input.rowLabel(Number(e.r))})`).join(", ");
    const first = examples[0] ? input.rowLabel(Number(examples[0].r)) : undefined;
    const described = test.describe(n, extra);
    const data = { source: input.name, column: test.column, count: n, first, examples: examples.map((e) => ({ value: String(e.v), at: input.rowLabel(Number(e.r)) })) };
    const words = { ...described.words, type: input.source.columns[test.column]?.type ?? "", values: counted(n, "value"), file: sourceData(input.source), shown };
    const options = { data, words, ...(described.hint !== undefined ? { hint: described.hint } : {}) };
    findings.push(described.messageId === "nonFinite" ? sourceFinding(dataNonFinite, "nonFinite", test.path, options) : sourceFinding(dataTypeMismatch, described.messageId, test.path, options));
  }
  return findings;
}
