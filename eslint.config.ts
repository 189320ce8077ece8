/**
 * ESLint keeps the style of ../shared/STYLE.md: the one-way import flow between the folders of src/
 * (eslint-plugin-boundaries, in the same pass as the other rules, reported at the import line),
 * DuckDB only behind src/engine/duckdb.ts, named exports, and no console, process.exit or
 * process.env outside the CLI shell. `npm test` runs it (`npm run lint`).
 *
 * typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 no longer ships, so
 * package.json installs TypeScript 6 as `typescript` (for ESLint) and TypeScript 7 as
 * `typescript-7` (the compiler `npm run typecheck` runs): the side-by-side setup TypeScript 7
 * documents.
 */
import boundaries from "eslint-plugin-boundaries";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/**
 * The layers of src/, top to bottom. A folder may import its own layer and any layer below it;
 * nothing imports upwards. `text` (string and number helpers) and `version` sit at the bottom.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["index"],
  ["cli"],
  ["api"],
  ["site", "diff", "formatters", "lint"],
  ["rules"],
  ["engine", "lock", "compile"],
  ["workspace", "expr"],
  ["schema", "diagnostics", "checks"],
  ["text", "version"],
];

const FOLDERS = LAYERS.flat();

/** The two files at the top of src/: the public index and the version constant. */
const ROOT_FILES = ["index", "version"];

function below(folder: string): string[] {
  const rank = LAYERS.findIndex((layer) => layer.includes(folder));
  return LAYERS.slice(rank).flat();
}

const layerPolicies = FOLDERS.map((folder) => {
  const allowed = below(folder);
  const from = ROOT_FILES.includes(folder) ? { file: { categories: folder } } : { element: { type: folder } };
  const to = [
    { element: { types: { anyOf: allowed.filter((name) => !ROOT_FILES.includes(name)) } } },
    ...allowed.filter((name) => ROOT_FILES.includes(name)).map((name) => ({ file: { categories: name } })),
  ];
  return { from, allow: { to } };
});

/** Everything ESLint parses: the library, its shell, tests, scripts and benchmarks. */
const SOURCES = ["src/**/*.ts", "bin/**/*.js", "scripts/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "*.config.ts"];
const TESTS = ["**/*.test.ts", "test/**", "bench/**", "scripts/**"];

export default defineConfig(
  { ignores: ["node_modules/**", "dist/**", "lib/**", "test/fixtures/**", "bench/large/**", "**/.astro/**"] },
  {
    files: SOURCES,
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { disallowTypeAnnotations: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-debugger": "error",
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    name: "seg/library",
    files: ["src/**/*.ts"],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      "boundaries/elements": [
        ...FOLDERS.filter((folder) => !ROOT_FILES.includes(folder)).map((folder) => ({
          type: folder,
          pattern: `src/${folder}`,
          partialMatch: false,
        })),
      ],
      "boundaries/files": ROOT_FILES.map((name) => ({ category: name, pattern: `src/${name}.ts` })),
      "boundaries/include": ["src/**/*.ts"],
      "import/resolver": { node: { extensions: [".ts", ".js"] } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: layerPolicies,
          message: "This import goes against the layers ({{from.type}} importing upwards): imports flow cli → api → site/diff/formatters/lint → rules → engine/lock/compile → workspace/expr → schema/diagnostics/checks (STYLE.md)",
        },
      ],
      "boundaries/no-unknown-dependencies": "error",
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@duckdb/node-api", message: "Only src/engine/duckdb.ts imports the DuckDB client; use its functions." }] },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use a named export (STYLE.md: no default exports)." },
        { selector: "ExportSpecifier[exported.name='default']", message: "Use a named export (STYLE.md: no default exports)." },
        { selector: "MemberExpression[object.name='process'][property.name='exit']", message: "Only src/cli/ ends the process: return an exit code or throw a SegError." },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Only src/cli/ reads the environment: take the value as a parameter." },
      ],
      "no-console": "error",
      // STYLE.md: a function past ~60 lines is split, or its file says why at the top, as
      // /* eslint max-lines-per-function: "off" -- the reason */
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    name: "seg/duckdb-client",
    files: ["src/engine/duckdb.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    name: "seg/cli-shell",
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-console": "off",
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use a named export (STYLE.md: no default exports)." },
      ],
    },
  },
);
