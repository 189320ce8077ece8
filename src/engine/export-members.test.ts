import { describe, expect, it } from "vitest";
import { RFM_FEATURES } from "../workspace/feature-catalog.ts";
import { CLUSTER_STATUS, exportableColumns } from "./export-members.ts";

const catalog = new Map(RFM_FEATURES.map((entry) => [entry.name, entry]));
const rfm = { source: "invoices", reference: "as-of" as const };

describe("exportableColumns", () => {
  it("leaves out rfm_group when rfm.groups names no group: it would be empty for every member", () => {
    expect(exportableColumns({ rfm }, catalog)).not.toContain("rfm_group");
    expect(exportableColumns({ rfm: { ...rfm, groups: {} } }, catalog)).not.toContain("rfm_group");
    expect(exportableColumns({ rfm }, catalog)).toContain("r_score");
  });

  it("keeps rfm_group, in the catalog's order, when a group is declared; cluster_status comes last with clustering", () => {
    expect(exportableColumns({ rfm: { ...rfm, groups: { best: "r_score >= 4" } } }, catalog)).toEqual(RFM_FEATURES.map((entry) => entry.name));
    expect(exportableColumns({ rfm, clustering: {} as never }, catalog).at(-1)).toBe(CLUSTER_STATUS);
  });
});
