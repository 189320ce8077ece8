/**
 * A small WebAssembly emitter: instructions as functions that take their
 * operands' code and return their own, so a kernel reads like the expression
 * it computes (`f64.add(get(s), f64.mul(get(diff), get(diff)))`), and a module
 * writer for the few sections Seg's kernels need (types, one imported shared
 * memory, functions, exports). Only the instructions Seg uses are here; each
 * carries its opcode from the WebAssembly core specification (§5.4, "Binary
 * format: instructions").
 *
 * Control flow is structured: `block`, `loop` and `ifElse` take their bodies,
 * and `br`/`brIf` count enclosing blocks outwards from 0, as the format does.
 * `forEach` wraps the one loop shape the kernels use (a counter from a start up
 * to an end), so no kernel counts block depths itself.
 */

/** Instruction bytes; nested arrays are flattened when a body is assembled. */
export type Code = readonly number[];

export type ValueType = "i32" | "f64";

const VALUE_TYPE: Record<ValueType, number> = { i32: 0x7f, f64: 0x7c };

/** A parameter or local of the function being built. */
export interface Local {
  readonly index: number;
  readonly type: ValueType;
}

/** Unsigned LEB128, the format's encoding of sizes and indices. */
export function unsignedLeb(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) throw new RangeError(`not a u32: ${value}`);
  const out: number[] = [];
  do {
    const byte = value & 0x7f;
    value = Math.floor(value / 128);
    out.push(value !== 0 ? byte | 0x80 : byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128, the encoding of i32 constants. */
export function signedLeb(value: number): number[] {
  if (!Number.isInteger(value) || value < -0x8000_0000 || value > 0x7fff_ffff) throw new RangeError(`not an i32: ${value}`);
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const join = (parts: readonly Code[]): number[] => parts.flat();

// --- Control (§5.4.1) -------------------------------------------------------

/** A block with no result: `br` to it jumps past its end. */
export const block = (...body: Code[]): Code => [0x02, 0x40, ...join(body), 0x0b];
/** A loop with no result: `br` to it jumps back to its start. */
export const loop = (...body: Code[]): Code => [0x03, 0x40, ...join(body), 0x0b];
/** if (condition) then … else …, no result. */
export const ifElse = (condition: Code, then: Code[], otherwise: Code[] = []): Code => [
  ...condition,
  0x04,
  0x40,
  ...join(then),
  ...(otherwise.length > 0 ? [0x05, ...join(otherwise)] : []),
  0x0b,
];
export const br = (depth: number): Code => [0x0c, ...unsignedLeb(depth)];
export const brIf = (depth: number, condition: Code): Code => [...condition, 0x0d, ...unsignedLeb(depth)];
/** `a` if `condition` is non-zero, else `b` (both evaluated). */
export const select = (a: Code, b: Code, condition: Code): Code => [...a, ...b, ...condition, 0x1b];

/**
 * for (counter = from; counter < to (unsigned); counter++) body — `to` is
 * evaluated on every turn, so pass a local. The body must not branch out.
 */
export const forEach = (counter: Local, from: Code, to: Code, body: Code[]): Code => [
  ...set(counter, from),
  ...block(loop(brIf(1, i32.geU(get(counter), to)), ...body, set(counter, i32.add(get(counter), i32.constant(1))), br(0))),
];

// --- Variables (§5.4.4) -----------------------------------------------------

export const get = (local: Local): Code => [0x20, ...unsignedLeb(local.index)];
export const set = (local: Local, value: Code): Code => [...value, 0x21, ...unsignedLeb(local.index)];

// --- Memory (§5.4.6): a static byte offset, and the alignment as log2 bytes -------

const memarg = (align: number, offset: number): number[] => [...unsignedLeb(align), ...unsignedLeb(offset)];

// --- Numbers (§5.4.7) -------------------------------------------------------

const binary = (opcode: number) => (a: Code, b: Code): Code => [...a, ...b, opcode];
const unary = (opcode: number) => (a: Code): Code => [...a, opcode];

export const i32 = {
  constant: (value: number): Code => [0x41, ...signedLeb(value)],
  load: (address: Code, offset = 0): Code => [...address, 0x28, ...memarg(2, offset)],
  store: (address: Code, value: Code, offset = 0): Code => [...address, ...value, 0x36, ...memarg(2, offset)],
  eqz: unary(0x45),
  eq: binary(0x46),
  ne: binary(0x47),
  ltU: binary(0x49),
  geU: binary(0x4f),
  add: binary(0x6a),
  sub: binary(0x6b),
  mul: binary(0x6c),
  shl: binary(0x74),
  /** Unsigned minimum, as a select. */
  minU: (a: Local, b: Local): Code => select(get(a), get(b), i32.ltU(get(a), get(b))),
  /** Truncates towards zero; traps on NaN or out of range. */
  truncF64S: unary(0xaa),
} as const;

export const f64 = {
  /** The constant's exact bits (little-endian IEEE 754). */
  constant: (value: number): Code => [0x44, ...new Uint8Array(new Float64Array([value]).buffer)],
  load: (address: Code, offset = 0): Code => [...address, 0x2b, ...memarg(3, offset)],
  store: (address: Code, value: Code, offset = 0): Code => [...address, ...value, 0x39, ...memarg(3, offset)],
  eq: binary(0x61),
  ne: binary(0x62),
  lt: binary(0x63),
  gt: binary(0x64),
  le: binary(0x65),
  sqrt: unary(0x9f),
  add: binary(0xa0),
  sub: binary(0xa1),
  mul: binary(0xa2),
  convertI32S: unary(0xb7),
} as const;

// --- Functions and modules (§5.5) ----------------------------------------------

/** One function being written: its parameters, and locals declared as the body needs them. */
export class FunctionBuilder {
  readonly params: Local[];
  private readonly locals: Local[] = [];

  constructor(params: readonly ValueType[]) {
    this.params = params.map((type, index) => ({ index, type }));
  }

  local(type: ValueType): Local {
    const local = { index: this.params.length + this.locals.length, type };
    this.locals.push(local);
    return local;
  }

  /** The function's code entry: its locals, grouped by type as the format declares them, then the body. */
  encode(body: readonly Code[]): number[] {
    const groups: number[][] = [];
    for (const local of this.locals) groups.push([...unsignedLeb(1), VALUE_TYPE[local.type]]);
    const code = [...unsignedLeb(groups.length), ...groups.flat(), ...join(body), 0x0b];
    return [...unsignedLeb(code.length), ...code];
  }
}

export interface FunctionDefinition {
  name: string;
  params: readonly ValueType[];
  /** Builds the body; `fn.params[i]` are the parameters, `fn.local(type)` declares a local. */
  body: (fn: FunctionBuilder) => Code[];
}

const vector = (items: readonly number[][]): number[] => [...unsignedLeb(items.length), ...items.flat()];
const utf8Name = (text: string): number[] => vector([...new TextEncoder().encode(text)].map((byte) => [byte]));
const section = (id: number, content: number[]): number[] => [id, ...unsignedLeb(content.length), ...content];

/**
 * A module that imports one shared memory as `env.memory` (any size up to
 * 65,536 pages, 4 GiB) and exports the given functions, which return nothing.
 */
export function sharedMemoryModule(functions: readonly FunctionDefinition[]): Uint8Array {
  const built = functions.map((definition) => {
    const fn = new FunctionBuilder(definition.params);
    return { definition, code: fn.encode(definition.body(fn)) };
  });
  const MAX_PAGES = 65_536;
  const bytes = [
    // Magic "\0asm", version 1.
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    // Types: one function type per function, (params) → ().
    ...section(1, vector(built.map(({ definition }) => [0x60, ...vector(definition.params.map((type) => [VALUE_TYPE[type]])), 0]))),
    // Import env.memory: kind 2 (memory), limits flag 3 (shared, with a maximum), 1 page up to 4 GiB.
    ...section(2, vector([[...utf8Name("env"), ...utf8Name("memory"), 0x02, 0x03, ...unsignedLeb(1), ...unsignedLeb(MAX_PAGES)]])),
    // Functions: function i has type i.
    ...section(3, vector(built.map((_, index) => unsignedLeb(index)))),
    // Exports: kind 0 (function), by index.
    ...section(7, vector(built.map(({ definition }, index) => [...utf8Name(definition.name), 0x00, ...unsignedLeb(index)]))),
    // Code.
    ...section(10, vector(built.map(({ code }) => code))),
  ];
  return new Uint8Array(bytes);
}
