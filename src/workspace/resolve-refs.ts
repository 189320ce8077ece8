/* eslint max-lines-per-function: "off" -- resolveReferences checks each kind of reference in turn, a few lines each. */
/**
 * Cross-references between files: segment → scheme, persona/hypothesis/review →
 * segments, features → sources and columns, clustering and prioritization →
 * features, schemes and factors; ids unique; data paths inside the workspace.
 * Every broken link is reported at the node that holds it, with a suggestion.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { checkDataFile } from "./data-file.ts";
import { discoverFiles } from "./discover.ts";
import type { CatalogEntry } from "./feature-catalog.ts";
import type { PathSegment } from "./locate.ts";
import { spanIn, type LoadedDocument } from "./read-document.ts";
import { indexSegments } from "./segment-index.ts";
import type { Workspace } from "./workspace.ts";

export function resolveReferences(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>, dataRoot: string = workspace.root): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (doc: LoadedDocument<unknown>, path: readonly PathSegment[], ruleId: string, message: string, hint: string, data?: Record<string, unknown>): void => {
    out.push({ ruleId, severity: "error", message, hint, file: doc.file.path, ...spanIn(doc, path), ...(data ? { data } : {}) });
  };
  const unknown = (doc: LoadedDocument<unknown>, path: readonly PathSegment[], what: string, name: string, known: readonly string[], extra = ""): void => {
    const suggestion = didYouMean(name, known);
    report(
      doc,
      path,
      "unknown-reference",
      `Unknown ${what} "${name}"${extra}.`,
      suggestion ? `Did you mean "${suggestion}"?` : known.length > 0 ? `Known ${what}s: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}.` : `Declare the ${what} first.`,
      { name, known: known.slice(0, 50) },
    );
  };

  const config = workspace.config;
  const segments = indexSegments(workspace);

  // Segment ids are unique across schemes, so a bare id is never ambiguous.
  const seen = new Map<string, string>();
  for (const segment of workspace.segments) {
    const first = seen.get(segment.value.id);
    if (first) report(segment, ["id"], "schema/duplicate-id", `The segment id "${segment.value.id}" is already used by ${first}.`, "Give each segment a unique id.");
    else seen.set(segment.value.id, segment.file.path);
  }

  if (config) {
    const c = config.value;
    const schemes = Object.keys(c.schemes);
    for (const segment of workspace.segments) {
      if (!c.schemes[segment.scheme]) {
        unknown(segment, ["id"], "scheme", segment.scheme, schemes, ` (the folder segments/${segment.scheme}/)`);
      }
      const group = "rfm_group" in segment.value.definition ? segment.value.definition.rfm_group : undefined;
      if (group !== undefined) {
        const groups = Object.keys(c.rfm?.groups ?? {});
        if (!c.rfm) report(segment, ["definition", "rfm_group"], "unknown-reference", `The segment uses the RFM group "${group}", but segmentation.yaml declares no rfm section.`, "Add rfm: { source: <transactions source>, groups: { ... } } to segmentation.yaml.");
        else if (!groups.includes(group)) unknown(segment, ["definition", "rfm_group"], "RFM group", group, groups);
      }
      if ("cluster" in segment.value.definition && !c.clustering) {
        report(segment, ["definition", "cluster"], "unknown-reference", "The segment refers to a cluster, but segmentation.yaml has no clustering section.", "Add clustering: { features: [...] } to segmentation.yaml, or define the segment with where:.");
      }
      const factors = Object.keys(c.prioritization?.factors ?? {});
      for (const factor of Object.keys(segment.value.scores ?? {})) {
        if (!factors.includes(factor)) unknown(segment, ["scores", factor], "prioritization factor", factor, factors);
      }
    }
    for (const [name, source] of Object.entries(c.sources)) {
      const columns = Object.keys(source.columns);
      for (const role of ["key", "customer", "timestamp", "amount"] as const) {
        const column = source[role];
        if (column !== undefined && !columns.includes(column)) unknown(config, ["sources", name, role], "column", column, columns, ` in source "${name}"`);
      }
      if (source.kind !== "accounts" && source.customer === undefined) {
        report(config, ["sources", name], "schema/missing-key", `Source "${name}" (${source.kind}) needs customer: the column linking its rows to accounts.`, "Add customer: <column>.");
      }
      checkDataPath(dataRoot, source.path, (message, hint) => report(config, ["sources", name, "path"], "source/path", message, hint));
    }
    const sourceNames = Object.keys(c.sources);
    for (const [name, feature] of Object.entries(c.features)) {
      if ("expression" in feature) continue;
      const source = c.sources[feature.source];
      if (!source) {
        unknown(config, ["features", name, "source"], "source", feature.source, sourceNames);
        continue;
      }
      const columns = Object.keys(source.columns);
      if (feature.column !== undefined && !columns.includes(feature.column)) unknown(config, ["features", name, "column"], "column", feature.column, columns, ` in source "${feature.source}"`);
      if ("aggregate" in feature) {
        if (source.kind === "accounts") report(config, ["features", name, "source"], "schema/invalid-value", `Feature "${name}" aggregates source "${feature.source}", which holds one row per account.`, "Aggregate a transactions, events, tickets or surveys source, or drop aggregate: to read the column as is.");
        const needsColumn = !["count", "days_since_last", "days_since_first"].includes(feature.aggregate);
        if (needsColumn && feature.column === undefined) report(config, ["features", name, "aggregate"], "schema/missing-key", `Feature "${name}" uses ${feature.aggregate}, which needs a column.`, "Add column: <the column to aggregate>.");
        if ((feature.window_days !== undefined || feature.aggregate.startsWith("days_since") || feature.aggregate === "count_distinct_days") && source.timestamp === undefined) {
          report(config, ["features", name], "schema/missing-key", `Feature "${name}" needs dates, but source "${feature.source}" declares no timestamp column.`, `Add timestamp: <column> to source "${feature.source}".`);
        }
      } else if (source.kind !== "accounts") {
        report(config, ["features", name, "source"], "schema/invalid-value", `Feature "${name}" reads column "${feature.column}" of "${feature.source}", which has many rows per account.`, "Add aggregate: (count, sum, avg, ...) to say how its rows combine per account.");
      }
    }
    if (c.rfm) {
      const source = c.sources[c.rfm.source];
      if (!source) unknown(config, ["rfm", "source"], "source", c.rfm.source, sourceNames);
      else if (source.kind !== "transactions" || !source.timestamp || !source.amount) {
        report(config, ["rfm", "source"], "schema/invalid-value", `RFM needs a transactions source with timestamp and amount; "${c.rfm.source}" is ${source.kind}${source.timestamp ? "" : " without timestamp"}${source.amount ? "" : " without amount"}.`, "Point rfm.source at a transactions source that declares timestamp: and amount:.");
      }
    }
    if (c.value_tiers && !catalog.has(c.value_tiers.measure)) unknown(config, ["value_tiers", "measure"], "feature", c.value_tiers.measure, [...catalog.keys()]);
    if (c.clustering) {
      c.clustering.features.forEach((f, i) => {
        const entry = catalog.get(f);
        if (!entry) unknown(config, ["clustering", "features", i], "feature", f, [...catalog.keys()]);
        else if (entry.type !== "number") report(config, ["clustering", "features", i], "schema/invalid-value", `Clustering feature "${f}" is ${entry.type}; k-means needs numbers.`, "Cluster on numeric features; encode categories as separate numeric features first.");
      });
      if (c.clustering.scheme && !c.schemes[c.clustering.scheme]) unknown(config, ["clustering", "scheme"], "scheme", c.clustering.scheme, schemes);
    }
    c.prioritization?.schemes.forEach((s, i) => {
      if (!c.schemes[s]) unknown(config, ["prioritization", "schemes", i], "scheme", s, schemes);
    });
    for (const [name, scheme] of Object.entries(c.schemes)) {
      if (scheme.population !== undefined && c.sources[scheme.population]?.kind !== "accounts") {
        unknown(config, ["schemes", name, "population"], "accounts source", scheme.population, Object.entries(c.sources).filter(([, s]) => s.kind === "accounts").map(([n]) => n));
      }
    }
    if (!Object.values(c.sources).some((s) => s.kind === "accounts") && !c.rfm) {
      report(config, ["sources"], "schema/missing-key", "No source of kind accounts and no rfm section: Seg cannot tell who the members are.", "Declare a source with kind: accounts and key: <member id column>, or an rfm section whose customers become the members.");
    }
    for (const [name, metric] of Object.entries(c.metrics)) {
      if (!catalog.has(metric.feature)) unknown(config, ["metrics", name, "feature"], "feature", metric.feature, [...catalog.keys()]);
    }
  }

  const segmentNames = segments.names();
  // A segment file that failed to validate is left out of the model and reported on its own;
  // references to it are not broken, so they are not reported a second time in every file.
  const unloaded = unloadedSegmentNames(workspace);
  const checkSegmentRefs = (doc: LoadedDocument<unknown>, refs: readonly string[], at: PathSegment) => {
    refs.forEach((ref, i) => {
      if (segments.resolve(ref) || unloaded.has(ref)) return;
      const suggestion = didYouMean(ref, segmentNames);
      // Suggest any spelling (id or scheme/id); list only the bare ids, which are enough to refer to a segment.
      unknown(doc, [at, i], "segment", ref, suggestion ? [suggestion] : segmentNames.filter((name) => !name.includes("/")));
    });
  };
  const personaIds = new Set<string>();
  for (const persona of workspace.personas) {
    if (personaIds.has(persona.value.id)) report(persona, ["id"], "schema/duplicate-id", `The persona id "${persona.value.id}" is used twice.`, "Give each persona a unique id.");
    personaIds.add(persona.value.id);
    checkSegmentRefs(persona, persona.value.segments, "segments");
  }
  for (const hypothesis of workspace.hypotheses) {
    checkSegmentRefs(hypothesis, hypothesis.value.segments, "segments");
    // Without a valid segmentation.yaml no metric is known; its own errors say why.
    if (!workspace.config) continue;
    const metrics = [...catalog.keys(), ...Object.keys(workspace.config?.value.metrics ?? {})];
    if (!metrics.includes(hypothesis.value.metric)) unknown(hypothesis, ["metric"], "metric", hypothesis.value.metric, metrics);
  }
  for (const review of workspace.reviews) checkSegmentRefs(review, review.value.segments, "segments");
  return out;
}

/** `id` and `scheme/id` of the segment files that exist but did not load (file name taken as the id). */
function unloadedSegmentNames(workspace: Workspace): Set<string> {
  const loaded = new Set(workspace.segments.map((segment) => segment.file.path));
  const names = new Set<string>();
  for (const path of discoverFiles(workspace.root).segments) {
    if (loaded.has(path)) continue;
    const [, scheme, file] = path.split("/");
    const id = (file ?? "").replace(/\.ya?ml$/, "");
    names.add(id);
    names.add(`${scheme}/${id}`);
  }
  return names;
}

/** Data paths name one regular file inside the workspace (or --data-dir): no glob, no `..`, no dot-folder, no link out. */
function checkDataPath(root: string, path: string, report: (message: string, hint: string) => void): void {
  const checked = checkDataFile(root, path);
  if (!checked.ok) report(checked.message, checked.hint);
}
