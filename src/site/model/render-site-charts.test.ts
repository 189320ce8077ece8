import { describe, expect, it } from "vitest";
import { kElbowChart } from "../charts/k-elbow.ts";
import { renderChart } from "../charts/render-chart.ts";
import { ChartCache } from "./render-site-charts.ts";

const candidates = (inertia: number) => [2, 3, 4].map((k) => ({ k, inertia: inertia / k, silhouette: 0.3, chosen: k === 3 }));

describe("ChartCache", () => {
  it("renders a chart again only when its spec changed, and keeps only the last run's charts", async () => {
    const cache = new ChartCache();
    const first = await cache.render([kElbowChart(candidates(1000))]);
    const same = await cache.render([kElbowChart(candidates(1000))]);
    const elbow = kElbowChart(candidates(1000)).id;
    // The same object: taken from the last run, not drawn again.
    expect(same[elbow]).toBe(first[elbow]);
    const changed = await cache.render([kElbowChart(candidates(2000))]);
    expect(changed[elbow]).not.toBe(first[elbow]);
    expect(changed[elbow]).toEqual(await renderChart(kElbowChart(candidates(2000))));
    // The first spec was not used by the last run, so it is drawn again.
    expect((await cache.render([kElbowChart(candidates(1000))]))[elbow]).not.toBe(first[elbow]);
  });
});
