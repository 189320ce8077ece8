/**
 * The smallest workspace with one exclusive and one overlapping scheme, for the unit tests of memberships,
 * their cache and segment metrics: accounts keyed by member_id with a `seats` column, and segments built in code.
 */
import { configSchema, type Config } from "../../src/schema/config.ts";
import type { LoadedSegment } from "../../src/workspace/workspace.ts";

/** `size` is exclusive, `tags` overlapping; `seats` is an integer or a number column. */
export function seatsConfig(seats: "integer" | "number" = "integer"): Config {
  return configSchema.parse({
    name: "t",
    goals: { focus: "internal", objective: "account-attack", statement: "s", stakeholders: [{ name: "A", role: "B" }], scope: { unit: "account" }, deliverables: ["d"] },
    sources: { accounts: { path: "a.csv", kind: "accounts", key: "member_id", columns: { member_id: { type: "string" }, seats: { type: seats } } } },
    schemes: { size: { label: "Size" }, tags: { label: "Tags", exclusive: false } },
  });
}

/** An active segment of `scheme` with the rule `where`, `order` its place in the scheme. */
export const segment = (scheme: string, id: string, where: string, order: number): LoadedSegment =>
  ({ scheme, value: { id, name: id, status: "active", order, definition: { where } } }) as unknown as LoadedSegment;
