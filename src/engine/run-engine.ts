/* eslint max-lines-per-function: "off" -- runEngine reads top to bottom as the pipeline's steps, each one call. */
/**
 * Recompute from the data: load sources, build features, cluster, assign
 * memberships, then what the caller declared it reads (engine-outputs.ts:
 * segment metrics, findings, impact; default all). Returns plain results; the
 * database is closed before returning unless the caller keeps it (explain and
 * export read from it).
 */
import { schemesPlan } from "../compile/plan.ts";
import { clusteringLog1pDomain, clusteringTooFewMembers } from "../checks/clustering.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Expr } from "../expr/ast.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import { reportAt } from "../workspace/report-at.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { hypothesisSegments, runHypotheses, type HypothesisResult } from "./hypotheses.ts";
import { evaluateIdsaa, type IdsaaResult } from "./idsaa.ts";
import { cachedClustering, clusteringKey } from "./clustering-cache.ts";
import { cachedFeatureTable } from "./feature-cache.ts";
import type { CacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import type { LoadRecordCache } from "./load-record-cache.ts";
import { metricsMemo, type MetricsMemo } from "./metrics-memo.ts";
import { assignmentModel, CLUSTERS, featuresWithClustersSql, type AssignmentModel } from "./cluster/assign-sql.ts";
import { clusterAgreement, type SchemeClusterAgreement } from "./cluster/cluster-agreement.ts";
import type { ClusterSizes, ClusteringResult } from "./cluster/run-clustering.ts";
import type { FitCache } from "./cluster/fit-cache.ts";
import type { PreviousClusters } from "./cluster/stable-ids.ts";
import { openDatabase, type Database, type DatabaseOptions } from "./duckdb.ts";
import { loadSources, type LoadResult, type SourceStats } from "./load-sources.ts";
import type { AskedPath, WarehouseLoad } from "./warehouse/postgres-features.ts";
import { openTableReader } from "./warehouse/open-table-reader.ts";
import type { TableReader } from "./warehouse/table-reader.ts";
import type { WarehouseRequest } from "./warehouse/warehouse-request.ts";
import { rowsNeeded } from "./warehouse/rows-needed.ts";
import { aggregatesBlocker, type WarehouseAggregates } from "./warehouse/warehouse-aggregates.ts";
import type { SourceCache } from "./source-cache.ts";
import { assignMemberships, positionalSchemes } from "./membership.ts";
import { cachedMemberships } from "./membership-cache.ts";
import type { ImpactResult } from "./impact/impact-result.ts";
import { measureImpact, segmentLaunches } from "./impact/measure-impact.ts";
import { impactKey, keepImpact, readImpact } from "./impact/impact-memo.ts";
import { EVERY_OUTPUT, type EngineOutput } from "./engine-outputs.ts";
import { featureCoverage, type FeatureCoverage } from "./feature-coverage.ts";
import { normalizationCoverage, type NormalizationCoverage } from "./normalization-coverage.ts";
import { definingNamesBySegment } from "./segment-defining-names.ts";
import { computeSegmentMetrics, type SchemeMetrics } from "./segment-metrics.ts";
import { measureValueLabels, type ValueLabelMeasures } from "./value-labels.ts";
import type { StepHook } from "./step-profile.ts";

export interface EngineOptions extends DatabaseOptions {
  /** Folder data paths are relative to (default: the workspace). */
  dataRoot: string;
  asOf: string;
  /** Today's date (YYYY-MM-DD): rows dated after it are reported when as_of is later. Findings only; the results never depend on it. */
  today?: string;
  /** Reports progress of long steps. */
  progress?: (step: string) => void;
  /** Keep the database open and return it (the caller closes it). */
  keepDatabase?: boolean;
  /** Folders the database may still write to after loading (exports). */
  writableDirectories?: readonly string[];
  /** Clusters of the previous lock, so cluster ids stay stable. */
  previousClusters?: PreviousClusters;
  /** Remembers k-means fits between runs. */
  fitCache?: FitCache;
  /** Remembers typed sources between runs. */
  sourceCache?: SourceCache;
  /** Remembers what loading each source found, by the file's cheap identity (load-record-cache.ts). */
  loadRecords?: LoadRecordCache;
  /** Remembers each feature's column per member (feature-cache.ts). */
  featureCache?: CacheEntries;
  /** Remembers the clustering of every member (clustering-cache.ts). */
  clusteringCache?: CacheEntries;
  /** Remembers each scheme's memberships (membership-cache.ts). */
  membershipCache?: CacheEntries;
  /** Remembers the before/after comparison (impact/impact-memo.ts). */
  impactEntries?: CacheEntries;
  /** Remembers segment metrics' queries (metrics-memo.ts). */
  metricsEntries?: CacheEntries;
  /** Remembers the tables segment metrics' queries make from the features (metrics-memo.ts). */
  metricsTables?: CacheEntries;
  /** Hash every data file whole, whatever the cache says (seg lock: the lock records the content's sha256). */
  verifyContent?: boolean;
  /** What the caller reads beyond features and memberships (default: every output). */
  outputs?: ReadonlySet<EngineOutput>;
  /** Names each step as it starts, for a profile (engine/step-profile.ts). */
  profileStep?: StepHook;
  /** Read the sources that name a `table:` from this warehouse (the rest of the recompute runs in DuckDB). */
  warehouse?: WarehouseRequest;
  /**
   * The members the caller reads (seg explain), by id as text. With a warehouse that builds the features and no output
   * beyond memberships, only their feature rows come back, so the features, clusters and memberships tables hold only
   * them (a clustering fit reads the sample the warehouse draws, as DuckDB would draw it from every member).
   */
  members?: readonly string[];
}

export interface EngineResult {
  sources: SourceStats[];
  members: number;
  schemes: SchemeMetrics[];
  hypotheses: HypothesisResult[];
  /** IDSAA verdicts by "scheme/id". */
  idsaa: Record<string, IdsaaResult>;
  normalization: NormalizationCoverage[];
  /** Members with a value for each declared feature. */
  coverage: FeatureCoverage[];
  /** What the segments' value labels (ltv, support_cost) are checked against. */
  valueLabels?: ValueLabelMeasures;
  clustering: (ClusteringResult & { agreement: SchemeClusterAgreement | undefined }) | undefined;
  /** Before/after each segment's launch date; absent without impact: in segmentation.yaml or a segment's launch:. */
  impact: ImpactResult | undefined;
  diagnostics: Diagnostic[];
  /**
   * With a warehouse engine: whether the sources were checked and the features built there, the rows of data brought
   * back, the rows each step brought back (aggregates included: with clustering and some members asked for, the
   * clustering counts and sample stand in for every member's row), why rows were read, and with some members asked
   * for, whether their ids were filtered at the sources' scans or picked from every member's features, and why.
   */
  warehouse?: { inWarehouse: boolean; rowsFetched: number; fetched: Record<string, number>; rowsBecause?: string; asked?: AskedPath; perMember?: string };
  db?: Database;
}

export async function runEngine(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>, expressions: ReadonlyMap<string, Expr>, options: EngineOptions): Promise<EngineResult> {
  const config = workspace.config!;
  const db = await openDatabase(options);
  let reader: TableReader | undefined;
  // Closed once: after loading, or after the aggregates when the warehouse computes them.
  let closing: Promise<void> | undefined;
  const closeReader = () => (closing ??= reader?.close() ?? Promise.resolve());
  const step: (name: Parameters<StepHook>[0]) => void = options.profileStep ? (name) => options.profileStep!(name, db.usage) : () => undefined;
  try {
    step("load");
    options.progress?.("Loading sources");
    reader = options.warehouse ? await openTableReader(options.warehouse, config.value, workspace.root) : undefined;
    // With a warehouse engine the sources are checked and the features built there when no step needs the rows.
    const needed = reader ? rowsNeeded(config.value, workspace.segments, options.outputs ?? EVERY_OUTPUT) : undefined;
    let pushed: WarehouseLoad | undefined;
    // With the features built in the warehouse, a command that reads metrics or findings (and no member's row) has them
    // computed there too, unless a step is not written for the warehouse yet (perMember says which, in the report).
    const outputs = options.outputs ?? EVERY_OUTPUT;
    const aggregateAsk = !options.members && (outputs.has("metrics") || outputs.has("findings"));
    let perMember = !aggregateAsk
      ? undefined
      : options.keepDatabase
        ? "the command reads every member's memberships from the database (seg diff)"
        : aggregatesBlocker(config.value, workspace.hypotheses.length);
    let loaded: Pick<LoadResult, "sources" | "diagnostics" | "readInPlace" | "uniqueKeys" | "completeKeys" | "identities">;
    try {
      // Only the members asked for come back when the caller reads nothing beyond memberships.
      const only = options.members && (options.outputs ?? EVERY_OUTPUT).size === 0 ? options.members : undefined;
      // The lock's digest of each table's rows, only for a caller that builds a lock from the result.
      const digest = (options.outputs ?? EVERY_OUTPUT).has("digest");
      if (reader?.computeFeatures && needed === undefined) pushed = await reader.computeFeatures(db, config, options.asOf, options.today, {
          ...(only ? { members: only } : {}),
          digest,
          ...(aggregateAsk && perMember === undefined ? { aggregates: { catalog, schemes: schemesPlan(config.value, workspace.segments), findings: outputs.has("findings") } } : {}),
        });
      if (pushed?.ok) loaded = { sources: pushed.sources, diagnostics: pushed.diagnostics, readInPlace: [], uniqueKeys: pushed.uniqueKeys, completeKeys: [], identities: {} };
      else {
        if (reader) options.progress?.(`Reading the rows from ${reader.engine}: ${needed ?? (pushed?.reason ?? "no step runs in this warehouse yet")}`);
        loaded = await loadSources(db, config, options.dataRoot, options.sourceCache, options.asOf, options.today, reader, {
          ...(options.loadRecords ? { loads: options.loadRecords } : {}),
          ...(options.verifyContent ? { verifyContent: true } : {}),
          ...(digest ? {} : { withoutDigest: true }),
        });
      }
    } finally {
      // The aggregates are asked once the fit is known, in the same transaction.
      if (!(pushed?.ok && pushed.aggregate)) await closeReader();
    }
    let aggregated: WarehouseAggregates | undefined;
    const aggregate = pushed?.ok ? pushed.aggregate : undefined;
    if (pushed?.ok && perMember !== undefined) options.progress?.(`Bringing every member's features back from ${reader!.engine}: ${perMember}`);
    const aggregateIn = async (model: AssignmentModel | undefined): Promise<ClusterSizes | undefined> => {
      const computed = await aggregate!(model).finally(closeReader);
      if ("ok" in computed) {
        perMember = computed.reason;
        options.progress?.(`Brought every member's features back from ${reader!.engine}: ${computed.reason}`);
      } else aggregated = computed;
      return aggregated?.sizes;
    };
    const rowsBecause = pushed?.ok ? undefined : (needed ?? pushed?.reason);
    // The fit's sample as the warehouse drew it, when only the asked members' features came back.
    const drawn = pushed?.ok ? pushed.drawn : undefined;
    const report = () => (!reader
      ? undefined
      : {
          inWarehouse: pushed?.ok === true,
          rowsFetched: reader.rowsFetched(),
          fetched: reader.fetchedBySteps(),
          ...(rowsBecause !== undefined ? { rowsBecause } : {}),
          ...(pushed?.ok && pushed.asked ? { asked: pushed.asked } : {}),
          ...(pushed?.ok && perMember !== undefined ? { perMember } : {}),
        });
    // Data warnings (repeated transaction ids, future dates) are reported; errors stop the recompute.
    if (loaded.diagnostics.some((d) => d.severity === "error")) {
      db.close();
      await closeReader();
      return { sources: loaded.sources, members: 0, schemes: [], hypotheses: [], idsaa: {}, normalization: [], coverage: [], clustering: undefined, impact: undefined, diagnostics: loaded.diagnostics };
    }
    // The feature, clustering and membership caches are read and written by the database itself (Parquet): it may
    // write only into their folders, made before it is locked down (a folder that is not the user's own stays out).
    const cacheFolders = [options.featureCache, options.clusteringCache, options.membershipCache, options.metricsTables].flatMap((cache) => (cache?.makeFolder() ? [cache.folder] : []));
    await db.lockDown([...(options.writableDirectories ?? []), ...cacheFolders], loaded.readInPlace);
    options.progress?.("Computing features");
    // Features built in the warehouse arrive as a table already; they are not kept in the feature cache.
    const wants = (output: EngineOutput) => (options.outputs ?? EVERY_OUTPUT).has(output);
    // A warm run reads the kept features, clusters and memberships through views over the cache's files, unless the
    // database outlives the run (explain, export) or impact rebuilds the tables as of each launch day.
    // What loading proved of the sources' keys (a warehouse proves no key complete).
    const keys = { unique: loaded.uniqueKeys, complete: loaded.completeKeys };
    const launched = wants("impact") && segmentLaunches(config.value, workspace.segments).length > 0;
    // The before/after comparison kept from an earlier run, read now: with it, no table is rebuilt as of a launch day.
    const impactAt =
      launched && options.impactEntries
        ? impactKey({
            config: config.value,
            segments: workspace.segments,
            asOf: options.asOf,
            identities: loaded.identities,
            sources: loaded.sources,
            keys,
            previousClusters: options.previousClusters,
            duckdbVersion: String((await db.all("SELECT library_version AS v FROM pragma_version()"))[0]?.v),
          })
        : undefined;
    const keptImpact = impactAt !== undefined ? readImpact(options.impactEntries!, impactAt) : undefined;
    const views = !options.keepDatabase && !(launched && keptImpact === undefined);
    const built = pushed?.ok ? undefined : await cachedFeatureTable(db, config.value, options.asOf, step, keys, loaded.identities, options.featureCache, views);
    let clustering: ClusteringResult | undefined;
    // The key of the features table's content, cluster columns included, when every part of it has one.
    let featuresKey = built && !config.value.clustering ? cacheKey("features-content", [...built.columnKeys], null) : undefined;
    if (config.value.clustering) {
      options.progress?.("Clustering");
      const settings = {
        ...(options.previousClusters ? { previous: options.previousClusters } : {}),
        featureLabels: Object.fromEntries(Object.entries(config.value.features).flatMap(([name, f]) => (f.description ? [[name, name.replaceAll("_", " ")]] : []))),
      };
      const clusteringConfig = config.value.clustering;
      // The fit's modules (k-means, silhouettes, their WebAssembly) are loaded only when the clustering is not kept.
      const run = async () =>
        (await import("./cluster/run-clustering.ts")).runClustering(db, clusteringConfig, {
          ...settings,
          ...(options.fitCache ? { cache: options.fitCache } : {}),
          ...(options.threads !== undefined ? { threads: options.threads } : {}),
          ...(drawn ? { drawn } : {}),
          ...(aggregate ? { assign: aggregateIn } : {}),
          step,
        });
      const key = built && options.clusteringCache ? clusteringKey({ clustering: clusteringConfig, ...settings }, clusteringConfig.features, built.columnKeys) : undefined;
      if (key && built) featuresKey = cacheKey("features-content", [...built.columnKeys], key);
      const fitted = key ? await cachedClustering(db, options.clusteringCache!, key, run, () => step("assignment"), built?.view) : await run();
      if (fitted.status === "problem") {
        db.close();
        await closeReader();
        // The problem's path starts at the document root (clustering.k.min).
        const place = { document: config, path: fitted.path, hint: fitted.hint };
        const diagnostic: Diagnostic =
          fitted.code === "too-few-members"
            ? reportAt({ check: clusteringTooFewMembers, messageId: "tooFew", ...place, ...(fitted.data ? { data: fitted.data } : {}) })
            : reportAt({ check: clusteringLog1pDomain, messageId: "problem", ...place, words: { problem: fitted.message } });
        return { sources: loaded.sources, members: 0, schemes: [], hypotheses: [], idsaa: {}, normalization: [], coverage: [], clustering: undefined, impact: undefined, diagnostics: [diagnostic] };
      }
      clustering = fitted;
    }
    // Without clustering, the warehouse computes the aggregates now.
    if (aggregate && !config.value.clustering) await aggregateIn(undefined);
    if (config.value.clustering && clustering && !aggregated) {
      // cluster_status says how clustering treated the member: fitted on, set aside as an outlier (then assigned to
      // its nearest cluster), or left without a cluster for a missing value.
      const status = `CASE WHEN c.cluster_id IS NULL THEN 'missing' WHEN c.outlier THEN 'outlier' ELSE 'fitted' END`;
      // Both tables hold one row per member in member order (the clusters are computed row by row from the features,
      // in their order), so their rows pair by position: no join and no sort of 10,000,000 wide rows. A pair with
      // different members would stop the recompute rather than mix two members' values. When the joined table must be
      // a table (the database is kept, or impact rebuilds the features), it is a copy: a view of the POSITIONAL JOIN
      // saved the copy (3.0 CPU s at 10,000,000 invoices) but DuckDB scans a positional join on one thread, and
      // memberships and metrics read the features a dozen times (1.0 -> 1.9-3.0 CPU s for one segment-metrics query).
      const paired = `CASE WHEN f."member_id" IS DISTINCT FROM c."member_id" THEN error('features and clusters out of step') ELSE c.cluster_id END`;
      // Over the cache's views the joined table is a view too, of the features' view renamed.
      if (built?.view) await db.run(`ALTER VIEW "features" RENAME TO "features_columns"`);
      // Otherwise, when the features stay as they are for the rest of the run, a view computes the cluster columns
      // row by row, as the clusters table was computed: a query that reads none of them costs what it did on the
      // table, and no copy of every member's features is written (21-49 CPU s at 10,000,000 members).
      if (!built?.view && views && pushed?.ok !== true) {
        const columns = (await db.all(`SELECT column_name FROM (DESCRIBE "features")`)).map((r) => String(r.column_name));
        await db.run(`ALTER TABLE "features" RENAME TO "features_columns"`);
        await db.run(`CREATE VIEW "features" AS ${featuresWithClustersSql(assignmentModel(clustering), `"features_columns"`, columns)}`);
      } else await db.run(
        `CREATE OR REPLACE ${built?.view ? "VIEW" : "TABLE"} "features" AS SELECT f.*, ${paired} AS cluster_id, c.cluster_name, c.outlier AS cluster_outlier, ${status} AS cluster_status FROM ${built?.view ? `"features_columns"` : `"features"`} f POSITIONAL JOIN ${CLUSTERS} c`,
      );
    }
    if (aggregated) {
      // Everything below was computed in the warehouse; only IDSAA's verdicts (from the metrics) are judged here.
      const schemes = wants("metrics") || wants("findings") ? aggregated.schemes : [];
      const findings = wants("findings")
        ? { hypotheses: [], idsaa: idsaaVerdicts(workspace, expressions, schemes), normalization: aggregated.normalization, coverage: aggregated.coverage, valueLabels: aggregated.valueLabels }
        : { hypotheses: [], idsaa: {}, normalization: [], coverage: [] };
      const agreement = wants("metrics") ? aggregated.agreement : undefined;
      const impact = wants("impact") ? await measureImpact(db, config.value, workspace.segments, loaded.sources, options.asOf, keys) : undefined;
      const warehouse = report();
      db.close();
      return { sources: loaded.sources, members: aggregated.members, schemes, ...findings, clustering: clustering ? { ...clustering, agreement } : undefined, impact, diagnostics: loaded.diagnostics, ...(warehouse ? { warehouse } : {}) };
    }
    options.progress?.("Assigning segments");
    step("memberships");
    const keptMemberships = featuresKey !== undefined && options.membershipCache !== undefined;
    // Features built here are in member order; a warehouse's come in its own.
    const inMemberOrder = pushed?.ok !== true;
    if (featuresKey && options.membershipCache) await cachedMemberships(db, config.value, workspace.segments, featuresKey, options.membershipCache, built?.view ?? false);
    else await assignMemberships(db, config.value, workspace.segments, inMemberOrder);
    const scheme = config.value.clustering?.scheme;
    // A positional scheme's rows were then appended in the features' order, which the clusters table keeps.
    const agreementRows = !scheme || config.value.schemes[scheme]?.exclusive !== true ? "any" : !keptMemberships && inMemberOrder && positionalSchemes(schemesPlan(config.value, workspace.segments)).has(scheme) ? "positional" : "exclusive";
    // Queries over the features and memberships, answered from the cache where it has them (metrics-memo.ts).
    const memo = featuresKey && options.metricsEntries ? metricsMemo(db, options.metricsEntries, featuresKey, schemesPlan(config.value, workspace.segments), options.metricsTables) : undefined;
    const agreement = clustering && scheme && wants("metrics") ? await clusterAgreement(db, scheme, memo?.query, agreementRows) : undefined;
    // The findings read the metrics (IDSAA verdicts judge each segment's measures).
    if (wants("metrics") || wants("findings")) options.progress?.("Measuring segments");
    step("metrics");
    // The features were built here in member order (cached or not) unless the warehouse built them.
    const positional = pushed?.ok ? undefined : positionalSchemes(schemesPlan(config.value, workspace.segments));
    const schemes = wants("metrics") || wants("findings") ? await computeSegmentMetrics(db, config.value, catalog, memo, positional) : [];
    const members = schemes[0]?.population ?? Number((await db.all(`SELECT count(*) AS n FROM "members"`))[0]?.n ?? 0);
    step("checks");
    const findings = wants("findings") ? await measureFindings(db, workspace, catalog, expressions, schemes, options, memo, positional) : { hypotheses: [], idsaa: {}, normalization: [], coverage: [] };
    if (wants("impact")) options.progress?.("Measuring impact");
    const impact = wants("impact") ? (keptImpact ?? (await measureImpact(db, config.value, workspace.segments, loaded.sources, options.asOf, keys))) : undefined;
    if (impact && impactAt !== undefined && keptImpact === undefined) keepImpact(options.impactEntries!, impactAt, impact);
    const result: EngineResult = { sources: loaded.sources, members, schemes, ...findings, clustering: clustering ? { ...clustering, agreement } : undefined, impact, diagnostics: loaded.diagnostics, ...(report() ? { warehouse: report()! } : {}) };
    if (options.keepDatabase) return { ...result, db };
    db.close();
    return result;
  } catch (error) {
    db.close();
    await closeReader().catch(() => undefined);
    throw error;
  }
}

/** Hypotheses, IDSAA verdicts, normalization and feature coverage, value labels: what the rules judge beyond the metrics. */
async function measureFindings(
  db: Database,
  workspace: Workspace,
  catalog: ReadonlyMap<string, CatalogEntry>,
  expressions: ReadonlyMap<string, Expr>,
  schemes: readonly SchemeMetrics[],
  options: EngineOptions,
  memo: MetricsMemo | undefined,
  positional: ReadonlySet<string> | undefined,
): Promise<Pick<EngineResult, "hypotheses" | "idsaa" | "normalization" | "coverage" | "valueLabels">> {
  const config = workspace.config!.value;
  options.progress?.("Testing hypotheses");
  const hypotheses = await runHypotheses(
    db,
    config,
    workspace.hypotheses.map((h) => h.value),
    hypothesisSegments(workspace),
    memo?.query,
  );
  const idsaa = idsaaVerdicts(workspace, expressions, schemes);
  const normalization = await normalizationCoverage(db, config);
  const coverage = await featureCoverage(db, config, catalog, memo?.query);
  const valueLabels = await measureValueLabels(db, config, options.asOf, memo, positional);
  return { hypotheses, idsaa, normalization, coverage, ...(valueLabels ? { valueLabels } : {}) };
}

/** IDSAA verdicts by "scheme/id", judged on each segment's metrics. */
function idsaaVerdicts(workspace: Workspace, expressions: ReadonlyMap<string, Expr>, schemes: readonly SchemeMetrics[]): Record<string, IdsaaResult> {
  const config = workspace.config!.value;
  const idsaa: Record<string, IdsaaResult> = {};
  const defining = definingNamesBySegment(workspace.segments, config, expressions);
  for (const segment of workspace.segments) {
    const metrics = schemes.find((s) => s.scheme === segment.scheme)?.segments.find((m) => m.segment === segment.value.id);
    idsaa[`${segment.scheme}/${segment.value.id}`] = evaluateIdsaa(segment.value, metrics, defining.get(segment) ?? [], config);
  }
  return idsaa;
}
