import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules", "dist", "test/fixtures/**"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ["test/support/cache-dir-setup.ts"],
    // Freshness is measured against today's date; seg run as a subprocess reads it from here, so tests do not age.
    env: { SEG_TODAY: "2026-11-23" },
  },
});
