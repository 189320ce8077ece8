import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, scriptHash } from "./content-security-policy.ts";

describe("contentSecurityPolicy", () => {
  it("allows scripts by hash only and refuses plugins, frames and <base>", () => {
    const hash = scriptHash("console.log(1)");
    expect(hash).toBe(`sha256-${createHash("sha256").update("console.log(1)").digest("base64")}`);
    const policy = contentSecurityPolicy([hash]);
    expect(policy).toContain(`script-src '${hash}';`);
    expect(policy).not.toMatch(/script-src[^;]*(unsafe-inline|'self'|\*)/);
    for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'", "frame-src 'none'", "form-action 'self'"]) expect(policy).toContain(directive);
    expect(contentSecurityPolicy([])).toContain("script-src 'none'");
  });

  it("loads images from the site itself only (and data: for the icon): no page can fetch a remote pixel", () => {
    const policy = contentSecurityPolicy([]);
    expect(policy).toContain("img-src 'self' data:;");
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it("allows each script hash it is given (seg dev adds its reload script's)", () => {
    expect(contentSecurityPolicy(["sha256-a", "sha256-b"])).toContain("script-src 'sha256-a' 'sha256-b';");
  });
});
