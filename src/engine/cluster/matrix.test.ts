import { describe, expect, it } from "vitest";
import { column, createMatrix, selectRows } from "./matrix.ts";
import { fromRows, toRows } from "../../../test/support/matrix-rows.ts";

describe("matrix", () => {
  it("stores rows one after another", () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect([m.n, m.d]).toEqual([3, 2]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(column(m, 1)).toEqual([2, 4, 6]);
  });

  it("selects rows in the order given", () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(toRows(selectRows(m, [2, 0]))).toEqual([
      [5, 6],
      [1, 2],
    ]);
  });

  it("refuses ragged rows", () => {
    expect(() => fromRows([[1, 2], [3]])).toThrow("row 1 has 1 values, expected 2");
  });

  it("creates zero-filled matrices", () => {
    expect(Array.from(createMatrix(2, 2).data)).toEqual([0, 0, 0, 0]);
  });
});
