import { afterEach, describe, expect, it } from "vitest";
import { PERSONA_FILE, personaFile } from "../../test/support/persona-file.ts";
import { tempWorkspace } from "../../test/support/temp-workspace.ts";
import { checkDefinitions } from "../api/check.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const FILE = PERSONA_FILE;
const persona = (body: string) => personaFile(body);

function tagFindings(body: string) {
  const ws = tempWorkspace({ [FILE]: persona(body) });
  cleanups.push(ws.remove);
  return checkDefinitions({ root: ws.root, today: "2026-11-01" }).diagnostics.filter((d) => d.file === FILE);
}

describe("checkMetricTags", () => {
  it("accepts tags that name a segment and a number the playbook has", () => {
    expect(tagFindings('Hana is <Metric segment="heavy" metric="share" /> of accounts, <Metric segment="usage/heavy" metric="count" expected="20" /> of them, active <Metric segment="heavy" metric="active_days_90d" /> days.')).toEqual([]);
  });

  it("makes an unknown segment an error at the tag, with the likely name", () => {
    expect(tagFindings('Hana is <Metric segment="heavvy" metric="share" /> of accounts.')).toMatchObject([
      { ruleId: "unknown-reference", severity: "error", line: 11, column: 9, message: '<Metric> names the segment "heavvy", which does not exist.', hint: 'Did you mean "heavy"?' },
    ]);
  });

  it("makes an unknown metric an error, with the likely name", () => {
    const [finding, ...rest] = tagFindings('Hana is <Metric segment="heavy" metric="shar" /> of accounts.');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: "unknown-reference", severity: "error", line: 11, column: 9, message: '<Metric> asks for "shar", which is not a number the playbook has for a segment.' });
    expect(finding!.hint).toMatch(/^Did you mean "share"\? /);
  });

  it("reports both names of a tag that gets both wrong, and a tag missing one", () => {
    expect(tagFindings('<Metric segment="loyl" metric="shar" />\n\n<Metric segment="heavy" />').map((d) => [d.line, d.message])).toEqual([
      [11, '<Metric> names the segment "loyl", which does not exist.'],
      [11, '<Metric> asks for "shar", which is not a number the playbook has for a segment.'],
      [13, "<Metric> needs both segment and metric; it has no metric."],
    ]);
  });

  it("ignores tags inside code", () => {
    expect(tagFindings('Write `<Metric segment="nope" metric="share" />` to show a number.')).toEqual([]);
  });
});
