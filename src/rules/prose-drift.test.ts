import { PERSONA_FILE, personaFile } from "../../test/support/persona-file.ts";
import { ruleTester } from "../../test/support/rule-tester.ts";
import type { ExampleData } from "./example-data.ts";
import { proseDrift } from "./prose-drift.ts";

const persona = (body: string) => personaFile(body);
const FILE = PERSONA_FILE;
const usage = (heavy: number, extra: Partial<{ value: number; valueShare: number; metrics: Record<string, number> }> = {}): ExampleData => ({
  schemes: { usage: { population: 1000, segments: { heavy: { count: heavy, ...extra }, light: { count: 1000 - heavy } } } },
});
const tag = (attributes: string) => persona(`Teams like hers are <Metric ${attributes} /> of our accounts.`);
const METRICS = "metrics:\n  churn_rate: { label: Churn rate, feature: active_days_90d, aggregate: share }\n  days: { label: Active days, feature: active_days_90d }\n";

ruleTester.run(proseDrift, {
  valid: [
    { name: "a share that rounds to what is written", files: { [FILE]: tag('segment="heavy" metric="share" expected="15%"') }, data: usage(154) },
    { name: "a share within a tolerance in points", files: { [FILE]: tag('segment="heavy" metric="share" expected="15%" tolerance="2pt"') }, data: usage(169) },
    { name: "a count within a relative tolerance", files: { [FILE]: tag('segment="usage/heavy" metric="count" expected="1,000" tolerance="10%"') }, data: usage(950) },
    { name: "a value share written as a fraction", files: { [FILE]: tag('segment="heavy" metric="value_share" expected="0.4"') }, data: usage(150, { valueShare: 0.41 }) },
    { name: "a declared metric", files: { "segmentation.yaml": METRICS, [FILE]: tag('segment="heavy" metric="days" expected="42" tolerance="3"') }, data: usage(150, { metrics: { days: 44.5 } }) },
    { name: "no data: only the tag is checked", files: { [FILE]: tag('segment="heavy" metric="share" expected="99%"') } },
    { name: "a tag inside a code span is prose about the syntax", files: { [FILE]: persona('Write `<Metric segment="nope" />` to bind a number.') } },
    { name: "an unmeasured metric", files: { [FILE]: tag('segment="heavy" metric="value" expected="1M"') }, data: usage(150) },
    { name: "a tag without expected only shows the number", files: { [FILE]: tag('segment="heavy" metric="share"') }, data: usage(400) },
    { name: "a rank checked without data", files: { [FILE]: tag('segment="startups" metric="rank" expected="1"') } },
    {
      name: "the mean of a compared feature",
      files: { [FILE]: tag('segment="heavy" metric="active_days_90d" expected="52"') },
      data: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150, features: { active_days_90d: { mean: 52.3, sd: 4 } } }, light: { count: 850 } } } } },
    },
  ],
  invalid: [
    {
      name: "a share that moved",
      files: { [FILE]: tag('segment="heavy" metric="share" expected="25%"') },
      data: usage(156),
      errors: [{ messageId: "drift", file: FILE, line: 11, column: 21, message: "The share of Heavy users is written as 25% but measures 15.6%, outside a tolerance of 0.5 points." }],
    },
    {
      name: "a tag spread over lines",
      files: { [FILE]: persona('About\n<Metric\n  segment="heavy"\n  metric="count"\n  expected="200"\n/>\naccounts.') },
      data: usage(156),
      errors: [{ messageId: "drift", file: FILE, line: 12, column: 1, data: { measured: "156", tolerance: "0.5" } }],
    },
    {
      name: "a declared share metric outside its tolerance",
      files: { "segmentation.yaml": METRICS, [FILE]: tag('segment="heavy" metric="churn_rate" expected="5%" tolerance="1pt"') },
      data: usage(150, { metrics: { churn_rate: 0.08 } }),
      errors: [{ messageId: "drift", file: FILE, line: 11, column: 21, data: { measured: "8.0%", tolerance: "1.0 points" } }],
    },
    {
      name: "a priority total that no longer matches the scores",
      files: { [FILE]: tag('segment="startups" metric="priority" expected="7.4"') },
      errors: [{ messageId: "drift", file: FILE, line: 11, column: 21, message: "The priority of Startups is written as 7.4 but measures 7.8, outside a tolerance of 0.05." }],
    },
    {
      name: "an expected value that is not a number",
      files: { [FILE]: tag('segment="heavy" metric="share" expected="about a sixth"') },
      errors: [{ messageId: "badTag", file: FILE, line: 11, column: 21 }],
    },
    {
      name: "a percentage for a count",
      files: { [FILE]: tag('segment="heavy" metric="count" expected="15%"') },
      errors: [{ messageId: "badTag", file: FILE, line: 11, column: 21, data: { problem: "writes a percentage for count, which is not a share" } }],
    },
  ],
});
