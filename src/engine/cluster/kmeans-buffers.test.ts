import { describe, expect, it } from "vitest";
import { SegError } from "../../diagnostics/seg-error.ts";
import { createKMeansBuffers } from "./kmeans-buffers.ts";

describe("createKMeansBuffers", () => {
  it("holds a copy of the matrix in one shared memory", () => {
    const data = Float64Array.from({ length: 30 }, (_, i) => i / 3);
    const buffers = createKMeansBuffers({ data, n: 10, d: 3 }, 4);
    expect(buffers.memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(buffers.data)).toEqual(Array.from(data));
  });

  it("refuses a sample over the 4 GiB one WebAssembly memory holds with a user error that names clustering.sample and a size that fits", () => {
    // The check comes before any copy, so the rows need not exist.
    const tooMany = { data: new Float64Array(0), n: 50_000_000, d: 8 };
    let message = "";
    try {
      createKMeansBuffers(tooMany, 8);
    } catch (error) {
      expect(error).toBeInstanceOf(SegError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/50,000,000 rows × 8 features needs \d+\.\d GiB .* Set clustering\.sample in segmentation\.yaml to at most about [\d,]+/);
    const fits = Number(/at most about ([\d,]+)/.exec(message)?.[1]?.replaceAll(",", ""));
    // The size it names is close to the limit: a million rows more do not fit.
    expect(() => createKMeansBuffers({ data: new Float64Array(0), n: fits + 1_000_000, d: 8 }, 8)).toThrow(SegError);
    expect(fits).toBeGreaterThan(30_000_000);
    expect(fits).toBeLessThan(50_000_000);
  });
});
