import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance.ts";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["plan", "plan", 0],
    ["plan", "plans", 1],
    ["plan", "pan", 1],
    ["plan", "plen", 1],
    ["acitve", "active", 1],
    ["ca", "abc", 3],
    ["kitten", "sitting", 3],
    ["Plan", "plan", 1],
  ])("%j → %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
