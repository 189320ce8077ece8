/**
 * The k-means chunk kernels, written in WebAssembly with Seg's emitter
 * (../wasm/wasm-emitter.ts): one exported function per phase (kmeans-buffers.ts
 * PHASE), each taking a chunk index and working on that chunk's rows and its
 * own slot of partial results in the shared memory whose layout the header at
 * address 0 gives. kmeans-chunk.ts instantiates the module on each thread.
 *
 * Why WebAssembly: V8's typed-array JavaScript spends about 20 instructions
 * per element of a distance (a bounds check per load, an overflow check per
 * index, reloads of each array's data pointer); WebAssembly's loads need
 * neither. Measured under callgrind on 2026-12-07 (nearest centre of 100,000
 * rows × 8, k = 5, 40 passes): 1,432 instructions per row in JavaScript, 514
 * in WebAssembly, the same labels (the probe, commit 4327b51, is in history).
 *
 * The arithmetic is that of the JavaScript kernels these replace, operation
 * for operation and in the same order (test/support/kmeans-chunk-reference.ts
 * keeps them, and kmeans-chunk.test.ts holds the two equal to the bit):
 * squared distances add `diff * diff` column by column from 0, sums add rows
 * in row order, and WebAssembly, like JavaScript, rounds every f64 operation
 * and never fuses a multiply into an add.
 *
 * Lloyd's iterations use Hamerly's bounds (Hamerly 2010, "Making k-means even
 * faster"): each row keeps an upper bound on the distance to its own centre and
 * a lower bound on the distance to any other, and skips the distance
 * computations whenever the bounds prove its label cannot change. The first
 * iteration sums each chunk's rows by label into its slot; later ones keep the
 * slot and move only the rows that change label from one sum to the other.
 */
import { CHUNK_ROWS, HEADER, SCALAR } from "./kmeans-buffers.ts";
import { f64, forEach, get, i32, ifElse, select, set, sharedMemoryModule, type Code, type FunctionBuilder, type Local } from "../wasm/wasm-emitter.ts";

/** Bounds are trusted only with this relative margin, so rounding can never skip a needed check. */
export const MARGIN = 1e-9;

/** The exported kernels: each runs one phase over one chunk of rows. */
export const KERNELS = ["assignFirst", "assign", "exact", "seedFirst", "seedTrial"] as const;

export type KernelName = (typeof KERNELS)[number];

/** The locals every kernel has: the layout (read from the header), its chunk's rows, and scratch for the macros below. */
interface Kernel {
  /** d, when the module is built for one d and its column loops are unrolled (see eachColumn). */
  columns: number | undefined;
  chunk: Local;
  n: Local;
  d: Local;
  /** Bytes per row (d × 8): from one row, or one centre, to the next. */
  rowBytes: Local;
  k: Local;
  start: Local;
  end: Local;
  i: Local;
  data: Local;
  labels: Local;
  upper: Local;
  lower: Local;
  centroids: Local;
  half: Local;
  moved: Local;
  scalars: Local;
  chunkTotals: Local;
  seeding: Local;
  /** This chunk's slot of sums and of counts. */
  sumSlot: Local;
  countSlot: Local;
  // Scratch.
  j: Local;
  c: Local;
  best: Local;
  row: Local;
  centre: Local;
  s: Local;
  diff: Local;
  first: Local;
  second: Local;
}

const header = (slot: number): Code => i32.load(i32.constant(0), slot * 4);
/** Address of element `index` of an array of 8-byte values at `base`, or of 4-byte ones. */
const at8 = (base: Local, index: Code): Code => i32.add(get(base), i32.shl(index, i32.constant(3)));
const at4 = (base: Local, index: Code): Code => i32.add(get(base), i32.shl(index, i32.constant(2)));
const scalar = (K: Kernel, slot: number): Code => f64.load(get(K.scalars), slot * 8);
const increment = (local: Local): Code => set(local, i32.add(get(local), i32.constant(1)));
/** Address of row (or centre) `index` of the d-column array at `base`. */
const rowAt = (K: Kernel, base: Local, index: Code): Code => i32.add(get(base), i32.mul(index, get(K.rowBytes)));

/** Declares the common locals and returns them with the code that sets them. */
function prologue(fn: FunctionBuilder, columns: number | undefined): [Kernel, Code[]] {
  const i32Local = () => fn.local("i32");
  const f64Local = () => fn.local("f64");
  const K: Kernel = {
    columns,
    chunk: fn.params[0]!,
    n: i32Local(),
    d: i32Local(),
    rowBytes: i32Local(),
    k: i32Local(),
    start: i32Local(),
    end: i32Local(),
    i: i32Local(),
    data: i32Local(),
    labels: i32Local(),
    upper: i32Local(),
    lower: i32Local(),
    centroids: i32Local(),
    half: i32Local(),
    moved: i32Local(),
    scalars: i32Local(),
    chunkTotals: i32Local(),
    seeding: i32Local(),
    sumSlot: i32Local(),
    countSlot: i32Local(),
    j: i32Local(),
    c: i32Local(),
    best: i32Local(),
    row: i32Local(),
    centre: i32Local(),
    s: f64Local(),
    diff: f64Local(),
    first: f64Local(),
    second: f64Local(),
  };
  const code = [
    set(K.n, header(HEADER.n)),
    set(K.d, header(HEADER.d)),
    set(K.rowBytes, i32.shl(get(K.d), i32.constant(3))),
    set(K.data, header(HEADER.data)),
    set(K.labels, header(HEADER.labels)),
    set(K.upper, header(HEADER.upper)),
    set(K.lower, header(HEADER.lower)),
    set(K.centroids, header(HEADER.centroids)),
    set(K.half, header(HEADER.half)),
    set(K.moved, header(HEADER.moved)),
    set(K.scalars, header(HEADER.scalars)),
    set(K.chunkTotals, header(HEADER.chunkTotals)),
    set(K.seeding, header(HEADER.seeding)),
    set(K.sumSlot, i32.add(header(HEADER.chunkSums), i32.mul(get(K.chunk), header(HEADER.sumStride)))),
    set(K.countSlot, i32.add(header(HEADER.chunkCounts), i32.mul(get(K.chunk), header(HEADER.countStride)))),
    set(K.k, i32.truncF64S(scalar(K, SCALAR.k))),
    // Rows start … end − 1: the chunk, clipped to n.
    set(K.start, i32.mul(get(K.chunk), i32.constant(CHUNK_ROWS))),
    set(K.end, i32.add(get(K.start), i32.constant(CHUNK_ROWS))),
    set(K.end, i32.minU(K.end, K.n)),
  ];
  return [K, code];
}

/** Where column j of the row at `base` is: an address and a constant offset added to it. */
type Column = (base: Local) => { address: Code; offset: number };
const load = ({ address, offset }: ReturnType<Column>): Code => f64.load(address, offset);
const store = ({ address, offset }: ReturnType<Column>, value: Code): Code => f64.store(address, value, offset);

/**
 * `body` for each column j = 0 … d − 1, in order. With d known when the
 * module is built (up to UNROLL_MAX columns), the loop is unrolled and column
 * j is the constant offset 8j from the row; otherwise it is a loop over K.j.
 * The same operations in the same order either way.
 */
function eachColumn(K: Kernel, body: (column: Column) => Code[]): Code[] {
  if (K.columns !== undefined) {
    return Array.from({ length: K.columns }, (_, j) => body((base) => ({ address: get(base), offset: j * 8 }))).flat();
  }
  return [forEach(K.j, i32.constant(0), get(K.d), body((base) => ({ address: at8(base, get(K.j)), offset: 0 })))];
}

/** out = Σ_j (a[j] − b[j])², j = 0 … d − 1 in order, from 0: squaredDistance's additions (squared-distance.ts). */
function squaredDistance(K: Kernel, out: Local, a: Local, b: Local): Code[] {
  return [
    set(out, f64.constant(0)),
    ...eachColumn(K, (column) => [
      set(K.diff, f64.sub(load(column(a)), load(column(b)))),
      set(out, f64.add(get(out), f64.mul(get(K.diff), get(K.diff)))),
    ]),
  ];
}

/**
 * Nearest and second-nearest centre of row i (at address K.row): its label
 * and both bounds (first on ties). The centre `own` (−1 for none) has the
 * squared distance `ownSquared` already: the same bits this loop would compute.
 */
function scan(K: Kernel, own: Local, ownSquared: Local): Code[] {
  return [
    set(K.best, i32.constant(0)),
    set(K.first, f64.constant(Infinity)),
    set(K.second, f64.constant(Infinity)),
    set(K.centre, get(K.centroids)),
    forEach(K.c, i32.constant(0), get(K.k), [
      ifElse(i32.eq(get(K.c), get(own)), [set(K.s, get(ownSquared))], squaredDistance(K, K.s, K.row, K.centre)),
      ifElse(
        f64.lt(get(K.s), get(K.first)),
        [set(K.second, get(K.first)), set(K.first, get(K.s)), set(K.best, get(K.c))],
        [ifElse(f64.lt(get(K.s), get(K.second)), [set(K.second, get(K.s))])],
      ),
      set(K.centre, i32.add(get(K.centre), get(K.rowBytes))),
    ]),
    i32.store(at4(K.labels, get(K.i)), get(K.best)),
    f64.store(at8(K.upper, get(K.i)), f64.sqrt(get(K.first))),
    f64.store(at8(K.lower, get(K.i)), f64.sqrt(get(K.second))),
  ];
}

/** Sums of the chunk's rows by label into the chunk's slot: zeroed, then row after row. */
function sumChunk(fn: FunctionBuilder, K: Kernel): Code[] {
  const x = fn.local("i32");
  const kd = fn.local("i32");
  const count = fn.local("i32");
  return [
    set(kd, i32.mul(get(K.k), get(K.d))),
    forEach(x, i32.constant(0), get(kd), [f64.store(at8(K.sumSlot, get(x)), f64.constant(0))]),
    forEach(x, i32.constant(0), get(K.k), [f64.store(at8(K.countSlot, get(x)), f64.constant(0))]),
    forEach(K.i, get(K.start), get(K.end), [
      set(K.c, i32.load(at4(K.labels, get(K.i)))),
      set(count, at8(K.countSlot, get(K.c))),
      f64.store(get(count), f64.add(f64.load(get(count)), f64.constant(1))),
      set(K.row, rowAt(K, K.data, get(K.i))),
      set(K.centre, rowAt(K, K.sumSlot, get(K.c))),
      ...eachColumn(K, (column) => [store(column(K.centre), f64.add(load(column(K.centre)), load(column(K.row))))]),
    ]),
  ];
}

/**
 * Row i (at K.row) changed label from `from` to `to`: its chunk's sums follow
 * it, column by column (taken out of one, added to the other), then the counts.
 */
function moveRow(fn: FunctionBuilder, K: Kernel, from: Local, to: Local): Code[] {
  const fromSum = fn.local("i32");
  const toSum = fn.local("i32");
  const value = fn.local("f64");
  const count = fn.local("i32");
  return [
    set(fromSum, rowAt(K, K.sumSlot, get(from))),
    set(toSum, rowAt(K, K.sumSlot, get(to))),
    ...eachColumn(K, (column) => [
      set(value, load(column(K.row))),
      store(column(fromSum), f64.sub(load(column(fromSum)), get(value))),
      store(column(toSum), f64.add(load(column(toSum)), get(value))),
    ]),
    set(count, at8(K.countSlot, get(from))),
    f64.store(get(count), f64.sub(f64.load(get(count)), f64.constant(1))),
    set(count, at8(K.countSlot, get(to))),
    f64.store(get(count), f64.add(f64.load(get(count)), f64.constant(1))),
  ];
}

/** Writes this chunk's one number (labels changed, inertia, potential). */
const chunkTotal = (K: Kernel, value: Code): Code => f64.store(at8(K.chunkTotals, get(K.chunk)), value);

/** Hamerly's bound for a row of label `a` whose lower bound is now `l`: the larger of it and half the gap to a's nearest other centre, less the margin. */
const hamerlyBound = (K: Kernel, out: Local, a: Local, l: Local, h: Local): Code[] => [
  set(h, f64.load(at8(K.half, get(a)))),
  set(out, f64.mul(select(get(h), get(l), f64.gt(get(h), get(l))), f64.constant(1 - MARGIN))),
];

/** The lower bound loosened by the largest move of another centre: `lower − (a = largestAt ? runnerUp : largest)`. */
const loosened = (K: Kernel, a: Local, largest: Local, runnerUp: Local, largestAt: Local): Code =>
  f64.sub(f64.load(at8(K.lower, get(K.i))), select(get(runnerUp), get(largest), i32.eq(get(a), get(largestAt))));

/** First Lloyd iteration: every row's nearest and second-nearest centre, then the chunk's sums. */
function assignFirst(fn: FunctionBuilder, columns: number | undefined): Code[] {
  const [K, code] = prologue(fn, columns);
  const none = fn.local("i32");
  const unused = fn.local("f64");
  return [
    ...code,
    set(none, i32.constant(-1)),
    forEach(K.i, get(K.start), get(K.end), [set(K.row, rowAt(K, K.data, get(K.i))), ...scan(K, none, unused)]),
    ...sumChunk(fn, K),
  ];
}

/**
 * Later Lloyd iterations. The centres moved: a row's own distance may have
 * grown by its centre's move, the others shrunk by the largest other move. A
 * row the loosened bounds settle keeps its label; otherwise its own distance
 * is computed, and only if that too fails the bound are all centres scanned.
 * Rows that change label move between the chunk's sums, unless the driver
 * asked for every row to be summed again (`resum`).
 */
function assign(fn: FunctionBuilder, columns: number | undefined): Code[] {
  const [K, code] = prologue(fn, columns);
  const a = fn.local("i32");
  const largestAt = fn.local("i32");
  const resum = fn.local("i32");
  const changed = fn.local("i32");
  const largest = fn.local("f64");
  const runnerUp = fn.local("f64");
  const u = fn.local("f64");
  const l = fn.local("f64");
  const h = fn.local("f64");
  const bound = fn.local("f64");
  const own = fn.local("f64");
  const tight = fn.local("f64");
  return [
    ...code,
    set(largest, scalar(K, SCALAR.largest)),
    set(runnerUp, scalar(K, SCALAR.runnerUp)),
    set(largestAt, i32.truncF64S(scalar(K, SCALAR.largestAt))),
    set(resum, f64.ne(scalar(K, SCALAR.resum), f64.constant(0))),
    set(changed, i32.constant(0)),
    forEach(K.i, get(K.start), get(K.end), [
      set(a, i32.load(at4(K.labels, get(K.i)))),
      set(u, f64.add(f64.load(at8(K.upper, get(K.i))), f64.load(at8(K.moved, get(a))))),
      set(l, loosened(K, a, largest, runnerUp, largestAt)),
      f64.store(at8(K.lower, get(K.i)), get(l)),
      ...hamerlyBound(K, bound, a, l, h),
      ifElse(
        f64.le(get(u), get(bound)),
        [f64.store(at8(K.upper, get(K.i)), get(u))],
        [
          set(K.row, rowAt(K, K.data, get(K.i))),
          set(K.centre, rowAt(K, K.centroids, get(a))),
          ...squaredDistance(K, own, K.row, K.centre),
          set(tight, f64.sqrt(get(own))),
          f64.store(at8(K.upper, get(K.i)), get(tight)),
          // Not (tight ≤ bound): scan every centre.
          ifElse(i32.eqz(f64.le(get(tight), get(bound))), [
            ...scan(K, a, own),
            ifElse(i32.ne(get(K.best), get(a)), [increment(changed), ifElse(i32.eqz(get(resum)), moveRow(fn, K, a, K.best))]),
          ]),
        ],
      ),
    ]),
    chunkTotal(K, f64.convertI32S(get(changed))),
    ifElse(get(resum), sumChunk(fn, K)),
  ];
}

/**
 * Final labels and inertia: every row's own distance (the inertia needs it),
 * and the other centres only for rows whose bounds, loosened by the last
 * moves, cannot prove the own centre nearest. Same labels and the same
 * distances, added in the same order, as a scan of every centre.
 */
function exact(fn: FunctionBuilder, columns: number | undefined): Code[] {
  const [K, code] = prologue(fn, columns);
  const a = fn.local("i32");
  const largestAt = fn.local("i32");
  const largest = fn.local("f64");
  const runnerUp = fn.local("f64");
  const l = fn.local("f64");
  const h = fn.local("f64");
  const bound = fn.local("f64");
  const own = fn.local("f64");
  const inertia = fn.local("f64");
  return [
    ...code,
    set(largest, scalar(K, SCALAR.largest)),
    set(runnerUp, scalar(K, SCALAR.runnerUp)),
    set(largestAt, i32.truncF64S(scalar(K, SCALAR.largestAt))),
    set(inertia, f64.constant(0)),
    forEach(K.i, get(K.start), get(K.end), [
      set(a, i32.load(at4(K.labels, get(K.i)))),
      set(K.row, rowAt(K, K.data, get(K.i))),
      set(K.centre, rowAt(K, K.centroids, get(a))),
      ...squaredDistance(K, own, K.row, K.centre),
      set(l, loosened(K, a, largest, runnerUp, largestAt)),
      ...hamerlyBound(K, bound, a, l, h),
      ifElse(
        f64.le(f64.sqrt(get(own)), get(bound)),
        [set(inertia, f64.add(get(inertia), get(own)))],
        [
          // Every centre, first on ties; K.first is the best distance so far.
          set(K.best, i32.constant(0)),
          set(K.first, f64.constant(Infinity)),
          set(K.centre, get(K.centroids)),
          forEach(K.c, i32.constant(0), get(K.k), [
            ifElse(i32.eq(get(K.c), get(a)), [set(K.s, get(own))], squaredDistance(K, K.s, K.row, K.centre)),
            ifElse(f64.lt(get(K.s), get(K.first)), [set(K.first, get(K.s)), set(K.best, get(K.c))]),
            set(K.centre, i32.add(get(K.centre), get(K.rowBytes))),
          ]),
          i32.store(at4(K.labels, get(K.i)), get(K.best)),
          set(inertia, f64.add(get(inertia), get(K.first))),
        ],
      ),
    ]),
    chunkTotal(K, get(inertia)),
  ];
}

/** The k-means++ candidate row's address, and the third of `seeding` a scalar slot names. */
const candidateRow = (K: Kernel): Code => rowAt(K, K.data, i32.truncF64S(scalar(K, SCALAR.candidate)));
const seedingThird = (K: Kernel, slot: number): Code => i32.add(get(K.seeding), i32.mul(i32.truncF64S(scalar(K, slot)), i32.shl(get(K.n), i32.constant(3))));

/** k-means++: each row's squared distance to the first centre, and their total. */
function seedFirst(fn: FunctionBuilder, columns: number | undefined): Code[] {
  const [K, code] = prologue(fn, columns);
  const closest = fn.local("i32");
  const potential = fn.local("f64");
  return [
    ...code,
    set(K.centre, candidateRow(K)),
    set(closest, seedingThird(K, SCALAR.closestAt)),
    set(potential, f64.constant(0)),
    forEach(K.i, get(K.start), get(K.end), [
      set(K.row, rowAt(K, K.data, get(K.i))),
      ...squaredDistance(K, K.s, K.row, K.centre),
      f64.store(at8(closest, get(K.i)), get(K.s)),
      set(potential, f64.add(get(potential), get(K.s))),
    ]),
    chunkTotal(K, get(potential)),
  ];
}

/** k-means++: each row's squared distance to its nearest centre if the candidate were added, and their total. */
function seedTrial(fn: FunctionBuilder, columns: number | undefined): Code[] {
  const [K, code] = prologue(fn, columns);
  const closest = fn.local("i32");
  const target = fn.local("i32");
  const potential = fn.local("f64");
  const near = fn.local("f64");
  return [
    ...code,
    set(K.centre, candidateRow(K)),
    set(closest, seedingThird(K, SCALAR.closestAt)),
    set(target, seedingThird(K, SCALAR.targetAt)),
    set(potential, f64.constant(0)),
    forEach(K.i, get(K.start), get(K.end), [
      set(K.row, rowAt(K, K.data, get(K.i))),
      ...squaredDistance(K, K.s, K.row, K.centre),
      set(near, f64.load(at8(closest, get(K.i)))),
      // m = s < near ? s : near
      set(K.s, select(get(K.s), get(near), f64.lt(get(K.s), get(near)))),
      f64.store(at8(target, get(K.i)), get(K.s)),
      set(potential, f64.add(get(potential), get(K.s))),
    ]),
    chunkTotal(K, get(potential)),
  ];
}

const BODIES: Record<KernelName, (fn: FunctionBuilder, columns: number | undefined) => Code[]> = { assignFirst, assign, exact, seedFirst, seedTrial };

/**
 * Up to this many columns a module is built for one d, its column loops
 * unrolled (each element then costs its load and arithmetic, no counter);
 * wider matrices share one module with loops.
 */
export const UNROLL_MAX = 16;

/**
 * The module's bytes: the five kernels, each `(chunk: i32) → ()`, over an
 * imported shared memory; for matrices of exactly `d` columns when d ≤
 * UNROLL_MAX (pass undefined for the module that loops over any d).
 */
export function kmeansKernelsModule(d: number | undefined): Uint8Array {
  const columns = d !== undefined && d <= UNROLL_MAX ? d : undefined;
  return sharedMemoryModule(KERNELS.map((name) => ({ name, params: ["i32"], body: (fn: FunctionBuilder) => BODIES[name](fn, columns) })));
}
