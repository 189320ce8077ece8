import { CONFIG_HEAD, CONFIG_TAIL_SECTIONS } from "../../test/support/rule-test-workspace.ts";
import { ruleTester } from "../../test/support/rule-tester.ts";
import { staleData } from "./stale-data.ts";

/** The default segmentation.yaml with `freshness` on the events source (line 25). */
const eventsFreshness = (freshness: string) =>
  CONFIG_HEAD.replace("    timestamp: occurred_at\n", `    timestamp: occurred_at\n    freshness: ${freshness}\n`) + Object.values(CONFIG_TAIL_SECTIONS).join("");

const EVENTS_79_DAYS_OLD = { sources: { events: { newest: "2026-08-14" } } };

ruleTester.run(staleData, {
  valid: [
    { name: "no data" },
    { name: "events from two days before today", data: { sources: { events: { newest: "2026-10-30" } } } },
    { name: "exactly 30 days old", data: { sources: { events: { newest: "2026-10-02" } } } },
    { name: "a source without timestamps", data: { sources: { events: { newest: null } } } },
    { name: "a longer limit by option", data: EVENTS_79_DAYS_OLD, options: { days: 90 } },
    { name: "a longer limit in review.freshness_days", files: { "segmentation.yaml": "review:\n  freshness_days: 90\n" }, data: EVENTS_79_DAYS_OLD },
    { name: "a longer limit in review.freshness", files: { "segmentation.yaml": "review:\n  freshness: { warn_after_days: 90 }\n" }, data: EVENTS_79_DAYS_OLD },
    { name: "a longer limit on the source", files: { "segmentation.yaml": eventsFreshness("{ warn_after_days: 90 }") }, data: EVENTS_79_DAYS_OLD },
    {
      name: "old data that is fresh on the day it is analysed counts from today, not as_of",
      asOf: "2026-08-15",
      today: "2026-09-01",
      data: EVENTS_79_DAYS_OLD,
    },
  ],
  invalid: [
    {
      name: "events 79 days old",
      data: EVENTS_79_DAYS_OLD,
      errors: [
        {
          messageId: "stale",
          file: "segmentation.yaml",
          line: 24,
          column: 11,
          severity: "warning",
          message: 'The newest row of source "events" is from 2026-08-14, 79 days before today (2026-11-01); it should be at most 30 days old.',
        },
      ],
    },
    {
      name: "fresh relative to the pinned as_of, stale by today's date",
      today: "2026-12-07",
      data: { sources: { events: { newest: "2026-10-31" } } },
      errors: [{ messageId: "stale", file: "segmentation.yaml", line: 24, column: 11, data: { age: 37, today: "2026-12-07", days: 30 } }],
    },
    {
      name: "a shorter limit on the source",
      files: { "segmentation.yaml": eventsFreshness("{ warn_after_days: 7 }") },
      today: "2026-11-10",
      data: { sources: { events: { newest: "2026-10-31" } } },
      errors: [{ messageId: "stale", file: "segmentation.yaml", line: 24, column: 11, data: { age: 10, days: 7 } }],
    },
    {
      name: "past the source's error limit is an error",
      files: { "segmentation.yaml": eventsFreshness("{ warn_after_days: 7, error_after_days: 60 }") },
      data: EVENTS_79_DAYS_OLD,
      errors: [
        {
          messageId: "pastErrorLimit",
          file: "segmentation.yaml",
          line: 24,
          column: 11,
          severity: "error",
          message: 'The newest row of source "events" is from 2026-08-14, 79 days before today (2026-11-01), past its error limit of 60 days.',
        },
      ],
    },
    {
      name: "past the workspace's error limit is an error",
      files: { "segmentation.yaml": "review:\n  freshness: { warn_after_days: 14, error_after_days: 45 }\n" },
      data: EVENTS_79_DAYS_OLD,
      errors: [{ messageId: "pastErrorLimit", file: "segmentation.yaml", line: 24, column: 11, severity: "error", data: { age: 79, days: 45 } }],
    },
    {
      name: "between the warning and the error limit is a warning",
      files: { "segmentation.yaml": "review:\n  freshness: { warn_after_days: 14, error_after_days: 90 }\n" },
      data: EVENTS_79_DAYS_OLD,
      errors: [{ messageId: "stale", file: "segmentation.yaml", line: 24, column: 11, severity: "warning", data: { age: 79, days: 14 } }],
    },
  ],
});
