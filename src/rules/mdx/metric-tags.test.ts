import { describe, expect, it } from "vitest";
import { findMetricTags } from "./metric-tags.ts";

describe("findMetricTags", () => {
  it("reads quoted attributes and the tag's offsets", () => {
    const text = 'About <Metric segment="power-users" metric="share" expected="15%" tolerance=\'2pt\' /> of accounts.';
    const [tag] = findMetricTags(text);
    expect(tag).toEqual({ start: 6, end: 84, attributes: { segment: "power-users", metric: "share", expected: "15%", tolerance: "2pt" }, expressions: [] });
    expect(text.slice(tag!.start, tag!.end)).toMatch(/^<Metric .*\/>$/);
  });

  it("accepts string literals in braces but never evaluates expressions", () => {
    const [tag] = findMetricTags('<Metric segment={"smb"} metric="count" expected={fetch("x")} />');
    expect(tag?.attributes).toEqual({ segment: "smb", metric: "count" });
    expect(tag?.expressions).toEqual(["expected"]);
  });

  it("finds several tags, across lines", () => {
    const tags = findMetricTags('One <Metric segment="a" metric="share" expected="1%"/>,\nand <Metric\n  segment="b"\n  metric="count"\n  expected="12"\n/>.');
    expect(tags.map((t) => t.attributes.segment)).toEqual(["a", "b"]);
  });

  it("skips code blocks and code spans", () => {
    const text = 'Use `<Metric segment="x" />` in prose.\n\n```mdx\n<Metric segment="y" />\n```\n\n<Metric segment="z" />\n';
    expect(findMetricTags(text).map((t) => t.attributes.segment)).toEqual(["z"]);
  });

  it("ignores other components and look-alikes", () => {
    expect(findMetricTags('<Metrics segment="a" /> <MetricCard /> <metric segment="b" />')).toEqual([]);
  });
});
