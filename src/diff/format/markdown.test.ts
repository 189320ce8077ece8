import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { DiffResult, DiffSide, SchemeDiff } from "../diff-result.ts";
import { EMPTY_MARKER, formatMarkdown, MARKER, MAX_COMMENT_BYTES } from "./markdown.ts";

const side = (label: string, commit: string | null): DiffSide => ({
  label,
  commit,
  exists: true,
  asOf: "2026-11-01",
  data: "head",
  recomputed: true,
  counts: { error: 1, warning: 0, info: 0 },
  blocking: [],
});

const figures = (count: number) => ({ count, share: count / 10_000, value: count * 10, valueShare: count / 10_000, total: 5, rank: 1 });

const FIELDS = Array.from({ length: 30 }, (_, f) => ({ path: `field_${f}`, before: "x >= 1 and ".repeat(300), after: "y" }));

/** A change as large as a pull request can make: many schemes, segments, movers, fields and findings. */
function hugeChange(schemes: number, segments: number): DiffResult {
  const ids = Array.from({ length: segments }, (_, i) => `segment-${i}`);
  const schemeDiffs: SchemeDiff[] = Array.from({ length: schemes }, (_, s) => ({
    scheme: `scheme-${s}`,
    label: `Scheme ${s} <b>bold</b>`,
    exclusive: true,
    population: { base: 10_000, head: 10_000 },
    segments: ids.map((id, i) => ({ segment: id, name: `Segment ${i} @everyone <script>alert(1)</script>`, base: figures(100 + i), head: figures(50 + 2 * i), delta: { count: i - 50, share: 0, value: 0, valueShare: 0, rank: 0 } })),
    migration: {
      exclusive: true,
      members: 10_000,
      moved: 9_000,
      added: 0,
      removed: 0,
      cells: ids.flatMap((from, i) => ids.slice(0, 40).map((to, j) => ({ from, to, count: 1000 - i - j }))),
      flows: ids.map((segment) => ({ segment, base: 100, head: 100, stayed: 10, entered: 90, left: 90 })),
    },
  }));
  const finding = (i: number): Diagnostic => ({ ruleId: "size-drift", severity: "error", message: `Segment ${i} measures ${i}% | against a stated 10%.`, file: `segments/scheme-0/segment-${i}.yaml`, line: 3, column: 1, endLine: 3, endColumn: 9 });
  return {
    base: side("main", "0123456789abcdef0123456789abcdef01234567"),
    head: side("working tree", null),
    data: "head",
    definitions: {
      segments: schemeDiffs.flatMap((s) =>
        ids.map((id) => ({
          kind: "changed" as const,
          file: `segments/${s.scheme}/${id}.yaml`,
          id,
          name: id,
          scheme: s.scheme,
          fields: FIELDS,
        })),
      ),
      config: Array.from({ length: 500 }, (_, i) => ({ path: `features.f${i}.window_days`, before: i, after: i + 1 })),
      personas: [],
      hypotheses: [],
    },
    schemes: schemeDiffs,
    clusters: null,
    findings: { added: Array.from({ length: 2000 }, (_, i) => finding(i)), fixed: Array.from({ length: 500 }, (_, i) => finding(i + 5000)) },
    changed: true,
  };
}

describe("formatMarkdown", () => {
  it.each([
    [1, 10],
    [4, 200],
    [30, 1000],
  ])("stays under the comment limit with %i schemes of %i segments", (schemes, segments) => {
    const text = formatMarkdown(hugeChange(schemes, segments));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_COMMENT_BYTES);
    expect(text.startsWith(`${MARKER}\n`)).toBe(true);
    expect(text.match(/<details/g)?.length ?? 0).toBe(text.match(/<\/details>/g)?.length ?? 0);
    expect(text).toMatch(/… [\d,]+ more/);
  });

  it("cuts tables with a count of what is left out", () => {
    const text = formatMarkdown(hugeChange(1, 200));
    const findings = text.slice(text.indexOf("**New findings**")).split("\n\n")[1]!;
    const shown = findings.split("\n").filter((line) => line.startsWith("| ❌")).length;
    expect(shown).toBeGreaterThan(0);
    expect(findings).toContain(`| … ${(2000 - shown).toLocaleString("en-US")} more |`);
  });

  it("escapes text from the workspace and defuses mentions", () => {
    const text = formatMarkdown(hugeChange(1, 3));
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;");
    expect(text).not.toMatch(/@everyone/);
    expect(text).toContain("Scheme 0 &lt;b&gt;bold&lt;/b&gt;");
    expect(text).toContain("measures 0% \\| against");
  });

  it("shows the matrix of a small scheme and the top movers", () => {
    const text = formatMarkdown(hugeChange(1, 3));
    expect(text).toContain("| base ↓ head → | <code>segment-0</code> | <code>segment-1</code> | <code>segment-2</code> |");
    expect(text).toContain("**Top movers**");
  });

  it("shows hypothesis verdicts the change moves", () => {
    const text = formatMarkdown({
      ...hugeChange(1, 3),
      hypotheses: [{ id: "monthly-churn-less", base: "inconclusive", head: "rejected", summary: "churned: Month to month 42.7% (n=3875) vs Committed 6.8% (n=3168); z = 34.00 → rejected at α = 0.05." }],
    });
    expect(text).toContain(
      "**Hypothesis verdicts**\n\n| Hypothesis | Base | Head | Numbers (head) |\n|---|---|---|---|\n| <code>monthly-churn-less</code> | inconclusive | rejected | churned: Month to month 42.7% (n=3875) vs Committed 6.8% (n=3168); z = 34.00 → rejected at α = 0.05. |",
    );
  });

  it("shows declared metrics over the whole population next to the segment figures", () => {
    const text = formatMarkdown({
      ...hugeChange(1, 3),
      population: [
        { name: "average_nps", label: "Average NPS", format: "number", base: 7.0176, head: 7.0176 },
        { name: "churn_rate", label: "Churn rate", format: "percent", base: 0.0603, head: 0.0712 },
        { name: "new_metric", label: "New <b>metric</b>", format: "number", base: null, head: 12.5 },
      ],
    });
    expect(text).toContain(
      "**Population** (declared metrics over everyone)\n\n| Metric | Base | Head |\n|---|---:|---:|\n| Average NPS <code>average\\_nps</code> | 7.02 | 7.02 |\n| Churn rate <code>churn\\_rate</code> | 6.0% | 7.1% (+1.1 pts) |\n| New &lt;b&gt;metric&lt;/b&gt; <code>new\\_metric</code> | — | 12.5 |",
    );
    // Right after the segment figures, before the findings.
    expect(text.indexOf("| Segment | Customers |")).toBeLessThan(text.indexOf("**Population**"));
    expect(text.indexOf("**Population**")).toBeLessThan(text.indexOf("**New findings**"));
  });

  it("marks a change with nothing to report so the workflow removes its comment", () => {
    const text = formatMarkdown({ ...hugeChange(1, 3), changed: false });
    expect(text).toBe(`${MARKER}\n${EMPTY_MARKER}\n### Seg diff: <code>main</code> (0123456) → working tree\n\nNo changes to segment definitions, sizes, memberships or findings.\n`);
  });
});
