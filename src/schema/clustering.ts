/** Statistical clustering: k-means over declared features. */
import { z } from "zod";
import { nameSchema } from "./scalars.ts";

export const clusteringSchema = z
  .strictObject({
    scheme: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional().describe("The scheme whose rule segments are compared with the clusters (agreement, adjusted Rand index)."),
    features: z.array(nameSchema).min(1).max(50).describe("Features the clusters are fitted on."),
    transform: z.array(z.enum(["log1p", "standardize"])).default(["standardize"]).describe("Applied in order before fitting."),
    k: z
      .strictObject({ min: z.number().int().min(2).max(50), max: z.number().int().min(2).max(50) })
      .refine((k) => k.min <= k.max, { message: "must not exceed k.max", path: ["min"] })
      .default({ min: 2, max: 8 })
      .describe("The range of cluster counts tried; k is chosen by silhouette."),
    seed: z.number().int().min(0).default(42).describe("Seed for k-means++ and sampling."),
    sample: z.number().int().min(100).default(50000).describe("Fit and silhouette run on a deterministic sample of at most this many members."),
  })
  .describe("k-means clustering settings.");

export type Clustering = z.infer<typeof clusteringSchema>;
