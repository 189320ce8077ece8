/**
 * The checks the data itself must pass when a source loads. Errors stop the
 * recompute (the numbers would be wrong), so they can only be fixed; warnings
 * may be accepted in the suppressions baseline like a rule's findings.
 * Findings are reported at the source's key in segmentation.yaml.
 */
import { defineCheck } from "./define-check.ts";

const DECLARED = 'Column "{{column}}" of source "{{source}}" is declared {{type}}, but';

export const dataDuplicateKey = defineCheck({
  id: "data/duplicate-key",
  description: "Member keys are unique in the accounts source",
  defaultSeverity: "error",
  blocking: true,
  messages: {
    notUnique: 'Key "{{column}}" of source "{{source}}" is not unique: {{keysText}} {{verb}} in {{file}}, on {{rowsText}} rows {{ofRows}}; most frequent: {{shown}}.',
  },
  hint: "Point key: at a column that identifies one row, remove the duplicate rows, or number the rows with a row_number: true column.",
});

export const dataMissingKey = defineCheck({
  id: "data/missing-key",
  description: "Every row of the accounts source has a member key",
  defaultSeverity: "warning",
  suppressible: true,
  messages: {
    emptyKeys: 'Source "{{source}}" has {{rowsText}} {{ofRows}} in {{file}} with an empty {{column}}{{lines}}; {{they}} not members and count nowhere.',
  },
  hint: "Fill in the key, or filter the rows out with the source's filter: so leaving them out is a decision.",
});

export const dataDuplicateId = defineCheck({
  id: "data/duplicate-id",
  description: "Transaction ids do not repeat",
  defaultSeverity: "warning",
  suppressible: true,
  messages: {
    repeatedIds: 'Id "{{column}}" of source "{{source}}" repeats: {{idsText}} {{verb}} more than once in {{file}} ({{extraText}} {{ofRows}}), so their amounts count more than once.',
    copiedRows: 'Source "{{source}}" has {{rowsText}} {{ofRows}} in {{file}} that {{verb}} an earlier row in every declared column (same {{column}}), so {{amounts}} twice.',
  },
  hint: "Remove the repeated rows, or if rows are lines of an order, number them with a row_number: true key column and set rfm.order to the order id.",
  hints: { copiedRows: "Remove the copies from the data, or add a filter if they are meant to be left out." },
});

export const dataTypeMismatch = defineCheck({
  id: "data/type-mismatch",
  description: "Values hold the type their column declares (checked, never cast)",
  defaultSeverity: "error",
  blocking: true,
  messages: {
    notWhole: `${DECLARED} {{values}} in {{file}} {{verb}}: {{shown}}.`,
    unparsed: `${DECLARED} {{values}} in {{file}} {{verb}} not parse: {{shown}}.`,
    timeOfDay: `${DECLARED} {{values}} in {{file}} {{verb}} a time of day: {{shown}}.`,
    notDate: `${DECLARED} {{values}} in {{file}} {{verb}} (YYYY-MM-DD): {{shown}}.`,
    derivedWrongType: `${DECLARED} its expression gives {{values}} that {{verb}} {{expected}}: {{shown}}.`,
    derivedFails: 'The derived columns of source "{{source}}" cannot be computed: {{error}}.',
  },
  hint: "Fix the data, or declare the column with the type its values have.",
  hints: {
    notWhole: "Declare the column as number: Seg checks types and never rounds a value.",
    timeOfDay: "Declare the column as timestamp: Seg does not drop the time of a value.",
    derivedFails: "Check the expressions against the types of the columns they read.",
  },
});

export const dataNonFinite = defineCheck({
  id: "data/non-finite",
  description: "Number columns hold finite numbers (no NaN, Infinity or overflow)",
  defaultSeverity: "error",
  blocking: true,
  messages: {
    nonFinite: 'Column "{{column}}" of source "{{source}}" holds {{values}} in {{file}} that {{verb}} (NaN, Infinity, or too large for a double): {{shown}}.',
  },
  hint: "Write a finite number, or leave the cell empty for a missing value.",
});

export const dataFutureDates = defineCheck({
  id: "data/future-dates",
  description: "Timestamps are not after the analysis date (as_of), nor after today when as_of is later",
  defaultSeverity: "warning",
  suppressible: true,
  messages: {
    afterAsOf: 'Source "{{source}}" has {{rowsText}} {{ofRows}} in {{file}} dated after as_of {{asOf}} (the latest {{latest}}); windows, recency and tenure end at as_of, so {{they}} nowhere.',
    afterToday: 'Source "{{source}}" has {{rowsText}} {{ofRows}} in {{file}} dated after today, {{today}} (the latest {{latest}}): dates that have not happened yet{{alsoAfterAsOf}}.',
  },
  hint: "Correct the dates, or move as_of (or --as-of) to the date the data runs to.",
});

export const dataEncoding = defineCheck({
  id: "data/encoding",
  description: "CSV files are UTF-8",
  defaultSeverity: "error",
  blocking: true,
  messages: {
    notUtf8: '{{file}} (source "{{source}}") is not UTF-8: byte {{byteHex}} at line {{line}}, column {{column}} is not a valid UTF-8 character.',
    utf16: '{{file}} (source "{{source}}") is UTF-16 ({{byteOrder}}); Seg reads CSV files as UTF-8.',
  },
  hint: "Convert the file to UTF-8, e.g. iconv -f LATIN1 -t UTF-8 in.csv > out.csv.",
  hints: {
    notUtf8: "Convert the file to UTF-8, e.g. iconv -f LATIN1 -t UTF-8 {{fileName}} > {{utf8Name}}.utf8.csv (use the file's real encoding; LATIN1 and WINDOWS-1252 are common).",
    utf16: 'Convert the file to UTF-8, e.g. iconv -f {{iconvName}} -t UTF-8 {{fileName}} > {{utf8Name}}.utf8.csv (spreadsheets: save as "CSV UTF-8").',
  },
});

export const dataMalformed = defineCheck({
  id: "data/malformed",
  description: "CSV files are complete and every row has the header's number of fields",
  defaultSeverity: "error",
  blocking: true,
  messages: {
    raggedRow: "Row {{row}} (line {{line}}) of {{file}} has {{fields}} {{fieldsWord}}, expected {{expected}} (one per header column).",
    truncatedGzip: 'The gzip stream of {{file}} (source "{{source}}") is truncated or corrupt ({{error}}): its end is missing, so rows would be lost.',
    mixedLineEnds: "Line {{line}} of {{file}} ends with {{ending}}, but the lines before it end with {{first}}; a CSV file is read with one kind of line end.",
  },
  hint: "Export the file again.",
  hints: {
    raggedRow: "Quote values that contain commas, and give every row one field per header column.",
    truncatedGzip: "Copy or export the file again, and check it with gzip -t.",
    mixedLineEnds: "Save the file again with one kind of line end (e.g. dos2unix, or unix2dos), or export it again.",
  },
});
