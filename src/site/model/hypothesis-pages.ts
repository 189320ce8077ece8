/** Page data for hypotheses: each statement with its test, the numbers and the verdict. */
import type { CheckResult } from "../../lint/check-result.ts";
import { indexSegments } from "../../workspace/segment-index.ts";
import { toFinding, type SiteFinding } from "./site-finding.ts";

export interface SiteHypothesis {
  id: string;
  file: string;
  statement: string;
  metric: string;
  segments: { id: string; name: string; url: string }[];
  kind: "difference-of-means" | "difference-of-proportions";
  alternative: "greater" | "less" | "two-sided";
  alpha: number;
  verdict: "supported" | "rejected" | "inconclusive" | "not-run";
  groups: { label: string; n: number; value: number | null }[];
  test: { statistic: number | null; df: number | null; p: number | null; effectSize: number | null; difference: number | null } | null;
  summary: string | null;
  rationale: string | null;
  owner: string | null;
  created: string | null;
  findings: SiteFinding[];
  chart: string | null;
}

export function buildHypotheses(result: CheckResult): SiteHypothesis[] {
  const index = indexSegments(result.workspace);
  const results = new Map((result.data?.engine.hypotheses ?? []).map((h) => [h.id, h]));
  const n = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
  return result.workspace.hypotheses.map((doc) => {
    const h = doc.value;
    const r = results.get(h.id);
    return {
      id: h.id,
      file: doc.file.path,
      statement: h.statement,
      metric: h.metric,
      segments: h.segments.flatMap((ref) => {
        const s = index.resolve(ref);
        return s ? [{ id: s.value.id, name: s.value.name, url: `/segments/${s.value.id}/` }] : [];
      }),
      kind: h.test.kind,
      alternative: h.test.alternative,
      alpha: h.test.alpha,
      verdict: r?.verdict ?? "not-run",
      groups: r?.groups.map((g) => ({ label: g.label, n: g.n, value: n(g.value) })) ?? [],
      test: r?.test ? { statistic: n(r.test.statistic), df: n(r.test.df), p: n(r.test.pValue), effectSize: n(r.test.effectSize), difference: n(r.test.difference) } : null,
      summary: r?.summary ?? null,
      rationale: h.rationale ?? null,
      owner: h.owner ?? null,
      created: h.created ?? null,
      findings: result.diagnostics.filter((d) => d.file === doc.file.path).map(toFinding),
      chart: null,
    };
  });
}
