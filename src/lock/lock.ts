/**
 * `segments.lock.json`: what the last recompute produced, with the hashes of
 * everything it was computed from. Reviewed in pull requests like any lock file;
 * `seg check` recomputes it and fails when it is out of date.
 */
import { z } from "zod";

const sourceEntry = z.object({
  /** Absent for a source that names only a warehouse table (no local file). */
  path: z.string().optional(),
  /** A source that names a warehouse table: then sha256 is of its typed rows and bytes is absent, whichever engine ran. */
  table: z.string().optional(),
  sha256: z.string(),
  bytes: z.number().optional(),
  rowsRead: z.number(),
  rows: z.number(),
  newest: z.string().nullable(),
  oldest: z.string().nullable(),
});

const segmentEntry = z.object({
  count: z.number(),
  share: z.number(),
  value: z.number().nullable(),
  valueShare: z.number().nullable(),
});

/**
 * A cluster id as Seg makes them (cluster-1, cluster-2, …; stable-ids.ts). The lock's ids are carried into the next
 * recompute, so one edited by hand would otherwise give two clusters one id (their members merged under it) or put
 * any text in the memberships, exports and site.
 */
const clusterId = z.string().regex(/^cluster-[1-9][0-9]{0,8}$/, { message: "must be a cluster id as Seg writes them, such as cluster-3" });

export const lockSchema = z.object({
  version: z.literal(1),
  tool: z.string(),
  asOf: z.string(),
  hashes: z.object({ config: z.record(z.string(), z.string()), segments: z.record(z.string(), z.string()) }),
  inputs: z.record(z.string(), sourceEntry),
  members: z.number(),
  schemes: z.record(
    z.string(),
    z.object({ population: z.number(), unassigned: z.object({ count: z.number(), share: z.number() }), segments: z.record(z.string(), segmentEntry) }),
  ),
  clusters: z
    .object({
      k: z.number(),
      features: z.array(z.string()),
      /** The fitted transform, so the model can be applied elsewhere (seg compile). */
      transform: z.array(z.union([z.object({ kind: z.literal("log1p") }), z.object({ kind: z.literal("standardize"), means: z.array(z.number()), sds: z.array(z.number()) })])),
      centroids: z.array(
        z.object({
          id: clusterId,
          name: z.string(),
          size: z.number(),
          share: z.number(),
          /** Original feature units, by feature. */
          centroid: z.record(z.string(), z.number()),
          /** Transformed space, in feature order (what members are assigned by). */
          transformed: z.array(z.number()),
        }),
      )
      .superRefine((centroids, ctx) => {
        const seen = new Set<string>();
        centroids.forEach((c, i) => {
          if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `repeats ${c.id}: each cluster has an id of its own` });
          seen.add(c.id);
        });
      }),
      /** Agreement with the rule segments of the clustering scheme. */
      ari: z.number().nullable(),
      /**
       * Members k-means was not fitted on: outliers (outside the Tukey fences of two or
       * more transformed features; still assigned to their nearest cluster) and members
       * with a missing or non-finite clustering feature (no cluster).
       */
      setAside: z.object({ outliers: z.number(), missing: z.number() }).optional(),
      /**
       * Present when the silhouette that chose k was computed on a seeded sample:
       * `rows` sampled of the `of` rows k-means was fitted on. Absent when exact.
       */
      silhouetteSample: z.object({ rows: z.number(), of: z.number() }).optional(),
    })
    .nullable(),
  /** Members with a value for each declared feature (the others are left out of its averages, tiers and tests). */
  coverage: z.record(z.string(), z.object({ values: z.number(), missing: z.number(), share: z.number() })).optional(),
  prioritization: z
    .object({
      weights: z.record(z.string(), z.number()),
      segments: z.record(z.string(), z.object({ total: z.number(), rank: z.number() })),
    })
    .nullable(),
});

export type Lock = z.infer<typeof lockSchema>;
