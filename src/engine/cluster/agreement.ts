/**
 * How well two labelings of the same members agree: the contingency table
 * (rule segments × clusters) and the adjusted Rand index (Hubert & Arabie
 * 1985), computed as scikit-learn's `adjusted_rand_score` from pair counts:
 * 1 for identical partitions, about 0 for independent ones, negative for worse
 * than chance.
 */

export interface ContingencyTable {
  /** Row labels (first labeling), sorted. */
  rows: string[];
  /** Column labels (second labeling), sorted. */
  columns: string[];
  /** counts[r][c]: members with row label r and column label c. */
  counts: number[][];
}

/** The table from one (row label, column label, count) triple per non-empty cell. */
export function contingencyTable(cells: readonly { row: string; column: string; count: number }[]): ContingencyTable {
  const rows = [...new Set(cells.map((c) => c.row))].sort(compareLabels);
  const columns = [...new Set(cells.map((c) => c.column))].sort(compareLabels);
  const counts = rows.map(() => columns.map(() => 0));
  for (const cell of cells) counts[rows.indexOf(cell.row)]![columns.indexOf(cell.column)]! += cell.count;
  return { rows, columns, counts };
}

/** The table of two labelings given member by member. */
export function contingencyOf(a: ArrayLike<string | number>, b: ArrayLike<string | number>): ContingencyTable {
  if (a.length !== b.length) throw new RangeError(`labelings differ in length: ${a.length} and ${b.length}`);
  const cells = new Map<string, { row: string; column: string; count: number }>();
  for (let i = 0; i < a.length; i++) {
    const row = String(a[i]);
    const column = String(b[i]);
    const key = JSON.stringify([row, column]);
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { row, column, count: 1 });
  }
  return contingencyTable([...cells.values()]);
}

/** Adjusted Rand index from a contingency table (scikit-learn's pair-confusion formula). */
export function adjustedRandIndex(table: ContingencyTable): number | null {
  const n = sum(table.counts.map(sum));
  if (n === 0) return null;
  const sumSquares = sum(table.counts.map((row) => sum(row.map((c) => c * c))));
  const rowSums = table.counts.map(sum);
  const columnSums = table.columns.map((_, j) => sum(table.counts.map((row) => row[j]!)));
  // Pair counts: tp = pairs together in both, fp/fn = together in one only, tn = apart in both (ordered pairs).
  const tp = sumSquares - n;
  const fp = sum(columnSums.map((c) => c * c)) - sumSquares;
  const fn = sum(rowSums.map((r) => r * r)) - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
