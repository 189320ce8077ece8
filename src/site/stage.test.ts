import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { restagePlaybook, stagePlaybook, type StageInput } from "./stage.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  folders.push(path);
  return path;
}

describe("restagePlaybook", () => {
  it("rewrites what changed, removes what is no longer published and leaves the rest untouched", () => {
    const root = folder("seg-stage-ws-");
    mkdirSync(join(root, "personas"));
    writeFileSync(join(root, "personas/lee.png"), "png 1");
    writeFileSync(join(root, "personas/ana.png"), "png 2");
    const before: StageInput = { root, documents: new Map([["personas/lee.mdx", "Lee"], ["reviews/a.md", "A"]]), copies: ["personas/lee.png", "personas/ana.png"] };
    const stage = stagePlaybook(folder("seg-stage-"), before);
    const kept = statSync(join(stage, "reviews/a.md")).mtimeMs;

    writeFileSync(join(root, "personas/lee.png"), "png 1, edited");
    const after: StageInput = { root, documents: new Map([["personas/lee.mdx", "Lee, edited"], ["reviews/a.md", "A"], ["reviews/b.md", "B"]]), copies: ["personas/lee.png"] };
    restagePlaybook(stage, before, after);

    expect(readFileSync(join(stage, "personas/lee.mdx"), "utf8")).toBe("Lee, edited");
    expect(readFileSync(join(stage, "reviews/b.md"), "utf8")).toBe("B");
    expect(readFileSync(join(stage, "personas/lee.png"), "utf8")).toBe("png 1, edited");
    expect(readdirSync(join(stage, "personas")).sort()).toEqual(["lee.mdx", "lee.png"]);
    expect(statSync(join(stage, "reviews/a.md")).mtimeMs).toBe(kept);
  });

  it("refuses a copy that became a link since the check", () => {
    const root = folder("seg-stage-ws-");
    const outside = folder("seg-stage-outside-");
    writeFileSync(join(outside, "secret.png"), "secret");
    mkdirSync(join(root, "public"));
    writeFileSync(join(root, "public/logo.png"), "logo");
    const before: StageInput = { root, documents: new Map(), copies: ["public/logo.png"] };
    const stage = stagePlaybook(folder("seg-stage-"), before);
    rmSync(join(root, "public/logo.png"));
    symlinkSync(join(outside, "secret.png"), join(root, "public/logo.png"));
    expect(() => restagePlaybook(stage, before, before)).toThrow();
    expect(readFileSync(join(stage, "public/logo.png"), "utf8")).toBe("logo");
  });
});
