import { ruleTester } from "../../test/support/rule-tester.ts";
import { staleData } from "./stale-data.ts";

ruleTester.run(staleData, {
  valid: [
    { name: "no data" },
    { name: "events from two days before as_of", data: { sources: { events: { newest: "2026-10-30" } } } },
    { name: "exactly 30 days old", data: { sources: { events: { newest: "2026-10-02" } } } },
    { name: "a source without timestamps", data: { sources: { events: { newest: null } } } },
    { name: "a longer limit by option", data: { sources: { events: { newest: "2026-08-14" } } }, options: { days: 90 } },
    { name: "a longer limit in segmentation.yaml", files: { "segmentation.yaml": "review:\n  freshness_days: 90\n" }, data: { sources: { events: { newest: "2026-08-14" } } } },
  ],
  invalid: [
    {
      name: "events 79 days old",
      data: { sources: { events: { newest: "2026-08-14" } } },
      errors: [
        {
          messageId: "stale",
          file: "segmentation.yaml",
          line: 24,
          column: 11,
          message: 'The newest row of source "events" is from 2026-08-14, 79 days before 2026-11-01; the freshness limit is 30 days.',
        },
      ],
    },
    {
      name: "stale relative to a later as-of date",
      asOf: "2026-12-15",
      data: { sources: { events: { newest: "2026-10-30" } } },
      errors: [{ messageId: "stale", file: "segmentation.yaml", line: 24, column: 11, data: { age: 46, asOf: "2026-12-15" } }],
    },
  ],
});
