/**
 * Where customers went: join the base and head memberships of one scheme by
 * member id. In an exclusive scheme every customer sits in one cell of the
 * matrix base segment → head segment (or unassigned, or not in the data on one
 * side). In an overlapping scheme a customer can be in several segments, so only
 * per-segment flows are reported: stayed, entered, left.
 */
import type { SchemeMemberships } from "./read-memberships.ts";

/** Label of members in no segment of the scheme. */
export const UNASSIGNED = "(unassigned)";
/** Label of members present on one side only (the data differ). */
export const NOT_IN_DATA = "(not in data)";

export interface MigrationCell {
  from: string;
  to: string;
  count: number;
}

export interface SegmentFlow {
  segment: string;
  base: number;
  head: number;
  /** In the segment on both sides. */
  stayed: number;
  /** In it at head, not at base. */
  entered: number;
  /** In it at base, not at head. */
  left: number;
}

export interface Migration {
  exclusive: boolean;
  /** Distinct members on either side. */
  members: number;
  /** Members whose segment changed (exclusive) or who entered or left any segment (overlapping), among members on both sides. */
  moved: number;
  /** Members only in the head's data, and only in the base's. */
  added: number;
  removed: number;
  /** Exclusive schemes: every non-empty cell, largest first (the diagonal included). Empty for overlapping schemes. */
  cells: MigrationCell[];
  flows: SegmentFlow[];
}

const EMPTY: SchemeMemberships = { scheme: "", exclusive: true, labels: [], members: [], segments: new Int32Array(0) };

export function migrationMatrix(base: SchemeMemberships | undefined, head: SchemeMemberships | undefined): Migration {
  const exclusive = (head ?? base)?.exclusive ?? true;
  return exclusive ? exclusiveMigration(base ?? EMPTY, head ?? EMPTY) : overlappingMigration(base ?? EMPTY, head ?? EMPTY);
}

function exclusiveMigration(base: SchemeMemberships, head: SchemeMemberships): Migration {
  const label = (side: SchemeMemberships, i: number) => (side.segments[i]! < 0 ? UNASSIGNED : side.labels[side.segments[i]!]!);
  const before = new Map<string, number>();
  base.members.forEach((member, i) => before.set(member, i));
  const cells = new Map<string, MigrationCell>();
  const add = (from: string, to: string) => {
    const key = `${from}\u0000${to}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { from, to, count: 1 });
  };
  let moved = 0;
  let added = 0;
  head.members.forEach((member, i) => {
    const b = before.get(member);
    const to = label(head, i);
    if (b === undefined) {
      added++;
      add(NOT_IN_DATA, to);
      return;
    }
    before.delete(member);
    const from = label(base, b);
    if (from !== to) moved++;
    add(from, to);
  });
  for (const b of before.values()) add(label(base, b), NOT_IN_DATA);
  const list = [...cells.values()].sort(byCount);
  return { exclusive: true, members: head.members.length + before.size, moved, added, removed: before.size, cells: list, flows: flowsFromCells(list) };
}

function flowsFromCells(cells: readonly MigrationCell[]): SegmentFlow[] {
  const flows = new Map<string, SegmentFlow>();
  const flow = (segment: string) => {
    let f = flows.get(segment);
    if (!f) flows.set(segment, (f = { segment, base: 0, head: 0, stayed: 0, entered: 0, left: 0 }));
    return f;
  };
  for (const { from, to, count } of cells) {
    if (from !== NOT_IN_DATA) flow(from).base += count;
    if (to !== NOT_IN_DATA) flow(to).head += count;
    if (from === to) flow(from).stayed += count;
    else {
      if (from !== NOT_IN_DATA) flow(from).left += count;
      if (to !== NOT_IN_DATA) flow(to).entered += count;
    }
  }
  return [...flows.values()].sort(bySegment);
}

function overlappingMigration(base: SchemeMemberships, head: SchemeMemberships): Migration {
  const setsOf = (side: SchemeMemberships) => {
    const sets = new Map<string, Set<string>>();
    side.members.forEach((member, i) => {
      const at = side.segments[i]!;
      let set = sets.get(member);
      if (!set) sets.set(member, (set = new Set()));
      set.add(at < 0 ? UNASSIGNED : side.labels[at]!);
    });
    return sets;
  };
  const before = setsOf(base);
  const after = setsOf(head);
  const flows = new Map<string, SegmentFlow>();
  const flow = (segment: string) => {
    let f = flows.get(segment);
    if (!f) flows.set(segment, (f = { segment, base: 0, head: 0, stayed: 0, entered: 0, left: 0 }));
    return f;
  };
  let moved = 0;
  let added = 0;
  for (const [member, to] of after) {
    const from = before.get(member);
    if (!from) added++;
    let changed = false;
    for (const s of to) {
      flow(s).head++;
      if (from?.has(s)) flow(s).stayed++;
      else {
        flow(s).entered++;
        changed = true;
      }
    }
    for (const s of from ?? []) {
      flow(s).base++;
      if (!to.has(s)) {
        flow(s).left++;
        changed = true;
      }
    }
    if (from && changed) moved++;
  }
  let removed = 0;
  for (const [member, from] of before) {
    if (after.has(member)) continue;
    removed++;
    for (const s of from) {
      flow(s).base++;
      flow(s).left++;
    }
  }
  return { exclusive: false, members: after.size + removed, moved, added, removed, cells: [], flows: [...flows.values()].sort(bySegment) };
}

function byCount(a: MigrationCell, b: MigrationCell): number {
  return b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to);
}

function bySegment(a: SegmentFlow, b: SegmentFlow): number {
  return compareText(a.segment, b.segment);
}

/** Segment ids first in code-point order, then the parenthesized pseudo-segments. */
export function compareText(a: string, b: string): number {
  const pa = a.startsWith("(");
  const pb = b.startsWith("(");
  if (pa !== pb) return pa ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Off-diagonal cells, largest first: who moved where (joining or leaving the data included). */
export function topMovers(migration: Migration): MigrationCell[] {
  return migration.cells.filter((c) => c.from !== c.to);
}
