/**
 * Hostile or broken input gets a located finding or a clear error naming the
 * path, exit 1 or 2, and never a stack or "this is a bug": text that is not
 * UTF-8 or is UTF-16, a second YAML document, YAML nested 250,000 levels, SQL comments and
 * casts in expressions, a write to a full disk, and a reader that closes the
 * pipe early.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg, SEG_BIN } from "../../support/run-seg.ts";
import { BASE_SEGMENT, tempWorkspace } from "../../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function workspace(files: Record<string, string | null> = {}): string {
  const ws = tempWorkspace(files);
  cleanups.push(ws.remove);
  return ws.root;
}

const noCrash = (stderr: string) => expect(stderr).not.toMatch(/internal error|This is a bug|Maximum call stack|^\s+at .*:\d+:\d+\)?$/m);

describe("messages for hostile input", () => {
  it("reports a byte that is not UTF-8 at its line and column instead of reading it as U+FFFD", () => {
    const root = workspace();
    // "Heavy users" with a Latin-1 é (0xE9) in "Heavy usérs", line 2, column 14.
    const latin1 = Buffer.concat([Buffer.from("id: heavy\nname: Heavy us"), Buffer.from([0xe9]), Buffer.from(BASE_SEGMENT.slice(BASE_SEGMENT.indexOf("rs\n")))]);
    writeFileSync(join(root, "segments/usage/heavy.yaml"), latin1);
    const run = runSeg(["check", "--no-data"], { cwd: root });
    noCrash(run.stderr);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("segments/usage/heavy.yaml\n  2:15  error    The file is not UTF-8: byte 0xE9 here is not valid UTF-8 text (the file is probably Latin-1 or Windows-1252).  file/encoding");
    expect(run.stdout).toContain("iconv -f latin1 -t utf-8");
  });

  it.each([
    ["UTF-16 with a byte order mark (as Windows Notepad saves 'Unicode')", "utf16le", true, "little-endian"],
    ["UTF-16 without one", "utf16be", false, "big-endian"],
  ] as const)("says a segment saved as %s is UTF-16, at 1:1, and how to save it as UTF-8", (_case, encoding, bom, order) => {
    const root = workspace();
    const text = Buffer.from(`${bom ? "\uFEFF" : ""}${BASE_SEGMENT}`, "utf16le");
    if (encoding === "utf16be") text.swap16();
    writeFileSync(join(root, "segments/usage/heavy.yaml"), text);
    const run = runSeg(["check", "--no-data"], { cwd: root });
    noCrash(run.stderr);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`segments/usage/heavy.yaml\n  1:1  error    The file is UTF-16 (${order}); Seg reads YAML files as UTF-8.  file/encoding`);
    expect(run.stdout).toContain(`Save it as UTF-8 (in most editors: Save with Encoding → UTF-8), or convert it with iconv -f ${encoding.replace("utf", "utf-")} -t utf-8.`);
    expect(run.stdout).not.toContain("binary");
  });

  it("says a file holds one YAML document when a second one follows ---", () => {
    const root = workspace({ "segments/usage/heavy.yaml": `${BASE_SEGMENT}---\nid: light\n` });
    const run = runSeg(["check", "--no-data"], { cwd: root });
    noCrash(run.stderr);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("9:1  error    A second YAML document starts here (after ---); a Seg file holds exactly one document.  yaml/syntax");
    expect(run.stdout).not.toContain("parseAllDocuments");
  });

  it("refuses YAML nested 250,000 levels with a nesting limit at the position", () => {
    const root = workspace({ "segments/usage/heavy.yaml": `id: heavy\nname: ${"[".repeat(250_000)}\n` });
    const run = runSeg(["check", "--no-data"], { cwd: root });
    noCrash(run.stderr);
    expect(run.status).toBe(1);
    // The 65th '[' of line 2 ("name: " is six characters): column 71.
    expect(run.stdout).toContain("2:71  error    The YAML nests more than 64 levels deep here; Seg reads files nested at most 64 levels.  yaml/nesting-limit");
  });

  it.each([
    ["active_days_90d >= 40 -- regulars", 23, /'--' starts a SQL comment, and SQL comments are not part of the expression language/],
    ["active_days_90d >= 40 /* regulars */", 23, /'\/\* \*\/' is a SQL comment, and SQL comments are not part of the expression language/],
    ["active_days_90d::integer >= 40", 16, /'::' is a SQL cast, and casts are not part of the expression language/],
  ])("says SQL syntax in %j is not part of the expression language", (expression, offset, message) => {
    const root = workspace({ "segments/usage/heavy.yaml": BASE_SEGMENT.replace("where: active_days_90d >= 40", `where: "${expression}"`) });
    const run = runSeg(["check", "--no-data"], { cwd: root });
    noCrash(run.stderr);
    expect(run.status).toBe(1);
    // The where value starts at column 10 of line 7, after its opening quote.
    expect(run.stdout).toContain(`7:${10 + offset}  error`);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).not.toContain("Expected a value after");
  });

  it("names the file when a write fails (a full disk)", () => {
    const root = workspace();
    const run = runSeg(["check", "--no-data", "--output", "/dev/full"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("seg check: could not write /dev/full: the disk is full (ENOSPC).\n");
  });

  it("names the file when the output is a folder", () => {
    const root = workspace();
    const run = runSeg(["check", "--no-data", "--output", "segments"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^seg check: .*segments is a folder, not a file; Seg will not replace it\./);
  });

  it("ends quietly with its own exit code when the reader closes standard output", async () => {
    const root = workspace();
    const cacheDir = mkdtempSync(join(tmpdir(), "seg-cache-"));
    cleanups.push(() => rmSync(cacheDir, { recursive: true, force: true }));
    // Like `seg check --format sarif | head -c 1`: the pipe closes before seg writes.
    const child = spawn(process.execPath, [SEG_BIN, "check", "--format", "sarif"], { cwd: root, env: { ...process.env, NO_COLOR: "1", SEG_CACHE_DIR: cacheDir }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const status = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event|^\s+at /m);
    // The base workspace has no lock: an error finding, so exit 1, as with an open pipe.
    expect(status).toBe(1);
  });
});
