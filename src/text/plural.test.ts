import { describe, expect, it } from "vitest";
import { plural } from "./plural.ts";

describe("plural", () => {
  it("uses the singular for one and the plural otherwise, with thousands separators", () => {
    expect(plural(1, "segment")).toBe("1 segment");
    expect(plural(0, "segment")).toBe("0 segments");
    expect(plural(1204, "hypothesis", "hypotheses")).toBe("1,204 hypotheses");
  });
});
