/**
 * An aggregate of doubles that adds in ascending order of its argument, as DuckDB SQL:
 * `sum(x ORDER BY x)`. Floating-point addition is not associative and DuckDB's parallel
 * aggregates combine the threads' partial sums in whichever order the threads finish, so a
 * plain `sum`, `avg` or `var_samp` over more than one row group can differ in its last bits
 * from one run to the next. Sorted, the order of the additions depends only on the values
 * (equal values are interchangeable): the same rows give the same bits on every run, with any
 * number of threads. `x` is SQL built by Seg, never workspace text.
 */
export function inValueOrder(aggregate: "sum" | "avg" | "var_samp", x: string): string {
  return `${aggregate}(${x} ORDER BY ${x})`;
}
