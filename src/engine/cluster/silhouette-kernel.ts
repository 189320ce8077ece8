/**
 * The silhouette's pair loop in WebAssembly (Seg's emitter, ../wasm/wasm-emitter.ts):
 * for every pair of sampled rows r < t, the Euclidean distance, added to row r's
 * sum for t's cluster and to row t's sum for r's cluster, in every labeling at
 * once. It is silhouette.ts's loop, operation for operation and in the same
 * order (squared differences added column by column from 0, one square root,
 * pairs in row order), and WebAssembly, like JavaScript, rounds every f64
 * operation and never fuses a multiply into an add: the sums are the same to
 * the bit. In JavaScript the loop spent most of its time on bounds checks and
 * typed-array reloads, which WebAssembly's loads do not need.
 *
 * Layout of the memory the caller fills (byte addresses, 8-aligned): the
 * sampled rows' values (s × d f64, row after row), each row's cell in the
 * sums for each labeling (s × f i32: where its own cluster's sum sits in a
 * row's `width` sums), and the sums (s × width f64, zero).
 */
import { f64, forEach, get, i32, set, sharedMemoryModule, type Code, type FunctionBuilder, type Local } from "../wasm/wasm-emitter.ts";
import { webAssembly, WASM_PAGE, type WasmModule } from "../wasm/wasm-runtime.ts";

/** The exported function: rows from … to − 1 against every later row. */
type PairSumsKernel = (from: number, to: number, s: number, d: number, f: number, width: number, data: number, cells: number, sums: number) => void;

/** The kernel's parameters (all i32), in PairSumsKernel's order. */
const PARAMS = ["from", "to", "s", "d", "f", "width", "data", "cells", "sums"] as const;

function pairSumsBody(fn: FunctionBuilder): Code[] {
  const p = Object.fromEntries(PARAMS.map((name, index) => [name, fn.params[index]!])) as Record<(typeof PARAMS)[number], Local>;
  const i32Local = () => fn.local("i32");
  const [r, t, j, i, rowR, rowT, own, their, mine, theirs, rowBytes, widthBytes, cellBytes, address] = [i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local(), i32Local()];
  const [sq, diff, distance] = [fn.local("f64"), fn.local("f64"), fn.local("f64")];
  /** base + index × 2^shift: an element's address. */
  const element = (base: Local, index: Local, shift: number): Code => i32.add(get(base), i32.shl(get(index), i32.constant(shift)));
  /** sums[row + cells[cellRow + i]] += distance (row and cellRow are byte addresses). */
  const addTo = (row: Local, cellRow: Local): Code[] => [
    set(address, i32.add(get(row), i32.shl(i32.load(element(cellRow, i, 2)), i32.constant(3)))),
    f64.store(get(address), f64.add(f64.load(get(address)), get(distance))),
  ];
  return [
    set(rowBytes, i32.shl(get(p.d), i32.constant(3))),
    set(widthBytes, i32.shl(get(p.width), i32.constant(3))),
    set(cellBytes, i32.shl(get(p.f), i32.constant(2))),
    forEach(r, get(p.from), get(p.to), [
      set(rowR, i32.add(get(p.data), i32.mul(get(r), get(rowBytes)))),
      set(own, i32.add(get(p.sums), i32.mul(get(r), get(widthBytes)))),
      set(mine, i32.add(get(p.cells), i32.mul(get(r), get(cellBytes)))),
      forEach(t, i32.add(get(r), i32.constant(1)), get(p.s), [
        set(rowT, i32.add(get(p.data), i32.mul(get(t), get(rowBytes)))),
        set(sq, f64.constant(0)),
        forEach(j, i32.constant(0), get(p.d), [
          set(diff, f64.sub(f64.load(element(rowR, j, 3)), f64.load(element(rowT, j, 3)))),
          set(sq, f64.add(get(sq), f64.mul(get(diff), get(diff)))),
        ]),
        set(distance, f64.sqrt(get(sq))),
        set(their, i32.add(get(p.sums), i32.mul(get(t), get(widthBytes)))),
        set(theirs, i32.add(get(p.cells), i32.mul(get(t), get(cellBytes)))),
        forEach(i, i32.constant(0), get(p.f), [...addTo(own, theirs), ...addTo(their, mine)]),
      ]),
    ]),
  ];
}

/** Rows r per call of the kernel (each with its pairs r < t). */
const BLOCK_ROWS = 32;

let compiled: WasmModule | undefined;

export interface PairSumsInput {
  /** The sampled rows' values, s × d. */
  values: Float64Array;
  s: number;
  d: number;
  /** Labelings scored at once. */
  f: number;
  /** Sums per row (the ks of the labelings, added up). */
  width: number;
  /** s × f: row r's own cluster's cell in labeling i, among its `width` sums. */
  cells: Int32Array;
}

/** Every row's sums of distances to the rows of each cluster of each labeling (s × width). */
export function pairSums({ values, s, d, f, width, cells }: PairSumsInput): Float64Array {
  const align8 = (bytes: number) => Math.ceil(bytes / 8) * 8;
  const dataAt = 0;
  const cellsAt = align8(dataAt + s * d * 8);
  const sumsAt = align8(cellsAt + s * f * 4);
  const bytes = sumsAt + s * width * 8;
  const pages = Math.max(1, Math.ceil(bytes / WASM_PAGE));
  if (pages > 65_536) throw new RangeError(`a silhouette on ${s.toLocaleString("en-US")} rows needs ${(bytes / 2 ** 30).toFixed(1)} GiB, over the 4 GiB one WebAssembly memory holds: lower the silhouette sample`);
  const api = webAssembly();
  compiled ??= new api.Module(sharedMemoryModule([{ name: "pairSums", params: PARAMS.map(() => "i32" as const), body: pairSumsBody }]));
  const memory = new api.Memory({ initial: pages, maximum: pages, shared: true });
  new Float64Array(memory.buffer, dataAt, s * d).set(values.subarray(0, s * d));
  new Int32Array(memory.buffer, cellsAt, s * f).set(cells.subarray(0, s * f));
  const kernel = new api.Instance(compiled, { env: { memory } }).exports.pairSums as PairSumsKernel;
  // In blocks of rows, not in one call: V8 first runs WebAssembly through its baseline compiler and
  // moves a function to optimized code only for its next call, so one long call would run baseline throughout.
  for (let from = 0; from < s; from += BLOCK_ROWS) kernel(from, Math.min(s, from + BLOCK_ROWS), s, d, f, width, dataAt, cellsAt, sumsAt);
  return new Float64Array(memory.buffer, sumsAt, s * width).slice();
}
