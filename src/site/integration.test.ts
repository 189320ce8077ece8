import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { mayLoad } from "./integration.ts";

const SEG = resolve(import.meta.dirname, "../..");
const places = { stage: "/tmp/seg-stage-1/stage-a", workspace: "/home/ana/segmentation", cacheDir: "/tmp/seg-astro-cache/abc" };

describe("mayLoad", () => {
  it("loads the stage, Seg's own code and dependencies, and Astro's cache", () => {
    for (const path of [join(places.stage, "personas/lee.mdx"), join(SEG, "src/site/routes/index.astro"), join(SEG, "node_modules/astro/dist/index.js"), "/usr/lib/node_modules/astro/dist/index.js", join(places.cacheDir, "data-store.json")]) {
      expect(mayLoad(path, places), path).toBe(true);
    }
  });

  it("loads nothing of the workspace (not even its node_modules) and nothing else of the machine", () => {
    for (const path of [join(places.workspace, "personas/helper.js"), join(places.workspace, "astro.config.mjs"), join(places.workspace, "node_modules/astro/index.js"), "/etc/passwd", "/tmp/seg-stage-1/other.js", "/tmp/seg-stage-1/stage-a-evil/x.js"]) {
      expect(mayLoad(path, places), path).toBe(false);
    }
  });
});
