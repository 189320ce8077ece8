/** Matrices from and to arrays of rows: how tests write small matrices by hand and read results. */
import { createMatrix, type Matrix } from "../../src/engine/cluster/matrix.ts";

/** Rows as arrays (for reports and tests; not for large n). */
export function toRows(matrix: Matrix): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < matrix.n; i++) rows.push(Array.from(matrix.data.subarray(i * matrix.d, (i + 1) * matrix.d)));
  return rows;
}

export function fromRows(rows: readonly (readonly number[])[], d = rows[0]?.length ?? 0): Matrix {
  const out = createMatrix(rows.length, d);
  rows.forEach((row, i) => {
    if (row.length !== d) throw new RangeError(`row ${i} has ${row.length} values, expected ${d}`);
    out.data.set(row, i * d);
  });
  return out;
}
