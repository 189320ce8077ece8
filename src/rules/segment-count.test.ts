import { ruleTester } from "../../test/support/rule-tester.ts";
import { segmentCount } from "./segment-count.ts";

const segment = (id: string, status = "active") =>
  `id: ${id}\nname: Segment ${id}\nsummary: A usage band.\nstatus: ${status}\napproach: behavioral\ndefinition:\n  where: active_days_90d >= 1\n`;
const usage = (ids: string[], status = "active") => Object.fromEntries(ids.map((id) => [`segments/usage/${id}.yaml`, segment(id, status)]));

ruleTester.run(segmentCount, {
  valid: [
    { name: "two segments per scheme" },
    { name: "six segments, the default limit", files: usage(["a", "b", "c", "d"]) },
    { name: "retired and deprioritized segments do not count", files: { ...usage(["a", "b"]), ...usage(["c", "d", "e"], "retired"), ...usage(["f"], "deprioritized") } },
  ],
  invalid: [
    {
      name: "seven active segments",
      files: usage(["a", "b", "c", "d", "e"]),
      errors: [{ messageId: "tooMany", file: "segmentation.yaml", line: 40, column: 3, data: { scheme: "usage", count: 7, max: 6, segments: "a, b, c, d, e, heavy, light" } }],
    },
    {
      name: "proposed segments count",
      files: usage(["a", "b", "c", "d", "e"], "proposed"),
      errors: [{ messageId: "tooMany", file: "segmentation.yaml", line: 40, column: 3, data: { count: 7 } }],
    },
    {
      name: "a lower limit set by option",
      options: { max: 1 },
      errors: [
        { messageId: "tooMany", file: "segmentation.yaml", line: 40, column: 3, data: { scheme: "usage", count: 2, max: 1 } },
        { messageId: "tooMany", file: "segmentation.yaml", line: 42, column: 3, data: { scheme: "market", count: 2, max: 1 } },
      ],
    },
  ],
});
