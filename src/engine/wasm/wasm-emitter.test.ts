import { describe, expect, it } from "vitest";
import { f64, forEach, get, i32, ifElse, set, sharedMemoryModule, signedLeb, unsignedLeb } from "./wasm-emitter.ts";
import { webAssembly } from "./wasm-runtime.ts";

describe("wasm-emitter", () => {
  it("encodes LEB128 as the format does", () => {
    expect(unsignedLeb(0)).toEqual([0]);
    expect(unsignedLeb(127)).toEqual([0x7f]);
    expect(unsignedLeb(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb(624_485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb(0xffff_ffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(signedLeb(-1)).toEqual([0x7f]);
    expect(signedLeb(63)).toEqual([0x3f]);
    expect(signedLeb(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb(-123_456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(() => unsignedLeb(-1)).toThrow(RangeError);
    expect(() => signedLeb(2 ** 31)).toThrow(RangeError);
  });

  it("builds a module over a shared memory whose loops, branches and f64 arithmetic run as written", () => {
    // sumLarge(n): adds the f64 values at addresses 8, 16, … (n of them) that are > 1, into address 0.
    const bytes = sharedMemoryModule([
      {
        name: "sumLarge",
        params: ["i32"],
        body: (fn) => {
          const n = fn.params[0]!;
          const i = fn.local("i32");
          const total = fn.local("f64");
          const value = fn.local("f64");
          return [
            set(total, f64.constant(0)),
            forEach(i, i32.constant(1), i32.add(get(n), i32.constant(1)), [
              set(value, f64.load(i32.shl(get(i), i32.constant(3)))),
              ifElse(f64.gt(get(value), f64.constant(1)), [set(total, f64.add(get(total), get(value)))]),
            ]),
            f64.store(i32.constant(0), get(total)),
          ];
        },
      },
    ]);
    const api = webAssembly();
    const memory = new api.Memory({ initial: 1, maximum: 1, shared: true });
    const { exports } = new api.Instance(new api.Module(bytes), { env: { memory } });
    const view = new Float64Array(memory.buffer);
    view.set([0, 0.5, 2, 3.25, -4, 1, 10], 0);
    (exports.sumLarge as (n: number) => void)(6);
    expect(view[0]).toBe(2 + 3.25 + 10);
  });
});
