import { ruleTester } from "../../test/support/rule-tester.ts";
import { staleReview } from "./stale-review.ts";

const segment = (lastReviewed: string | undefined, status = "active") =>
  `id: heavy\nname: Heavy users\nsummary: Accounts active on most days.\nstatus: ${status}\napproach: behavioral\ndefinition:\n  where: active_days_90d >= 40\n${lastReviewed ? `last_reviewed: ${lastReviewed}\n` : ""}`;
const persona = (lastReviewed: string) => `---
id: hands-on-hana
name: Hands-on Hana
kind: enterprise
segments: [heavy]
context: A team that runs on the product.
goals: [Ship faster]
frustrations: [Rate limits]
last_reviewed: ${lastReviewed}
---

Body.
`;
const SEGMENT = "segments/usage/heavy.yaml";

ruleTester.run(staleReview, {
  valid: [
    { name: "reviewed within the default 90 days", files: { [SEGMENT]: segment("2026-08-03") } },
    { name: "reviewed exactly 90 days ago", files: { [SEGMENT]: segment("2026-08-03") }, asOf: "2026-11-01" },
    { name: "a retired segment is not reviewed any more", files: { [SEGMENT]: segment("2024-01-01", "retired") } },
    { name: "a longer cadence set by option", files: { [SEGMENT]: segment("2026-05-01") }, options: { days: 200 } },
    { name: "a longer cadence set in segmentation.yaml", files: { [SEGMENT]: segment("2026-05-01"), "segmentation.yaml": "review:\n  cadence_days: 200\n" } },
    { name: "a missing date accepted by option", files: { [SEGMENT]: segment(undefined) }, options: { requireDate: false } },
    { name: "a later as_of does not age a review: only today's date does", files: { [SEGMENT]: segment("2026-08-03") }, asOf: "2027-06-01", today: "2026-11-01" },
    { name: "a persona reviewed last month", files: { "personas/hands-on-hana.mdx": persona("2026-10-01") } },
  ],
  invalid: [
    {
      name: "a segment reviewed 91 days ago",
      files: { [SEGMENT]: segment("2026-08-02") },
      errors: [{ messageId: "overdue", file: SEGMENT, line: 8, column: 16, data: { age: 91, days: 90 } }],
    },
    {
      name: "a segment overdue by today's date while as_of stays pinned",
      files: { [SEGMENT]: segment("2026-06-01") },
      today: "2026-12-20",
      errors: [{ messageId: "overdue", file: SEGMENT, line: 8, column: 16, message: "Heavy users was last reviewed on 2026-06-01, 202 days before today (2026-12-20); the review cadence is 90 days." }],
    },
    {
      name: "a segment that was never reviewed",
      files: { [SEGMENT]: segment(undefined) },
      errors: [{ messageId: "neverReviewed", file: SEGMENT, line: 1, column: 5 }],
    },
    {
      name: "a stale persona",
      files: { "personas/hands-on-hana.mdx": persona("2025-11-01") },
      errors: [{ messageId: "overdue", file: "personas/hands-on-hana.mdx", line: 9, column: 16, data: { age: 365 } }],
    },
    {
      name: "a shorter cadence set by option",
      files: { [SEGMENT]: segment("2026-09-01") },
      options: { days: 45 },
      errors: [{ messageId: "overdue", file: SEGMENT, line: 8, column: 16, data: { age: 61, days: 45 } }],
    },
  ],
});
