/* eslint max-lines-per-function: "off" -- resolveReferences checks each kind of reference in turn, a few lines each. */
/**
 * Cross-references between files: segment → scheme, persona/hypothesis/review →
 * segments, features → sources and columns, clustering and prioritization →
 * features, schemes and factors; ids unique; data paths inside the workspace.
 * Every broken link is reported at the node that holds it, with a suggestion.
 * One function per kind of reference; each reports through the same Refs.
 */
import { unknownReference } from "../checks/references.ts";
import { schemaDuplicateId, schemaInvalidValue, schemaMissingKey } from "../checks/schema.ts";
import { sourcePath } from "../checks/sources.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { Config } from "../schema/config.ts";
import { checkDataFile } from "./data-file.ts";
import { discoverFiles } from "./discover.ts";
import type { CatalogEntry } from "./feature-catalog.ts";
import type { PathSegment } from "./locate.ts";
import type { LoadedDocument } from "./read-document.ts";
import { reportAt } from "./report-at.ts";
import { indexSegments, type SegmentIndex } from "./segment-index.ts";
import type { Workspace } from "./workspace.ts";

/** What every reference check shares: the workspace, the catalog, and where findings go. */
interface Refs {
  workspace: Workspace;
  catalog: ReadonlyMap<string, CatalogEntry>;
  out: Diagnostic[];
  /** A name that resolves to nothing of its kind: unknown-reference with did-you-mean or the known names. */
  unknown(doc: LoadedDocument<unknown>, path: readonly PathSegment[], what: string, name: string, known: readonly string[], where?: string): void;
}

export function resolveReferences(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>, dataRoot: string = workspace.root): Diagnostic[] {
  const out: Diagnostic[] = [];
  const refs: Refs = {
    workspace,
    catalog,
    out,
    unknown: (document, path, what, name, known, where = "") => {
      const suggestion = didYouMean(name, known);
      const hint = suggestion ? `Did you mean "${suggestion}"?` : known.length > 0 ? `Known ${what}s: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}.` : `Declare the ${what} first.`;
      out.push(reportAt({ check: unknownReference, messageId: "unknown", document, path, data: { name, known: known.slice(0, 50) }, words: { what, where }, hint }));
    },
  };
  checkSegmentIds(refs);
  const config = workspace.config;
  if (config) {
    checkSegmentDefinitions(refs, config);
    checkSources(refs, config, dataRoot);
    checkFeatures(refs, config);
    checkRfm(refs, config);
    checkConfigNames(refs, config);
  }
  checkDocumentLinks(refs, indexSegments(workspace));
  return out;
}

/** Segment ids are unique across schemes, so a bare id is never ambiguous. */
function checkSegmentIds({ workspace, out }: Refs): void {
  const seen = new Map<string, string>();
  for (const segment of workspace.segments) {
    const first = seen.get(segment.value.id);
    if (first) out.push(reportAt({ check: schemaDuplicateId, messageId: "segmentId", document: segment, path: ["id"], words: { id: segment.value.id, first } }));
    else seen.set(segment.value.id, segment.file.path);
  }
}

/** A segment's scheme folder, RFM group, cluster and score factors. */
function checkSegmentDefinitions({ workspace, out, unknown }: Refs, config: LoadedDocument<Config>): void {
  const c = config.value;
  const schemes = Object.keys(c.schemes);
  const factors = Object.keys(c.prioritization?.factors ?? {});
  for (const segment of workspace.segments) {
    if (!c.schemes[segment.scheme]) unknown(segment, ["id"], "scheme", segment.scheme, schemes, ` (the folder segments/${segment.scheme}/)`);
    const group = "rfm_group" in segment.value.definition ? segment.value.definition.rfm_group : undefined;
    if (group !== undefined) {
      const groups = Object.keys(c.rfm?.groups ?? {});
      if (!c.rfm) out.push(reportAt({ check: unknownReference, messageId: "noRfmSection", document: segment, path: ["definition", "rfm_group"], words: { group } }));
      else if (!groups.includes(group)) unknown(segment, ["definition", "rfm_group"], "RFM group", group, groups);
    }
    if ("cluster" in segment.value.definition && !c.clustering) {
      out.push(reportAt({ check: unknownReference, messageId: "noClusteringSection", document: segment, path: ["definition", "cluster"] }));
    }
    for (const factor of Object.keys(segment.value.scores ?? {})) {
      if (!factors.includes(factor)) unknown(segment, ["scores", factor], "prioritization factor", factor, factors);
    }
  }
}

/** A source's role columns, the customer link of non-account sources, and its data path. */
function checkSources({ out, unknown }: Refs, config: LoadedDocument<Config>, dataRoot: string): void {
  for (const [name, source] of Object.entries(config.value.sources)) {
    const columns = Object.keys(source.columns);
    for (const role of ["key", "customer", "timestamp", "amount"] as const) {
      const column = source[role];
      if (column !== undefined && !columns.includes(column)) unknown(config, ["sources", name, role], "column", column, columns, ` in source "${name}"`);
    }
    if (source.kind !== "accounts" && source.customer === undefined) {
      out.push(reportAt({ check: schemaMissingKey, messageId: "sourceCustomer", document: config, path: ["sources", name], words: { source: name, kind: source.kind } }));
    }
    // Data paths name one regular file inside the workspace (or --data-dir): no glob, no `..`, no dot-folder, no link out.
    // A source with only table: has no file here; the engine says which engines read it (load-sources).
    if (source.path === undefined) continue;
    const checked = checkDataFile(dataRoot, source.path);
    if (!checked.ok) out.push(reportAt({ check: sourcePath, messageId: "refused", document: config, path: ["sources", name, "path"], data: { problem: checked.problem }, words: { problem: checked.message }, hint: checked.hint }));
  }
}

/** A feature's source and column, and whether its aggregate fits the source. */
function checkFeatures({ out, unknown }: Refs, config: LoadedDocument<Config>): void {
  const c = config.value;
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
    const words = { feature: name, source: feature.source };
    if ("aggregate" in feature) {
      if (source.kind === "accounts") out.push(reportAt({ check: schemaInvalidValue, messageId: "aggregateAccounts", document: config, path: ["features", name, "source"], words }));
      const needsColumn = !["count", "days_since_last", "days_since_first"].includes(feature.aggregate);
      if (needsColumn && feature.column === undefined) out.push(reportAt({ check: schemaMissingKey, messageId: "aggregateColumn", document: config, path: ["features", name, "aggregate"], words: { ...words, aggregate: feature.aggregate } }));
      if ((feature.window_days !== undefined || feature.aggregate.startsWith("days_since") || feature.aggregate === "count_distinct_days") && source.timestamp === undefined) {
        out.push(reportAt({ check: schemaMissingKey, messageId: "featureTimestamp", document: config, path: ["features", name], words }));
      }
    } else if (source.kind !== "accounts") {
      out.push(reportAt({ check: schemaInvalidValue, messageId: "columnOfMany", document: config, path: ["features", name, "source"], words: { ...words, column: String(feature.column) } }));
    }
  }
}

/** RFM reads a transactions source with timestamp and amount. */
function checkRfm({ out, unknown }: Refs, config: LoadedDocument<Config>): void {
  const rfm = config.value.rfm;
  if (!rfm) return;
  const source = config.value.sources[rfm.source];
  if (!source) unknown(config, ["rfm", "source"], "source", rfm.source, Object.keys(config.value.sources));
  else if (source.kind !== "transactions" || !source.timestamp || !source.amount) {
    const lacking = `${source.timestamp ? "" : " without timestamp"}${source.amount ? "" : " without amount"}`;
    out.push(reportAt({ check: schemaInvalidValue, messageId: "rfmSource", document: config, path: ["rfm", "source"], words: { source: rfm.source, kind: source.kind, lacking } }));
  }
}

/** Names segmentation.yaml uses in its own sections: value tiers, clustering, prioritization, populations, members, metrics. */
function checkConfigNames({ catalog, out, unknown }: Refs, config: LoadedDocument<Config>): void {
  const c = config.value;
  const schemes = Object.keys(c.schemes);
  const features = [...catalog.keys()];
  if (c.value_tiers && !catalog.has(c.value_tiers.measure)) unknown(config, ["value_tiers", "measure"], "feature", c.value_tiers.measure, features);
  if (c.clustering) {
    c.clustering.features.forEach((f, i) => {
      const entry = catalog.get(f);
      if (!entry) unknown(config, ["clustering", "features", i], "feature", f, features);
      else if (entry.type !== "number") out.push(reportAt({ check: schemaInvalidValue, messageId: "clusteringType", document: config, path: ["clustering", "features", i], words: { feature: f, type: entry.type } }));
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
    out.push(reportAt({ check: schemaMissingKey, messageId: "noMembers", document: config, path: ["sources"] }));
  }
  for (const [name, metric] of Object.entries(c.metrics)) {
    if (!catalog.has(metric.feature)) unknown(config, ["metrics", name, "feature"], "feature", metric.feature, features);
  }
}

/** Personas, hypotheses and reviews name segments (and hypotheses a metric); persona ids are unique. */
function checkDocumentLinks({ workspace, catalog, out, unknown }: Refs, segments: SegmentIndex): void {
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
    if (personaIds.has(persona.value.id)) out.push(reportAt({ check: schemaDuplicateId, messageId: "personaId", document: persona, path: ["id"], words: { id: persona.value.id } }));
    personaIds.add(persona.value.id);
    checkSegmentRefs(persona, persona.value.segments, "segments");
  }
  for (const hypothesis of workspace.hypotheses) {
    checkSegmentRefs(hypothesis, hypothesis.value.segments, "segments");
    // Without a valid segmentation.yaml no metric is known; its own errors say why.
    if (!workspace.config) continue;
    const metrics = [...catalog.keys(), ...Object.keys(workspace.config.value.metrics)];
    if (!metrics.includes(hypothesis.value.metric)) unknown(hypothesis, ["metric"], "metric", hypothesis.value.metric, metrics);
  }
  for (const review of workspace.reviews) checkSegmentRefs(review, review.value.segments, "segments");
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
