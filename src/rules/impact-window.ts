import { z } from "zod";
import type { WindowProblem } from "../engine/impact/impact-windows.ts";
import { defineRule } from "./define-rule.ts";
import { impactExample } from "./facts/impact-example.ts";

const CONFIG = (launch: string) => `impact:\n  launch: ${launch}\n  window_days: 90\n`;
const PAST = impactExample({ values: [0, 0, 0, 0], p: 1, launch: "2026-09-15", problem: { source: "tickets", problem: "after-data", windowDay: "2026-12-13", limit: "2026-10-31" } });
const INSIDE = impactExample({ values: [0.4, 0.5, 0.4, 0.5], p: 0.5 });

const MESSAGES: Record<WindowProblem["problem"], string> = {
  "before-data": "starts on {windowDay}, before the first row of source \"{source}\" ({limit})",
  "after-data": "runs to {windowDay}, past the last row of source \"{source}\" ({limit})",
  "after-as-of": "runs to {windowDay}, past as_of ({limit})",
};

export const impactWindow = defineRule({
  id: "impact-window",
  description: "The windows before and after a launch date lie inside the data",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    outside: "The {days}-day {which} window around the launch on {launch} {where}, so the measures from it are not compared.",
  },
  hint: "Choose a launch date at least window_days after the data starts and before it ends, or shorten impact.window_days.",
  docs: {
    rationale:
      "A before/after comparison is fair only over two windows of equal length. A window that reaches past the last row of a source (or before its first) would hold fewer days of data than the other and make the change look larger or smaller than it is; Seg does not cut it short silently, it leaves those measures out and says so here.",
    bad: [{ file: "segmentation.yaml", text: CONFIG("2026-09-15") }],
    good: [{ file: "segmentation.yaml", text: CONFIG("2026-06-01") }],
    data: { bad: { impact: PAST }, good: { impact: INSIDE } },
  },
  check(context) {
    const impact = context.facts.data?.impact;
    const config = context.workspace.config;
    if (!impact || !config) return;
    for (const launch of impact.launches) {
      const seen = new Set<string>();
      const problems = launch.population.flatMap((p) => (p.problem ? [p.problem] : [])).filter((p) => !seen.has(p.source) && seen.add(p.source));
      if (problems.length === 0) continue;
      // Where the date was written: segmentation.yaml's impact.launch, and each segment that sets it itself.
      const places = [
        ...(config.value.impact?.launch === launch.windows.launch ? [{ document: config, path: ["impact", "launch"] }] : []),
        ...context.segmentsOf().filter((s) => s.value.launch === launch.windows.launch).map((s) => ({ document: s, path: ["launch"] })),
      ];
      for (const place of places) {
        for (const problem of problems) {
          const data = {
            days: impact.windowDays,
            which: problem.problem === "before-data" ? "before" : "after",
            launch: launch.windows.launch,
            where: MESSAGES[problem.problem].replace("{windowDay}", problem.windowDay).replace("{source}", problem.source).replace("{limit}", problem.limit ?? "no rows"),
            source: problem.source,
          };
          context.report({ messageId: "outside", document: place.document, path: place.path, data });
        }
      }
    }
  },
});
