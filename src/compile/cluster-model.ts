/**
 * The fitted clustering that `seg compile` assigns members with, read from
 * segments.lock.json: the clustering features, the fitted transform (log1p,
 * then standardize with the fitted means and standard deviations) and one
 * centroid per cluster. Centroids are stored in original feature units
 * (`centroid`) and, when the lock has it, in transformed space
 * (`transformed`, exact); the SQL compares members with the transformed one.
 *
 * The lock is read as JSON here rather than through the lock schema so that
 * compile can name exactly which fitted values are missing.
 */
import { z } from "zod";
import { transformPoint, type FittedStep, type FittedTransform } from "../engine/cluster/transform.ts";

export interface ClusterModel {
  features: string[];
  steps: FittedStep[];
  centroids: { id: string; name: string; point: number[] }[];
}

const perFeature = z.union([z.array(z.number()), z.record(z.string(), z.number())]);
const stepSchema = z.union([z.strictObject({ kind: z.literal("log1p") }), z.strictObject({ kind: z.literal("standardize"), means: perFeature, sds: perFeature })]);

const lockedClustersSchema = z.object({
  features: z.array(z.string()).min(1),
  transform: z.union([z.array(stepSchema), z.object({ steps: z.array(stepSchema) })]).optional(),
  centroids: z
    .array(
      z.object({
        id: z.union([z.string(), z.number()]),
        name: z.string(),
        centroid: perFeature,
        transformed: perFeature.optional(),
      }),
    )
    .min(1),
});

export type ClusterModelResult = { status: "none" } | { status: "ok"; model: ClusterModel } | { status: "invalid"; message: string };

/** The model in the lock's `clusters` entry (`null` or absent: none). */
export function clusterModelFromLock(clusters: unknown): ClusterModelResult {
  if (clusters === null || clusters === undefined) return { status: "none" };
  const parsed = lockedClustersSchema.safeParse(clusters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: "invalid", message: `its clusters entry is not usable (${["clusters", ...(issue?.path ?? [])].join(".")}: ${issue?.message})` };
  }
  const { features, centroids } = parsed.data;
  const written = parsed.data.transform;
  if (written === undefined) return { status: "invalid", message: "its clusters entry has no fitted transform (clusters.transform with the means and standard deviations)" };
  try {
    const steps = (Array.isArray(written) ? written : written.steps).map((step): FittedStep =>
      step.kind === "log1p" ? { kind: "log1p" } : { kind: "standardize", means: inFeatureOrder(step.means, features, "means"), sds: inFeatureOrder(step.sds, features, "sds") },
    );
    const transform: FittedTransform = { features, steps };
    return {
      status: "ok",
      model: {
        features,
        steps,
        centroids: centroids.map((c) => ({
          id: String(c.id),
          name: c.name,
          point: c.transformed !== undefined ? inFeatureOrder(c.transformed, features, "transformed") : transformPoint(transform, inFeatureOrder(c.centroid, features, "centroid")),
        })),
      },
    };
  } catch (error) {
    return { status: "invalid", message: `its clusters entry is not usable (${(error as Error).message})` };
  }
}

function inFeatureOrder(values: readonly number[] | Record<string, number>, features: readonly string[], what: string): number[] {
  const out = Array.isArray(values) ? [...values] : features.map((f) => (values as Record<string, number>)[f] ?? Number.NaN);
  if (out.length !== features.length || out.some((v) => !Number.isFinite(v))) throw new RangeError(`${what} needs one finite number per clustering feature (${features.join(", ")})`);
  return out;
}
