/**
 * Probe that led to Seg's WebAssembly k-means kernels
 * (src/engine/cluster/kmeans-kernels.ts, written with a readable emitter; this
 * probe keeps its hand-assembled bytes as the record of the measurement), not
 * part of `npm run bench`: the
 * nearest centre of every row (k × d, first on ties, squares added in column
 * order as squaredDistance does) in a hand-assembled WebAssembly loop against
 * the same loop in JavaScript over Float64Arrays. Both give the same labels;
 * compare their cost with instruction counts, since the machine is shared:
 *
 *   valgrind --tool=callgrind node --single-threaded bench/kmeans-wasm-probe.ts wasm|js|none [n] [passes]
 *
 * ("none" measures start-up and data alone, to subtract). On 2026-12-07
 * (100,000 × 8, k = 5, 40 passes, --predictable): JavaScript 1,432
 * instructions per row, WebAssembly 514 (2.8× fewer), the same labels. V8's
 * typed-array code costs about 20 instructions per element of a distance
 * (a bounds check per load, an overflow check per index, reloads of each
 * array's data pointer and detach flag); WebAssembly's loads need neither.
 */
const mode = process.argv[2] ?? "wasm";
const n = Number(process.argv[3] ?? 100_000);
const passes = Number(process.argv[4] ?? 40);
const d = 8;
const k = 5;

const sleb = (value: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
};
const uleb = (value: number): number[] => {
  const out: number[] = [];
  do {
    const byte = value & 0x7f;
    value >>>= 7;
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return out;
};
const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (text: string) => vector([...text].map((ch) => [ch.charCodeAt(0)]));
const I32 = 0x7f;
const F64 = 0x7c;
// Parameters data, n, d, centres, k, labels (byte offsets and counts); locals i, c, j, row, centre, best (i32), s, first, diff (f64).
const [DATA, N, D, CENTRES, K, LABELS, I, C, J, ROW, CENTRE, BEST, S, FIRST, DIFF] = [...Array(15).keys()] as number[];
const get = (x: number) => [0x20, x!];
const set = (x: number) => [0x21, x!];
const i32 = (v: number) => [0x41, ...sleb(v)];
const f64 = (v: number) => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)];
const byteOffset = (base: number, index: number) => [...get(base), ...get(index), ...i32(3), 0x74, 0x6a];
const body = [
  ...i32(0), ...set(I!),
  0x02, 0x40, 0x03, 0x40,
  ...get(I!), ...get(N!), 0x4e, 0x0d, 1,
  ...f64(Infinity), ...set(FIRST!), ...i32(0), ...set(BEST!), ...i32(0), ...set(C!), ...get(CENTRES!), ...set(CENTRE!),
  ...get(DATA!), ...get(I!), ...get(D!), 0x6c, ...i32(3), 0x74, 0x6a, ...set(ROW!),
  0x02, 0x40, 0x03, 0x40,
  ...get(C!), ...get(K!), 0x4e, 0x0d, 1,
  ...f64(0), ...set(S!), ...i32(0), ...set(J!),
  0x02, 0x40, 0x03, 0x40,
  ...get(J!), ...get(D!), 0x4e, 0x0d, 1,
  ...byteOffset(ROW!, J!), 0x2b, 3, 0, ...byteOffset(CENTRE!, J!), 0x2b, 3, 0,
  // diff = x − centre; s = s + diff² (f64.add commutes exactly: the bits of `s += diff * diff`).
  0xa1, 0x22, DIFF!, ...get(DIFF!), 0xa2, ...get(S!), 0xa0, ...set(S!),
  ...get(J!), ...i32(1), 0x6a, ...set(J!), 0x0c, 0,
  0x0b, 0x0b,
  ...get(S!), ...get(FIRST!), 0x63, 0x04, 0x40, ...get(S!), ...set(FIRST!), ...get(C!), ...set(BEST!), 0x0b,
  ...get(C!), ...i32(1), 0x6a, ...set(C!), ...get(CENTRE!), ...get(D!), ...i32(3), 0x74, 0x6a, ...set(CENTRE!), 0x0c, 0,
  0x0b, 0x0b,
  ...get(LABELS!), ...get(I!), ...i32(2), 0x74, 0x6a, ...get(BEST!), 0x36, 2, 0,
  ...get(I!), ...i32(1), 0x6a, ...set(I!), 0x0c, 0,
  0x0b, 0x0b,
  0x0b,
];
const code = [...vector([[...uleb(6), I32], [...uleb(3), F64]]), ...body];
const pages = Math.ceil((n * d * 8 + k * d * 8 + n * 4) / 65536) + 1;
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32], [I32], [I32], [I32]]), 0]])),
  ...section(3, vector([uleb(0)])),
  ...section(5, vector([[0x00, ...uleb(pages)]])),
  ...section(7, vector([[...name("scan"), 0x00, 0], [...name("memory"), 0x02, 0]])),
  ...section(10, vector([[...uleb(code.length), ...code]])),
]);
/** WebAssembly, typed here because the project's lib has no DOM or WebAssembly declarations. */
const wasm = (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> } }).WebAssembly;
const { instance } = await wasm.instantiate(bytes);
const exports = instance.exports as { scan(data: number, n: number, d: number, centres: number, k: number, labels: number): void; memory: { buffer: ArrayBuffer } };
const memory = exports.memory.buffer;
const centresAt = n * d * 8;
const labelsAt = centresAt + k * d * 8;
const rows = new Float64Array(memory, 0, n * d);
const centres = new Float64Array(memory, centresAt, k * d);
const labels = new Int32Array(memory, labelsAt, n);
let state = 1;
const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
for (let x = 0; x < rows.length; x++) rows[x] = random();
for (let x = 0; x < centres.length; x++) centres[x] = random();

function squared(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = a[aOffset + j]! - b[bOffset + j]!;
    s += diff * diff;
  }
  return s;
}
function scanInJs(): void {
  for (let i = 0; i < n; i++) {
    let best = 0;
    let first = Infinity;
    for (let c = 0; c < k; c++) {
      const s = squared(rows, i * d, centres, c * d);
      if (s < first) {
        first = s;
        best = c;
      }
    }
    labels[i] = best;
  }
}

const start = performance.now();
for (let pass = 0; pass < passes; pass++) {
  if (mode === "wasm") exports.scan(0, n, d, centresAt, k, labelsAt);
  else if (mode === "js") scanInJs();
}
let hash = 0;
for (let i = 0; i < n; i++) hash = (Math.imul(hash, 31) + labels[i]!) | 0;
process.stdout.write(`${mode}: labels hash ${hash}, ${((performance.now() - start) / passes).toFixed(2)} ms per pass\n`);
