/**
 * Canaries for hostile-workspace tests: a folder outside the workspace that
 * holds a secret (whose text must never appear in any output) and receives
 * the marker files hostile code would write, so a test can assert that
 * nothing ran and nothing leaked.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

export interface Canary {
  /** The folder outside the workspace. */
  dir: string;
  /** Path of the secret file; its text is `secret`. */
  secretFile: string;
  secret: string;
  /** ES module code that writes a marker named `name` into the canary folder when it runs. */
  esm(name: string): string;
  /** The same as CommonJS. */
  cjs(name: string): string;
  /** Names of the markers written so far. */
  markers(): string[];
  /** Files under `dir` (recursively) whose content includes the secret. */
  filesWithSecret(dir: string): string[];
  remove(): void;
}

export function plantCanary(): Canary {
  const dir = mkdtempSync(join(tmpdir(), "seg-canary-"));
  const secret = `SEG-CANARY-SECRET-${Math.random().toString(36).slice(2)}`;
  const secretFile = join(dir, "secret.txt");
  writeFileSync(secretFile, `${secret}\n`);
  const marker = (name: string) => JSON.stringify(join(dir, `marker-${name}`));
  return {
    dir,
    secretFile,
    secret,
    esm: (name) => `import { writeFileSync } from "node:fs";\nwriteFileSync(${marker(name)}, "ran");\nexport default {};\n`,
    cjs: (name) => `require("node:fs").writeFileSync(${marker(name)}, "ran");\nmodule.exports = {};\n`,
    markers: () => readdirSync(dir).filter((f) => f.startsWith("marker-")).sort(),
    filesWithSecret: (root) =>
      readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => {
        const full = join(root, f);
        return statSync(full).isFile() && readFileSync(full).includes(secret);
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
