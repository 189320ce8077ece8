import { describe, expect, it } from "vitest";
import { ignoredByWatch } from "./ignored-by-watch.ts";

describe("ignoredByWatch", () => {
  it.each([
    "segmentation.yaml",
    "segments/lifecycle/power-users.yaml",
    "personas/ana.mdx",
    "reviews/2026-10-14-q4-segment-review.md",
    "data/events.csv",
    "segments/dist/heavy.yaml",
    "segments/tmp/heavy.yaml",
    "segments/sed/heavy.yaml",
    "segments/usage/sedentary.yaml",
    "personas/tmp-ana.mdx",
  ])("watches %s", (path) => {
    expect(ignoredByWatch(path)).toBe(false);
  });

  it.each([
    ["the build output", "dist/index.html"],
    ["installed packages", "node_modules/.vite/deps/astro.js"],
    ["nested installed packages", "tools/node_modules/x/index.js"],
    ["git's folder", ".git/index"],
    ["Astro's folder", ".astro/data-store.json"],
    ["a hidden file", "segments/.heavy.yaml.swp"],
    ["a hidden folder's file", ".github/workflows/seg.yml"],
    ["GNU sed -i's temporary file", "segments/lifecycle/seduotMCO"],
    ["a vim swap file", "segments/usage/heavy.yaml.swo"],
    ["vim's write probe", "segments/usage/4913"],
    ["a backup", "segments/usage/heavy.yaml~"],
    ["a .tmp file", "segments/usage/heavy.yaml.tmp"],
    ["an Emacs autosave", "personas/#ana.mdx#"],
    ["a JetBrains safe-write copy", "personas/ana.mdx___jb_tmp___"],
    ["a Python tempfile", "segments/usage/tmpk3j_9zq2"],
    ["a Windows path in dist", "dist\\segments\\index.html"],
  ])("ignores %s (%s)", (_case, path) => {
    expect(ignoredByWatch(path)).toBe(true);
  });
});
