/**
 * The relations `seg compile` creates, as queries over the plan for one
 * dialect: features, clusters (when the lock has a model), every scheme's
 * memberships, and all memberships together.
 */
import { clustersQuery } from "./emit/clusters-query.ts";
import { featuresQuery } from "./emit/features-query.ts";
import { membershipsQuery, schemeQuery } from "./emit/memberships-query.ts";
import type { Query, RelationName } from "./emit/query.ts";
import type { CompilePlan } from "./plan.ts";
import type { Dialect } from "../expr/dialects/dialect.ts";

export interface Relation {
  name: RelationName;
  /** One line, written as a comment above the relation (no user text). */
  summary: string;
  query: Query;
}

export function compileRelations(plan: CompilePlan, dialect: Dialect): { features: Relation; clusters: Relation | undefined; schemes: Relation[]; memberships: Relation } {
  return {
    features: { name: "features", summary: "One row per member: account columns, features, RFM values and scores, RFM group, value tier.", query: featuresQuery(plan, dialect) },
    clusters: plan.clusters ? { name: "clusters", summary: `Nearest of ${plan.clusters.centroids.length} centroids from segments.lock.json per member.`, query: clustersQuery(plan.clusters, dialect) } : undefined,
    schemes: plan.schemes.map((scheme) => ({
      name: `scheme:${scheme.id}`,
      summary: `Scheme ${scheme.id} (${scheme.exclusive ? "exclusive: first matching segment" : "overlapping: every matching segment"}); segment NULL when none matches.`,
      query: schemeQuery(scheme, dialect),
    })),
    memberships: { name: "memberships", summary: "Every scheme's segment per member (scheme, member_id, segment).", query: membershipsQuery(plan.schemes, dialect) },
  };
}
