import { describe, expect, it } from "vitest";
import { migrationMatrix, NOT_IN_DATA, topMovers, UNASSIGNED } from "./migration-matrix.ts";
import type { SchemeMemberships } from "./read-memberships.ts";

/** Memberships from [member, segment | null] rows, as readMemberships returns them (sorted by member). */
function memberships(rows: [string, string | null][], exclusive = true): SchemeMemberships {
  const sorted = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const labels = [...new Set(sorted.map(([, s]) => s).filter((s): s is string => s !== null))];
  return { scheme: "s", exclusive, labels, members: sorted.map(([m]) => m), segments: Int32Array.from(sorted.map(([, s]) => (s === null ? -1 : labels.indexOf(s)))) };
}

describe("migrationMatrix", () => {
  it("counts every customer in one cell of an exclusive scheme", () => {
    const base = memberships([["a", "x"], ["b", "x"], ["c", "y"], ["d", null], ["e", "y"]]);
    const head = memberships([["a", "x"], ["b", "y"], ["c", "y"], ["d", "x"], ["f", "y"]]);
    const m = migrationMatrix(base, head);
    expect(m.cells).toEqual([
      { from: "x", to: "x", count: 1 },
      { from: "x", to: "y", count: 1 },
      { from: "y", to: "y", count: 1 },
      { from: "y", to: NOT_IN_DATA, count: 1 },
      { from: NOT_IN_DATA, to: "y", count: 1 },
      { from: UNASSIGNED, to: "x", count: 1 },
    ]);
    expect(m).toMatchObject({ members: 6, moved: 2, added: 1, removed: 1 });
    expect(m.flows).toEqual([
      { segment: "x", base: 2, head: 2, stayed: 1, entered: 1, left: 1 },
      { segment: "y", base: 2, head: 3, stayed: 1, entered: 2, left: 1 },
      { segment: UNASSIGNED, base: 1, head: 0, stayed: 0, entered: 0, left: 1 },
    ]);
    expect(topMovers(m).map((c) => `${c.from}>${c.to}`)).toEqual(["x>y", `y>${NOT_IN_DATA}`, `${NOT_IN_DATA}>y`, `${UNASSIGNED}>x`]);
  });

  it("sorts cells largest first", () => {
    const base = memberships([["a", "x"], ["b", "x"], ["c", "x"], ["d", "y"]]);
    const head = memberships([["a", "y"], ["b", "y"], ["c", "x"], ["d", "y"]]);
    expect(migrationMatrix(base, head).cells.map((c) => [c.from, c.to, c.count])).toEqual([
      ["x", "y", 2],
      ["x", "x", 1],
      ["y", "y", 1],
    ]);
  });

  it("treats a missing base as nobody: everyone at head is new", () => {
    const m = migrationMatrix(undefined, memberships([["a", "x"], ["b", null]]));
    expect(m).toMatchObject({ members: 2, moved: 0, added: 2, removed: 0 });
    expect(m.cells).toEqual([
      { from: NOT_IN_DATA, to: "x", count: 1 },
      { from: NOT_IN_DATA, to: UNASSIGNED, count: 1 },
    ]);
  });

  it("reports flows, not cells, when segments overlap", () => {
    const base = memberships([["a", "x"], ["a", "y"], ["b", "x"], ["c", null]], false);
    const head = memberships([["a", "y"], ["b", "x"], ["b", "y"], ["c", null]], false);
    const m = migrationMatrix(base, head);
    expect(m.cells).toEqual([]);
    expect(m).toMatchObject({ exclusive: false, members: 3, moved: 2, added: 0, removed: 0 });
    expect(m.flows).toEqual([
      { segment: "x", base: 2, head: 1, stayed: 1, entered: 0, left: 1 },
      { segment: "y", base: 1, head: 2, stayed: 1, entered: 1, left: 0 },
      { segment: UNASSIGNED, base: 1, head: 1, stayed: 1, entered: 0, left: 0 },
    ]);
  });
});
