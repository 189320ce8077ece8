import { ruleTester } from "../../test/support/rule-tester.ts";
import { valueLabelMismatch } from "./value-label-mismatch.ts";
import { heavyUsersExample } from "./example-segment.ts";

/** segments/usage/heavy.yaml with value labels: ltv at 9:8, support_cost at 10:17. */
const heavy = (ltv: string, supportCost: string) => heavyUsersExample(`value:
  ltv: ${ltv}
  support_cost: ${supportCost}
`);
const measured = (ltvRank: number, ticketRank: number) => ({
  valueLabels: {
    ltv: { measure: "monetary", median: 2544, segments: { "usage/heavy": { rank: ltvRank, median: 7967 } } },
    support_cost: { measure: "support tickets", median: 2, segments: { "usage/heavy": { rank: ticketRank, median: 6 } } },
  },
});

ruleTester.run(valueLabelMismatch, {
  valid: [
    { name: "labels that agree with the data", files: { "segments/usage/heavy.yaml": heavy("high", "high") }, data: measured(0.686, 0.756) },
    { name: "medium between the bands", files: { "segments/usage/heavy.yaml": heavy("medium", "medium") }, data: measured(0.4, 0.599) },
    { name: "low just below the band", files: { "segments/usage/heavy.yaml": heavy("low", "low") }, data: measured(0.399, 0.2) },
    { name: "no data", files: { "segments/usage/heavy.yaml": heavy("high", "low") } },
    { name: "no tickets source: support_cost is not measured", files: { "segments/usage/heavy.yaml": heavy("high", "low") }, data: { valueLabels: { ltv: measured(0.7, 0).valueLabels.ltv } } },
    { name: "a segment nobody falls in is not compared", files: { "segments/usage/heavy.yaml": heavy("high", "low") }, data: { valueLabels: { ltv: { measure: "monetary", median: 10, segments: {} } } } },
    { name: "retired segments are not compared", files: { "segments/usage/heavy.yaml": heavy("high", "low").replace("status: active", "status: retired") }, data: measured(0.1, 0.9) },
    { name: "wider bands by option", files: { "segments/usage/heavy.yaml": heavy("medium", "medium") }, options: { high: 0.75, low: 0.25 }, data: measured(0.686, 0.3) },
  ],
  invalid: [
    {
      name: "a deliberately wrong label: support_cost low for a segment that opens more tickets than most",
      files: { "segments/usage/heavy.yaml": heavy("high", "low") },
      data: measured(0.686, 0.756),
      errors: [
        {
          messageId: "mismatch",
          file: "segments/usage/heavy.yaml",
          line: 10,
          column: 17,
          severity: "warning",
          message:
            "Heavy users is labelled support_cost: low, but by support tickets it measures high: its members rank on average above 75.6% of all members (low is below 40.0%, high from 60.0%); its median support tickets is 6 against 2 for all members.",
        },
      ],
    },
    {
      name: "a rank just below an edge keeps the digit that shows it",
      files: { "segments/usage/heavy.yaml": heavy("medium", "high") },
      data: measured(0.39996, 0.75),
      errors: [{ messageId: "mismatch", file: "segments/usage/heavy.yaml", line: 9, column: 8, data: { measured: "low", rank: "39.99%", low: "40.0%" } }],
    },
    {
      name: "both labels wrong, figures with thousands separators",
      files: { "segments/usage/heavy.yaml": heavy("low", "medium") },
      data: {
        valueLabels: {
          ltv: { measure: "monetary", median: 2544, segments: { "usage/heavy": { rank: 0.942, median: 181947.6 } } },
          support_cost: { measure: "support tickets", median: 2, segments: { "usage/heavy": { rank: 0.338, median: 1 } } },
        },
      },
      errors: [
        { messageId: "mismatch", file: "segments/usage/heavy.yaml", line: 9, column: 8, data: { written: "low", measured: "high", rank: "94.2%", median: "181,947.6", populationMedian: "2,544" } },
        { messageId: "mismatch", file: "segments/usage/heavy.yaml", line: 10, column: 17, data: { written: "medium", measured: "low", rank: "33.8%" } },
      ],
    },
  ],
});
