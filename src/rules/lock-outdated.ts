import { z } from "zod";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";

export const lockOutdated = defineRule({
  id: "lock-outdated",
  description: "The lock file (segments.lock.json) matches what the definitions, weights and data produce today",
  defaultSeverity: "error",
  options: z.strictObject({}),
  messages: {
    missing: "There is no segments.lock.json, so reviewers cannot see what these definitions produce.",
    invalid: "segments.lock.json is {problem}.",
    changed: "segments.lock.json is out of date: {change}.",
  },
  hint: "Run seg lock and commit segments.lock.json with your change.",
  // A baseline would hide the next stale lock too: the lock is what reviewers read.
  suppressible: false,
  docs: {
    rationale:
      "The lock records the sizes, shares, clusters and ranks the definitions produce on the data. When a definition, a weight or a data file changes without a new lock, the numbers people read in the playbook and in pull requests no longer describe reality.",
    bad: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample("", "active_days_90d >= 30"),
      },
    ],
    good: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample("", "active_days_90d >= 30"),
      },
    ],
    data: { bad: { lock: { changed: ["usage/heavy"] } }, good: { lock: "fresh" } },
  },
  check(context) {
    const data = context.facts.data;
    const config = context.workspace.config;
    if (!data || !config) return;
    if (data.lock.status === "missing") {
      context.report({ messageId: "missing", document: config, path: [], data: {} });
      return;
    }
    if (data.lock.status === "invalid") {
      context.report({ messageId: "invalid", document: config, path: [], data: { problem: data.lock.message } });
      return;
    }
    for (const change of data.lock.changes) {
      const target = change.target;
      if (target && "segment" in target) {
        const segment = context.segmentsOf().find((s) => `${s.scheme}/${s.value.id}` === target.segment);
        if (segment) {
          context.report({ messageId: "changed", document: segment, path: ["definition"], data: { change: change.message } });
          continue;
        }
      }
      context.report({ messageId: "changed", document: config, path: target && "configPath" in target ? target.configPath : [], data: { change: change.message } });
    }
  },
});
