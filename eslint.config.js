// Lint rules for every workspace: TypeScript strictness where it catches bugs, Svelte's own rules
// for components, and Prettier owns formatting (so no style rules here).
import js from "@eslint/js";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "client/build/**",
      "client/.svelte-kit/**",
      "data/**",
      "coverage/**",
      ".tmp-smoke/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs["flat/recommended"],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  {
    // Every CSV leaves through infra/spreadsheetCsv.ts, which makes each cell formula-safe (CSV injection).
    files: ["server/**/*.ts", "scripts/**/*.ts"],
    ignores: ["server/src/infra/spreadsheetCsv.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["csv-stringify", "csv-stringify/*"],
              message:
                "Write CSV files with spreadsheetCsv() from server/src/infra/spreadsheetCsv.ts (formula-safe cells).",
            },
          ],
        },
      ],
    },
  },
  {
    // An endpoint is declared once, in shared/src/endpoints, and registered with route() (server/src/http/declareRoute.ts);
    // test/unit/routeDeclarations.test.ts also walks the app's routers for anything registered by hand.
    files: ["server/src/routes/**/*.ts", "server/src/http/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.name=/^(router|app)$/][callee.property.name=/^(get|post|put|patch|delete|all)$/]",
          message: "Register the route with route(router, endpoints.<area>.<name>, handler) from http/declareRoute.ts.",
        },
      ],
    },
  },
  {
    files: ["client/**/*.{ts,svelte}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The client calls the API through the declarations (shared/src/endpoints): callEndpoint() for JSON,
    // urlOf() for links to files. A hand-written path and answer type would drift from the server's.
    files: ["client/**/*.{ts,svelte}"],
    ignores: ["client/src/lib/api.ts", "client/src/lib/endpoints.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='api'][property.name=/^(get|post|put|patch|delete)$/]",
          message:
            "Call the API with callEndpoint(endpoints.<area>.<name>, …) from lib/endpoints.ts (or link a file with urlOf()).",
        },
      ],
    },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: [".svelte"] } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.ts", "**/*.test.ts"],
    languageOptions: { globals: { ...globals.jest } },
  },
);
