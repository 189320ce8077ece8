/* eslint max-lines-per-function: "off" -- minimumCostAssignment is the textbook algorithm in one piece, easier to check against its description whole. */
/**
 * The assignment problem: pair rows with columns of a cost matrix so that the
 * total cost is minimal (Kuhn–Munkres, the O(n²·m) shortest-augmenting-path
 * form with potentials). Rectangular matrices pair min(rows, columns) items;
 * the rest stay unpaired.
 */

/** For each row, its column, or −1 when unpaired. */
export function minimumCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const columns = rows === 0 ? 0 : cost[0]!.length;
  if (cost.some((row) => row.length !== columns)) throw new RangeError("cost matrix rows differ in length");
  if (cost.some((row) => row.some((value) => !Number.isFinite(value)))) throw new RangeError("costs must be finite");
  if (rows === 0 || columns === 0) return new Array<number>(rows).fill(-1);
  if (rows > columns) {
    const transposed = Array.from({ length: columns }, (_, j) => cost.map((row) => row[j]!));
    const byColumn = minimumCostAssignment(transposed);
    const out = new Array<number>(rows).fill(-1);
    byColumn.forEach((row, column) => {
      if (row >= 0) out[row] = column;
    });
    return out;
  }
  // 1-based arrays; column 0 is the virtual start.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const owner = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  for (let i = 1; i <= rows; i++) {
    owner[0] = i;
    let j0 = 0;
    const min = new Float64Array(columns + 1).fill(Infinity);
    const used = new Uint8Array(columns + 1);
    do {
      used[j0] = 1;
      const i0 = owner[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= columns; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (reduced < min[j]!) {
          min[j] = reduced;
          way[j] = j0;
        }
        if (min[j]! < delta) {
          delta = min[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (used[j]) {
          u[owner[j]!]! += delta;
          v[j]! -= delta;
        } else {
          min[j]! -= delta;
        }
      }
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0]!;
      owner[j0] = owner[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= columns; j++) if (owner[j]! > 0) out[owner[j]! - 1] = j - 1;
  return out;
}
