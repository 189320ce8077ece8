/**
 * An aggregate of doubles that adds in ascending order of its argument, as DuckDB SQL.
 * Floating-point addition is not associative and DuckDB's parallel aggregates combine the
 * threads' partial sums in whichever order the threads finish, so a plain `sum`, `avg` or
 * `var_samp` over more than one row group (122,880 rows) can differ in its last bits from one
 * run to the next. Sorted, the order of the additions depends only on the values (equal values
 * are interchangeable): the same rows give the same bits on every run, with any number of
 * threads and in any row order.
 *
 * The group's values are gathered into a list, sorted, and aggregated one after another:
 * `list_sum(list_sort(list(x)))`. That gives the bits of `sum(x ORDER BY x)` (and of
 * Postgres' `sum(x ORDER BY x)`), and measured three times faster on 10,000,000 rows in
 * 1,000,000 groups; NULLs are skipped and an all-NULL or empty group gives NULL, as `sum`.
 * With `filter`, only the rows where it holds are gathered (`list(x) FILTER (WHERE …)`).
 * `x` and `filter` are SQL built by Seg, never workspace text as written.
 */
const LIST_AGGREGATE = { sum: "list_sum", avg: "list_avg", var_samp: "list_var_samp" } as const;

export function inValueOrder(aggregate: keyof typeof LIST_AGGREGATE, x: string, filter?: string): string {
  return `${LIST_AGGREGATE[aggregate]}(list_sort(list(${x})${filter !== undefined ? ` FILTER (WHERE ${filter})` : ""}))`;
}
