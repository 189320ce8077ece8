import { ruleTester } from "../../test/support/rule-tester.ts";
import { proliferation } from "./proliferation.ts";

const usage = (id: string, status: string, where = "active_days_90d >= 30") =>
  `id: ${id}\nname: Segment ${id}\nsummary: A usage band.\nstatus: ${status}\napproach: behavioral\ndefinition:\n  where: ${where}\n`;
const OVERLAPPING = "schemes:\n  usage: { label: Usage, exclusive: false }\n  market: { label: Market }\n";
const overlap = (shared: number) => ({
  schemes: { usage: { population: 1000, segments: { heavy: { count: 200 }, light: { count: 700 } }, unassigned: 200, overlap: { "heavy|light": shared } } },
});

ruleTester.run(proliferation, {
  valid: [
    { name: "the default workspace, unchanged since the lock", data: { lock: "fresh" } },
    { name: "a proposal that replaces a retired segment", files: { "segments/usage/weekend.yaml": usage("weekend", "proposed"), "segments/usage/light.yaml": usage("light", "retired") } },
    { name: "a proposal allowed by option", files: { "segments/usage/weekend.yaml": usage("weekend", "proposed") }, options: { maxNetGrowth: 1 } },
    {
      name: "a new segment replacing one retired since the lock",
      files: { "segments/usage/weekend.yaml": usage("weekend", "active"), "segments/usage/light.yaml": usage("light", "retired", "active_days_90d < 40") },
      data: { lock: { segments: ["usage/heavy", "usage/light", "market/startups", "market/companies", "market/free"], changed: ["usage/light"] } },
    },
    {
      name: "a new segment replacing one removed since the lock",
      files: { "segments/usage/weekend.yaml": usage("weekend", "active") },
      data: { lock: { segments: ["usage/heavy", "usage/light", "usage/gone", "market/startups", "market/companies", "market/free"] } },
    },
    { name: "a small overlap", files: { "segmentation.yaml": OVERLAPPING }, data: overlap(100) },
    { name: "a larger overlap allowed by option", files: { "segmentation.yaml": OVERLAPPING }, data: overlap(180), options: { maxOverlap: 0.95 } },
    { name: "overlap is not read for exclusive schemes", data: overlap(180) },
  ],
  invalid: [
    {
      name: "a proposal while nothing is retired",
      files: { "segments/usage/weekend.yaml": usage("weekend", "proposed") },
      errors: [{ messageId: "proposedWithoutRetiring", file: "segments/usage/weekend.yaml", line: 4, column: 9, data: { scheme: "usage", added: 1, retired: 0 } }],
    },
    {
      name: "two segments added since the lock, one removed",
      files: { "segments/usage/weekend.yaml": usage("weekend", "active"), "segments/usage/nightly.yaml": usage("nightly", "proposed") },
      data: { lock: { segments: ["usage/heavy", "usage/light", "usage/gone", "market/startups", "market/companies", "market/free"] } },
      errors: [
        { messageId: "addedSinceLock", file: "segments/usage/nightly.yaml", line: 4, column: 9, data: { added: 2, retired: 1 } },
        {
          messageId: "addedSinceLock",
          file: "segments/usage/weekend.yaml",
          line: 4,
          column: 9,
          message: "Segment weekend is new since the lock, and the usage scheme gained 2 segments while retiring or deprioritizing 1.",
        },
      ],
    },
    {
      name: "a segment retired before the lock does not pay for a new one",
      files: { "segments/usage/weekend.yaml": usage("weekend", "active"), "segments/usage/old.yaml": usage("old", "retired") },
      data: { lock: { segments: ["usage/heavy", "usage/light", "usage/old", "market/startups", "market/companies", "market/free"] } },
      errors: [{ messageId: "addedSinceLock", file: "segments/usage/weekend.yaml", line: 4, column: 9, data: { retired: 0 } }],
    },
    {
      name: "most of the smaller segment is also in the other",
      files: { "segmentation.yaml": OVERLAPPING },
      data: overlap(180),
      errors: [
        {
          messageId: "overlap",
          file: "segments/usage/heavy.yaml",
          line: 6,
          column: 1,
          message: "Heavy users shares 180 of its 200 members (90.0%) with Light users, more than 50.0%: they describe largely the same customers.",
        },
      ],
    },
  ],
});
