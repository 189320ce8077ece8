import { ruleTester } from "../../test/support/rule-tester.ts";
import { phaseOrder } from "./phase-order.ts";

const market = (id: string, scores: string, phase?: string, status = "active") =>
  `id: ${id}\nname: Segment ${id}\nsummary: A market segment.\nstatus: ${status}\napproach: firmographic\ndefinition:\n  where: employees >= 1\nscores: ${scores}\n${phase ? `phase: ${phase}\n` : ""}`;
const file = (id: string) => `segments/market/${id}.yaml`;
const WITH_EASE = "prioritization:\n  schemes: [market]\n  factors:\n    size: { label: Size, weight: 60, lens: demand }\n    ease: { label: Ease, weight: 40, lens: competition }\n";

ruleTester.run(phaseOrder, {
  valid: [
    { name: "the top segment is the beachhead, the next adjacent" },
    { name: "no prioritization phases at all", files: { [file("startups")]: market("startups", "{ size: 7, fit: 9 }"), [file("companies")]: market("companies", "{ size: 6, fit: 6 }") } },
    {
      name: "a beachhead ranked second of four is in the top half",
      files: { [file("startups")]: market("startups", "{ size: 7, fit: 9 }", "adjacent"), [file("companies")]: market("companies", "{ size: 6, fit: 6 }", "beachhead"), [file("more")]: market("more", "{ size: 2, fit: 2 }") },
    },
    {
      name: "a top segment in coverage because it is hard to acquire",
      files: {
        "segmentation.yaml": WITH_EASE,
        [file("startups")]: market("startups", "{ size: 6, ease: 9 }", "beachhead"),
        [file("companies")]: market("companies", "{ size: 10, ease: 4 }", "coverage"),
        [file("free")]: market("free", "{ size: 2, ease: 2 }", undefined, "deprioritized"),
      },
    },
    {
      name: "a top segment in coverage allowed by option",
      files: { [file("startups")]: market("startups", "{ size: 7, fit: 9 }", "coverage"), [file("companies")]: market("companies", "{ size: 6, fit: 6 }", "beachhead") },
      options: { allowCoverage: ["startups"] },
    },
  ],
  invalid: [
    {
      name: "the beachhead ranks in the bottom half",
      files: { [file("startups")]: market("startups", "{ size: 7, fit: 9 }", "adjacent"), [file("companies")]: market("companies", "{ size: 2, fit: 3 }", "beachhead") },
      errors: [
        {
          messageId: "beachheadLow",
          file: file("companies"),
          line: 9,
          column: 8,
          message: "Segment companies is the beachhead but ranks 3 of 3 in the market scheme; a beachhead should rank 2 or better.",
        },
      ],
    },
    {
      name: "two beachheads",
      files: { [file("companies")]: market("companies", "{ size: 6, fit: 6 }", "beachhead") },
      errors: [
        { messageId: "tooManyBeachheads", file: file("companies"), line: 9, column: 8, data: { count: 2, segments: "companies, startups" } },
        { messageId: "tooManyBeachheads", file: "segments/market/startups.yaml", line: 18, column: 8, data: { count: 2 } },
      ],
    },
    {
      name: "the top segment left for coverage without a reason",
      files: { [file("startups")]: market("startups", "{ size: 7, fit: 9 }", "coverage"), [file("companies")]: market("companies", "{ size: 6, fit: 6 }", "beachhead") },
      errors: [{ messageId: "coverageTop", file: file("startups"), line: 9, column: 8, data: { ease: "not scored", hardToAcquire: 5 } }],
    },
    {
      name: "a top segment in coverage that is easy to acquire",
      files: {
        "segmentation.yaml": WITH_EASE,
        [file("startups")]: market("startups", "{ size: 6, ease: 4 }", "beachhead"),
        [file("companies")]: market("companies", "{ size: 10, ease: 8 }", "coverage"),
        [file("free")]: market("free", "{ size: 2, ease: 2 }", undefined, "deprioritized"),
      },
      errors: [{ messageId: "coverageTop", file: file("companies"), line: 9, column: 8, data: { ease: "8" } }],
    },
    {
      name: "a deprioritized segment still in the plan",
      files: { [file("free")]: market("free", "{ size: 3, fit: 2 }", "coverage", "deprioritized") },
      errors: [{ messageId: "inactivePhase", file: file("free"), line: 9, column: 8, data: { status: "deprioritized", phase: "coverage" } }],
    },
  ],
});
