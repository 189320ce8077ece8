import { describe, expect, it } from "vitest";
import { mergePackageJson } from "./merge-package-json.ts";

const template = { scripts: { check: "seg check", build: "seg build" }, devDependencies: { seg: "^0.1.0" } };

describe("mergePackageJson", () => {
  it("adds missing scripts and seg, keeps key order, indentation and line endings", () => {
    const merged = mergePackageJson('{\r\n\t"name": "x",\r\n\t"devDependencies": {\r\n\t\t"vitest": "^3"\r\n\t}\r\n}\r\n', template);
    expect(merged).toEqual({
      ok: true,
      changed: true,
      added: ["script check", "script build", "devDependency seg ^0.1.0"],
      keptScripts: {},
      text: '{\r\n\t"name": "x",\r\n\t"devDependencies": {\r\n\t\t"vitest": "^3",\r\n\t\t"seg": "^0.1.0"\r\n\t},\r\n\t"scripts": {\r\n\t\t"check": "seg check",\r\n\t\t"build": "seg build"\r\n\t}\r\n}\r\n',
    });
  });

  it("keeps every existing seg spec and script, and changes nothing when all is there", () => {
    for (const [field, spec] of [["dependencies", "file:vendor/seg-0.1.0.tgz"], ["devDependencies", "git+https://example.com/seg.git"], ["optionalDependencies", "0.0.9"]] as const) {
      const text = JSON.stringify({ scripts: { check: "seg check --max-warnings 0", build: "seg build" }, [field]: { seg: spec } }, null, 2);
      expect(mergePackageJson(text, template)).toEqual({ ok: true, changed: false, added: [], keptScripts: { check: "seg check --max-warnings 0" }, text });
    }
  });

  it("refuses what it cannot merge into", () => {
    expect(mergePackageJson("{ nope", template)).toMatchObject({ ok: false, message: expect.stringMatching(/^it is not valid JSON/) });
    expect(mergePackageJson("[]", template)).toEqual({ ok: false, message: "it does not hold a JSON object" });
    expect(mergePackageJson('{ "scripts": "x" }', template)).toEqual({ ok: false, message: 'its "scripts" is not an object' });
  });
});
