import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    exclude: ["node_modules", "dist", "test/fixtures/**"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Runs once for both projects: the whole run shares one fresh Seg cache folder.
    globalSetup: ["test/support/cache-dir-setup.ts"],
    // Freshness is measured against today's date; seg run as a subprocess reads it from here, so tests do not age.
    env: { SEG_TODAY: "2026-11-23" },
    projects: [
      // The unit tests beside the code share a worker's modules instead of importing them afresh for every file
      // (40 of them took 9 CPU seconds instead of 34). They may: src's module-level state is only pure caches (compiled
      // WebAssembly, a lazily imported parser), none mocks a module, and the tests that change process.env (TMPDIR)
      // or the current folder put them back.
      { test: { name: "unit", include: ["src/**/*.test.ts"], isolate: false } },
      // The integration and end-to-end tests stay one module graph per file: one mocks a module (check-scaling),
      // some build sites with Astro in the test's process, some point SEG_CACHE_DIR elsewhere for a test.
      { test: { name: "integration", include: ["test/**/*.test.ts"] } },
    ],
  },
});
