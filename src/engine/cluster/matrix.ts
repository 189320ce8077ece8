/**
 * A dense numeric matrix, row-major in one Float64Array: row i, column j is
 * `data[i * d + j]`. Every clustering step works on this shape so that a
 * million rows stay one allocation instead of a million arrays.
 */
export interface Matrix {
  data: Float64Array;
  /** Rows (members). */
  n: number;
  /** Columns (features). */
  d: number;
}

export function createMatrix(n: number, d: number): Matrix {
  return { data: new Float64Array(n * d), n, d };
}

/** A new matrix with the given rows, in the given order. */
export function selectRows(matrix: Matrix, rows: ArrayLike<number>): Matrix {
  const { d } = matrix;
  const out = createMatrix(rows.length, d);
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r]! * d;
    out.data.set(matrix.data.subarray(from, from + d), r * d);
  }
  return out;
}

/** One column as a plain array (for simple-statistics). */
export function column(matrix: Matrix, j: number): number[] {
  const out = new Array<number>(matrix.n);
  for (let i = 0; i < matrix.n; i++) out[i] = matrix.data[i * matrix.d + j]!;
  return out;
}
