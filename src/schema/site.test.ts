import { describe, expect, it } from "vitest";
import { siteSchema } from "./site.ts";

describe("siteSchema", () => {
  it("accepts an http(s) URL and a base path", () => {
    expect(siteSchema.parse({ url: "https://acme.github.io", base: "/playbook" })).toEqual({ url: "https://acme.github.io", base: "/playbook" });
    expect(siteSchema.parse({ base: "docs/playbook/" })).toEqual({ base: "docs/playbook/" });
    expect(siteSchema.parse({})).toEqual({});
  });

  it("refuses other URL schemes and base paths that climb or carry markup", () => {
    for (const url of ["javascript:alert(1)", "ftp://acme.example", "acme.github.io"]) expect(siteSchema.safeParse({ url }).success, url).toBe(false);
    for (const base of ["../up", "/a/../b", "/.hidden", '/"><script>', "/a b"]) expect(siteSchema.safeParse({ base }).success, base).toBe(false);
    expect(siteSchema.safeParse({ url: "https://a.b", extra: 1 }).success).toBe(false);
  });
});
