import { ruleTester } from "../../test/support/rule-tester.ts";
import { lockOutdated } from "./lock-outdated.ts";

const USAGE = { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } };

ruleTester.run(lockOutdated, {
  valid: [
    { name: "no data: the lock is not compared" },
    { name: "the lock matches the recompute", data: { ...USAGE, lock: "fresh" } },
  ],
  invalid: [
    {
      name: "no lock file",
      data: { lock: "missing" },
      errors: [{ messageId: "missing", file: "segmentation.yaml", line: 1, column: 1 }],
    },
    {
      name: "an unreadable lock file",
      data: { lock: { invalid: "not valid JSON" } },
      errors: [{ messageId: "invalid", file: "segmentation.yaml", line: 1, column: 1, message: "segments.lock.json is not valid JSON." }],
    },
    {
      name: "a definition changed since the lock",
      data: { ...USAGE, lock: { changed: ["usage/heavy"] } },
      errors: [{ messageId: "changed", file: "segments/usage/heavy.yaml", line: 6, column: 1, message: "segments.lock.json is out of date: segment usage/heavy changed (definition, order, status or scores)." }],
    },
    {
      name: "a count changed since the lock",
      data: { ...USAGE, lock: { shares: { "usage/heavy": 0.2 } } },
      // The wording comes from src/lock/compare-lock.ts.
      errors: [{ messageId: "changed", file: "segments/usage/heavy.yaml", line: 6, column: 1 }],
    },
    {
      name: "a segment added since the lock",
      data: { ...USAGE, lock: { segments: ["usage/heavy", "market/startups", "market/companies", "market/free"] } },
      errors: [{ messageId: "changed", file: "segments/usage/light.yaml", line: 6, column: 1, data: { change: "segment usage/light is new" } }],
    },
  ],
});
