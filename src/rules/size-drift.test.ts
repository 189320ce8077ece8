import { ruleTester } from "../../test/support/rule-tester.ts";
import type { ExampleData } from "./example-data.ts";
import { sizeDrift } from "./size-drift.ts";

const heavy = (statedShare: string) =>
  `id: heavy\nname: Heavy users\nsummary: Accounts active on most days.\nstatus: active\napproach: behavioral\ndefinition:\n  where: active_days_90d >= 40\nstated_share: ${statedShare}\n`;
const FILE = "segments/usage/heavy.yaml";
const measured = (heavyCount: number, lock?: ExampleData["lock"]): ExampleData => ({
  schemes: { usage: { population: 1000, segments: { heavy: { count: heavyCount }, light: { count: 1000 - heavyCount } } } },
  ...(lock ? { lock } : {}),
});

ruleTester.run(sizeDrift, {
  valid: [
    { name: "no data: nothing to compare", files: { [FILE]: heavy("40%") } },
    { name: "measured within 5 points of the stated share", files: { [FILE]: heavy("15%") }, data: measured(190) },
    { name: "exactly at the tolerance", files: { [FILE]: heavy("0.15") }, data: measured(200) },
    { name: "a wider tolerance by option", files: { [FILE]: heavy("15%") }, data: measured(250), options: { tolerance: 0.1 } },
    { name: "a wider tolerance in thresholds", files: { [FILE]: heavy("15%"), "segmentation.yaml": "thresholds:\n  stated_share_tolerance: 0.12\n" }, data: measured(250) },
    { name: "close to the lock's share", data: measured(150, { shares: { "usage/heavy": 0.17 } }) },
    { name: "an unmeasured scheme", files: { [FILE]: heavy("15%") }, data: { schemes: {} } },
  ],
  invalid: [
    {
      name: "measured 10 points below the stated share",
      files: { [FILE]: heavy("25%") },
      data: measured(150),
      errors: [
        {
          messageId: "stated",
          file: FILE,
          line: 8,
          column: 15,
          message: "Heavy users is stated as 25.0% of the members but measures 15.0% (150 of 1000); the gap of 10.0 points exceeds the tolerance of 5.0 points.",
        },
      ],
    },
    {
      name: "a segment with no members at all",
      files: { [FILE]: heavy("10%") },
      data: { schemes: { usage: { population: 1000, segments: { light: { count: 1000 } } } } },
      errors: [{ messageId: "stated", file: FILE, line: 8, column: 15, data: { measured: "0.0%", count: 0 } }],
    },
    {
      name: "moved since the lock",
      data: measured(150, { shares: { "usage/heavy": 0.3, "usage/light": 0.7 } }),
      errors: [
        { messageId: "locked", file: FILE, line: 6, column: 1, data: { measured: "15.0%", locked: "30.0%", gap: "15.0 points" } },
        { messageId: "locked", file: "segments/usage/light.yaml", line: 6, column: 1, data: { measured: "85.0%", locked: "70.0%" } },
      ],
    },
    {
      name: "a tighter lock tolerance by option",
      data: measured(150, { shares: { "usage/heavy": 0.17 } }),
      options: { lockTolerance: 0.01 },
      errors: [{ messageId: "locked", file: FILE, line: 6, column: 1, data: { gap: "2.0 points", tolerance: "1.0 points" } }],
    },
  ],
});
