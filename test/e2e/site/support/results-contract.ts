/**
 * The contract between the engine and the playbook: every result DESIGN §7
 * names is on a page with its figure. The expected figures come from the
 * engine result the build ran on and from segments.lock.json parsed as plain
 * JSON — never from the page model — and are formatted here with Intl, so a
 * result that is computed but not shown (or shown wrong) fails.
 */
import { expect } from "vitest";
import { QUADRANT_LABELS, VERDICT_LABELS } from "../../../../src/site/model/labels.ts";
import { builtPage, figureText, sectionText, tableById, textOf } from "../../../support/built-html.ts";
import type { WorkspaceSite } from "./workspace-site.ts";

/** en-US with exactly `digits` decimals. */
export const fixed = (x: number, digits: number) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** en-US with at most `digits` decimals. */
const upTo = (x: number, digits: number) => x.toLocaleString("en-US", { maximumFractionDigits: digits });
const count = (n: number) => n.toLocaleString("en-US");
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function engineOf(site: WorkspaceSite) {
  const data = site.result.check.data;
  expect(data, "the build recomputed the data").toBeDefined();
  return data!;
}

/** k chosen, silhouette and inertia per k, sizes, profiles, members set aside, skewness, contingency and ARI. */
export function expectClustersPage(site: WorkspaceSite): void {
  const c = engineOf(site).engine.clustering;
  const lock = site.lockJson.clusters;
  expect(c, "the engine fitted clusters").toBeDefined();
  expect(lock, "the lock records clusters").not.toBeNull();
  const html = builtPage(site.outDir, "clusters");
  expect(textOf(html)).not.toContain("no clusters to show");

  // k chosen: the stat and the k table agree with the lock, and k has the highest silhouette.
  expect(figureText(html, "k")).toMatch(new RegExp(`^Clusters ${lock!.k} chosen from`));
  const best = c!.candidates.reduce((a, b) => ((b.silhouette ?? -Infinity) > (a.silhouette ?? -Infinity) ? b : a));
  expect(best.k).toBe(lock!.k);

  // Silhouette and inertia for every k tried.
  const kTable = tableById(html, "k-table");
  expect(kTable.rows.map((r) => r[0])).toEqual(c!.candidates.map((k) => String(k.k)));
  c!.candidates.forEach((k, i) => {
    const row = kTable.rows[i]!;
    expect(row[1], `inertia at k = ${k.k}`).toBe(fixed(k.inertia, 2));
    expect(row[2], `silhouette at k = ${k.k}`).toBe(k.silhouette === null ? "—" : fixed(k.silhouette, 3));
    expect(row[3]!.startsWith("chosen"), `k = ${k.k} marked chosen`).toBe(k.k === lock!.k);
  });

  // Sizes and profiles (centroids in original units), cluster by cluster from the lock.
  const profiles = tableById(html, "profiles-table");
  expect(profiles.head.slice(3)).toEqual(lock!.features);
  expect(profiles.rows).toHaveLength(lock!.k);
  lock!.centroids.forEach((cluster, i) => {
    const row = profiles.rows[i]!;
    expect(row[0]!.startsWith(cluster.name), `row ${i} is ${cluster.name}`).toBe(true);
    expect(row[1], `${cluster.name} size`).toBe(count(cluster.size));
    expect(row[2], `${cluster.name} share`).toBe(percent(cluster.share));
    lock!.features.forEach((feature, j) => expect(row[3 + j]!.split(" z ")[0], `${cluster.name} ${feature}`).toBe(upTo(cluster.centroid[feature]!, 1)));
  });
  expect(lock!.centroids.reduce((s, x) => s + x.size, 0)).toBe(c!.members - c!.incomplete);

  // Members set aside, with their reasons and counts.
  const setAside = tableById(html, "set-aside");
  const reason = (words: string) => setAside.rows.find((r) => r[0]!.includes(words));
  expect(reason("Tukey")?.[1], "outliers set aside").toBe(count(c!.outlierMembers));
  expect(reason("missing")?.[1], "incomplete members set aside").toBe(count(c!.incomplete));

  // Skewness and the log-transform recommendation.
  const skewness = tableById(html, "skewness");
  expect(skewness.rows.map((r) => r[0])).toEqual(c!.features);
  c!.skewness.forEach((s, i) => {
    const row = skewness.rows[i]!;
    expect(row[1], `${s.feature} skewness`).toBe(s.skewness === null ? "—" : fixed(s.skewness, 2));
    expect(row[3]!.startsWith("recommended"), `${s.feature} log1p recommendation`).toBe(c!.recommendations.some((r) => r.includes(`"${s.feature}"`)));
  });

  // Contingency of the scheme's segments × clusters, and its adjusted Rand index.
  const agreement = c!.agreement;
  if (!agreement) {
    expect(lock!.ari).toBeNull();
    return;
  }
  const clusterName = new Map(lock!.centroids.map((x) => [x.id, x.name]));
  const segmentName = new Map(site.result.check.workspace.segments.map((s) => [s.value.id, s.value.name]));
  const table = tableById(html, "contingency");
  expect(table.head.slice(1, -1)).toEqual(agreement.table.columns.map((id) => clusterName.get(id)));
  expect(table.rows.map((r) => r[0])).toEqual(agreement.table.rows.map((id) => segmentName.get(id) ?? id));
  agreement.table.counts.forEach((counts, i) => expect(table.rows[i]!.slice(1, -1), `contingency row ${agreement.table.rows[i]}`).toEqual(counts.map(count)));
  expect(table.foot[0]!.at(-1)).toBe(count(agreement.table.counts.flat().reduce((a, b) => a + b, 0)));
  expect(lock!.ari).not.toBeNull();
  expect(figureText(html, "ari")).toContain(fixed(lock!.ari!, 2));
  expect(sectionText(html, "agreement")).toContain(`Adjusted Rand index ${fixed(lock!.ari!, 3)} over ${count(agreement.members)} members`);
}

/** Each hypothesis with its verdict, statistic, p-value and effect size. */
export function expectHypothesesPage(site: WorkspaceSite): number {
  const hypotheses = engineOf(site).engine.hypotheses;
  if (hypotheses.length === 0) return 0;
  const html = builtPage(site.outDir, "hypotheses");
  for (const h of hypotheses) {
    const text = sectionText(html, h.id);
    expect(text, h.id).toContain(VERDICT_LABELS[h.verdict]!);
    if (h.test) {
      const p = h.test.pValue < 0.0001 ? "p < 0.0001" : `p = ${h.test.pValue.toFixed(4)}`;
      expect(text, `${h.id} p-value`).toContain(p);
      expect(text, `${h.id} statistic`).toContain(`= ${upTo(h.test.statistic, 2)},`);
    }
  }
  return hypotheses.length;
}

/** Weight sensitivity (rank-flip count, top-rank stability) and the value × potential quadrants. */
export function expectPrioritizationPage(site: WorkspaceSite): { sensitivity: boolean; quadrants: number } {
  const data = engineOf(site);
  const names = new Map(site.result.check.workspace.segments.map((s) => [s.value.id, s.value.name]));
  if (!data.sensitivity && Object.keys(data.quadrants).length === 0) return { sensitivity: false, quadrants: 0 };
  const html = builtPage(site.outDir, "prioritization");
  if (data.sensitivity) {
    const text = sectionText(html, "sensitivity");
    const stable = data.sensitivity.shifts.filter((s) => s.flips.length === 0).length;
    expect(text).toContain(`${stable} of ${data.sensitivity.shifts.length} moves change no rank`);
    expect(text).toContain(`stays on top ${Math.round(data.sensitivity.topStability * 100)}% of the time`);
  }
  const quadrants = html.slice(html.search(/<section\b[^>]*aria-labelledby="quadrants"/));
  for (const [id, quadrant] of Object.entries(data.quadrants)) {
    const card = quadrants.split(/<h3\b[^>]*>/).find((part) => textOf(part.split("</h3>")[0]!) === QUADRANT_LABELS[quadrant].label);
    expect(card, `the ${quadrant} card`).toBeDefined();
    expect(textOf(card!.split("</section>")[0]!), `${id} in ${quadrant}`).toContain(names.get(id)!);
  }
  return { sensitivity: data.sensitivity !== undefined, quadrants: Object.keys(data.quadrants).length };
}

/** Coverage of normalized free-text fields on the health page. */
export function expectCoverage(site: WorkspaceSite): number {
  const normalization = engineOf(site).engine.normalization;
  if (normalization.length === 0) return 0;
  const text = textOf(builtPage(site.outDir, "health"));
  for (const n of normalization) expect(text, `${n.feature} coverage`).toContain(`${n.feature} ${n.column} ${(n.share * 100).toFixed(1)}% of ${count(n.total)}`);
  return normalization.length;
}
