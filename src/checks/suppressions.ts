/** The suppressions baseline (seg-suppressions.json) is current (lint/suppressions.ts). */
import { defineCheck } from "./define-check.ts";

export const suppressionsExpired = defineCheck({
  id: "suppressions/expired",
  description: "Suppressions in seg-suppressions.json are within their expiry date",
  defaultSeverity: "warning",
  messages: { expired: "The suppression of {{rule}} in {{file}} expired on {{expires}}; its {{findings}} reported again." },
  hint: "Fix the findings, or extend expires with a reason why they are still accepted.",
});
export const suppressionsUnused = defineCheck({
  id: "suppressions/unused",
  description: "Suppressions in seg-suppressions.json match findings that still exist",
  defaultSeverity: "warning",
  messages: { unused: "seg-suppressions.json accepts {{count}} {{rule}} {{findingsWord}} in {{file}}, but there {{verb}} {{found}}." },
  hint: "Run seg check --prune-suppressions to lower the count or remove the entry.",
});
export const suppressionsNotAccepted = defineCheck({
  id: "suppressions/not-accepted",
  description: "Suppressions in seg-suppressions.json name rules whose findings may be accepted",
  defaultSeverity: "warning",
  messages: { notAccepted: "seg-suppressions.json cannot accept {{rule}} findings (in {{file}}): {{rule}} is not a rule whose findings may be accepted, so none are hidden." },
  hint: "Remove the entry and fix the findings (seg check --prune-suppressions removes it).",
});
