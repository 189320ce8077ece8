/**
 * The checks the data itself must pass when a source loads: ids, what they
 * check, how severe a finding is and whether a finding may be accepted in the
 * suppressions baseline. Errors stop the recompute (the numbers would be
 * wrong), so they can only be fixed; warnings may be accepted like a rule's.
 */
import type { Severity } from "../diagnostics/diagnostic.ts";

export interface DataCheck {
  id: string;
  description: string;
  severity: Severity;
  /** false: a finding can only be fixed, with this hint saying how. */
  suppressible: boolean;
  hint: string;
}

export const DATA_CHECKS = {
  duplicateKey: {
    id: "data/duplicate-key",
    description: "Member keys are unique in the accounts source",
    severity: "error",
    suppressible: false,
    hint: "Point key: at a column that identifies one row, remove the duplicate rows, or number the rows with a row_number: true column.",
  },
  missingKey: {
    id: "data/missing-key",
    description: "Every row of the accounts source has a member key",
    severity: "warning",
    suppressible: true,
    hint: "Fill in the key, or filter the rows out with the source's filter: so leaving them out is a decision.",
  },
  duplicateId: {
    id: "data/duplicate-id",
    description: "Transaction ids do not repeat",
    severity: "warning",
    suppressible: true,
    hint: "Remove the repeated rows, or if rows are lines of an order, number them with a row_number: true key column and set rfm.order to the order id.",
  },
  typeMismatch: {
    id: "data/type-mismatch",
    description: "Values hold the type their column declares (checked, never cast)",
    severity: "error",
    suppressible: false,
    hint: "Fix the data, or declare the column with the type its values have.",
  },
  nonFinite: {
    id: "data/non-finite",
    description: "Number columns hold finite numbers (no NaN, Infinity or overflow)",
    severity: "error",
    suppressible: false,
    hint: "Write a finite number, or leave the cell empty for a missing value.",
  },
  futureDates: {
    id: "data/future-dates",
    description: "Timestamps are not after the analysis date (as_of), nor after today when as_of is later",
    severity: "warning",
    suppressible: true,
    hint: "Correct the dates, or move as_of (or --as-of) to the date the data runs to.",
  },
  encoding: {
    id: "data/encoding",
    description: "CSV files are UTF-8",
    severity: "error",
    suppressible: false,
    hint: "Convert the file to UTF-8, e.g. iconv -f LATIN1 -t UTF-8 in.csv > out.csv.",
  },
  malformed: {
    id: "data/malformed",
    description: "CSV files are complete and every row has the header's number of fields",
    severity: "error",
    suppressible: false,
    hint: "Export the file again.",
  },
} as const satisfies Record<string, DataCheck>;

export const dataChecks: readonly DataCheck[] = Object.values(DATA_CHECKS).sort((a, b) => (a.id < b.id ? -1 : 1));
